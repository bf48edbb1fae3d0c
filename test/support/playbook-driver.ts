import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { findIncident, listTimeline } from '@firebreak/db';
import {
  type Actor,
  type DeciderRole,
  type DecisionOutcome,
  type GateId,
  INCIDENT_QUERIES,
  INCIDENT_UPDATES,
  type IncidentStatus,
  type PendingDecision,
} from '@firebreak/domain';
import { ApplicationFailure, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

import type { TestContext } from './test-context';
import { waitUntil } from './wait-until';

export const ENGINEER: Actor = { kind: 'user', id: 'eng-ada', name: 'Ada Engineer' };

interface QueriedState {
  status: IncidentStatus;
  pendingDecisions: PendingDecision[];
  facts: Record<string, unknown>;
}

export function incidentIdOf(handle: WorkflowHandle): string {
  return handle.workflowId.replace(/^incident-/, '');
}

export async function queryState(handle: WorkflowHandle): Promise<QueriedState> {
  return handle.query<QueriedState>(INCIDENT_QUERIES.state);
}

/** Waits until the playbook has opened this gate (for this customer, if given). */
export async function waitForGate(handle: WorkflowHandle, gate: GateId, customerId?: string): Promise<PendingDecision> {
  return waitUntil(`decision ${gate}${customerId ? ` for ${customerId}` : ''} is pending`, async () =>
    (await queryState(handle)).pendingDecisions.find((p) => p.gate === gate && (!customerId || p.customerId === customerId)),
  );
}

export interface DecideOptions {
  role?: DeciderRole;
  actor?: Actor;
  customerId?: string;
  parameters?: Record<string, string>;
  decisionId?: string;
}

/** Sends a decision as the console does: a Workflow Update whose id is the decision id. */
export async function decide(
  handle: WorkflowHandle,
  gate: GateId,
  choice: string,
  reason: string,
  options: DecideOptions = {},
): Promise<DecisionOutcome> {
  const decisionId = options.decisionId ?? randomUUID();
  return handle.executeUpdate<DecisionOutcome, [unknown]>(INCIDENT_UPDATES.decide, {
    updateId: decisionId,
    args: [
      {
        decisionId,
        gate,
        choice,
        reason,
        actor: options.actor ?? ENGINEER,
        role: options.role ?? 'on-call',
        ...(options.customerId ? { customerId: options.customerId } : {}),
        ...(options.parameters ? { parameters: options.parameters } : {}),
      },
    ],
  });
}

/**
 * A refused update as `TYPE: words`: the failure type its validator raised (from the failure registry) and its
 * message. An untyped failure (no handler for the update) is its words alone.
 */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ApplicationFailure) return cause.type ? `${cause.type}: ${cause.message}` : cause.message;
    return (error as Error).message;
  }
  throw new Error('expected the update to be refused');
}

export async function waitForStatus(ctx: TestContext, handle: WorkflowHandle, status: IncidentStatus, timeoutMs = 180_000) {
  const incidentId = incidentIdOf(handle);
  return waitUntil(
    `incident ${incidentId} is ${status}`,
    async () => {
      const incident = await findIncident(ctx.db, incidentId);
      if (incident?.status === 'failed' && status !== 'failed') {
        const timeline = await listTimeline(ctx.db, incidentId);
        throw new Error(`incident failed:\n${timeline.map((e) => e.summary).join('\n')}`);
      }
      return incident?.status === status && incident;
    },
    { timeoutMs },
  );
}

/** Saves the history of a finished run under test/histories when FIREBREAK_RECORD_HISTORIES=1, for the replay test. */
export async function recordHistoryIfAsked(ctx: TestContext, workflowId: string, file: string): Promise<void> {
  if (process.env.FIREBREAK_RECORD_HISTORIES !== '1') return;
  const history = await ctx.client.workflow.getHandle(workflowId).fetchHistory();
  const dir = join(import.meta.dirname, '../histories');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), historyToJSON(history));
}

/**
 * The emulator accepts `AssociatePublicIpAddress=false` and keeps the address (AWS removes it), so containment of
 * the single-tenant demo deployment, which has an auto-assigned address, always stops at the containment-incomplete
 * gate. Waits for it and accepts the remaining path as on-call would, with that reason.
 */
export async function acceptEmulatorResiduals(handle: WorkflowHandle): Promise<void> {
  await waitForGate(handle, 'containment-incomplete');
  await decide(
    handle,
    'containment-incomplete',
    'accept-residuals',
    'The emulator keeps auto-assigned addresses it was asked to remove; the subnet ACL denies all traffic.',
  );
}

/** The designated technical contacts of every customer on the deployment: who an incident notice goes to. */
export function designatedContactsOf(ctx: TestContext, deployment: { customerIds: string[] }) {
  return ctx.fleet.customers
    .filter((c) => deployment.customerIds.includes(c.id))
    .flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
}

/** Who received notices of this kind, sorted: one entry per message, so a second message to a contact shows. */
export function recipientsOf(ctx: TestContext, kind: string): string[] {
  return ctx.smtp
    .ofKind(kind)
    .map((m) => m.to)
    .sort();
}
