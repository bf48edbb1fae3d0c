import { appendTimelineEvent, createIncident, currentPolicy, findIdempotencyClaim, findIncident } from '@firebreak/db';
import {
  type DeclareIncidentRequest,
  type Deployment,
  FirebreakError,
  type Incident,
  incidentWorkflowId,
  type PlaybookInput,
  PLAYBOOKS,
  type Policy,
} from '@firebreak/domain';

import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { newIncidentId } from './new-incident-id';
import { parseDeclaration } from './parse-declaration';
import { declarationHash } from './request-hash';
import { resolveDeployments } from './resolve-deployments';
import { startIncidentWorkflow } from './start-incident-workflow';

export interface DeclareIncidentInput {
  /** The unvalidated request body. */
  request: unknown;
  idempotencyKey?: string;
}

export interface DeclaredIncident {
  incident: Incident;
  /** False when an earlier request with the same Idempotency-Key already declared this incident. */
  created: boolean;
}

/**
 * Declares an incident and starts its playbook. The incident is recorded before the workflow starts: if the
 * orchestrator is down the record stays `declared`, the caller gets ORCHESTRATOR_UNAVAILABLE, and sending the
 * same request with the same Idempotency-Key later starts that very incident.
 */
export async function declareIncident(caller: Caller, { request, idempotencyKey }: DeclareIncidentInput): Promise<DeclaredIncident> {
  assertPermitted(caller.role, 'incidents:declare');
  const { actor } = caller;
  const declaration = parseDeclaration(request);
  const db = await getDatabase();
  const deployments = await resolveDeployments(declaration.deploymentIds);
  const requestHash = declarationHash(declaration, actor);
  // The incident keeps the policy in force now: later policy changes never move its clocks.
  const policy = await currentPolicy(db);

  if (idempotencyKey !== undefined) {
    const earlier = await findEarlierDeclaration(idempotencyKey, requestHash);
    if (earlier) {
      await startIncidentWorkflow(playbookInputOf(earlier, declaration, deployments, policy));
      return { incident: earlier, created: false };
    }
  }

  const id = newIncidentId();
  const declaredAt = new Date().toISOString();
  const customerIds = [...new Set(deployments.flatMap((d) => d.customerIds))].sort();
  try {
    await createIncident(
      db,
      {
        id,
        playbook: declaration.playbook,
        severity: declaration.severity,
        summary: declaration.summary,
        deploymentIds: declaration.deploymentIds,
        customerIds,
        workflowId: incidentWorkflowId(id),
        declaredBy: actor,
        declaredAt,
        steps: PLAYBOOKS[declaration.playbook].stepNames,
      },
      idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash },
    );
  } catch (error) {
    // A concurrent request with the same key won the race: answer as its repeat.
    const winner = idempotencyKey === undefined ? undefined : await findEarlierDeclaration(idempotencyKey, requestHash);
    if (!winner) throw error;
    await startIncidentWorkflow(playbookInputOf(winner, declaration, deployments, policy));
    return { incident: winner, created: false };
  }
  await appendTimelineEvent(db, {
    id: `${id}:declared`,
    incidentId: id,
    at: declaredAt,
    actor,
    kind: 'status',
    summary: `Incident declared (${declaration.severity}): ${declaration.summary}`.slice(0, 500),
    details: { playbook: declaration.playbook, deploymentIds: declaration.deploymentIds, customerIds },
  });
  await recordAudit({
    severity: 'notice',
    eventType: 'incident.declared',
    actor,
    details: { incidentId: id, playbook: declaration.playbook, severity: declaration.severity, deploymentIds: declaration.deploymentIds },
  });

  const incident = await requireIncident(id);
  await startIncidentWorkflow(playbookInputOf(incident, declaration, deployments, policy));
  return { incident, created: true };
}

async function findEarlierDeclaration(key: string, requestHash: string): Promise<Incident | undefined> {
  const db = await getDatabase();
  const claim = await findIdempotencyClaim(db, key);
  if (!claim) return undefined;
  if (claim.requestHash !== requestHash) {
    throw new FirebreakError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different declaration. Use a new key for a new incident.',
    );
  }
  return requireIncident(claim.incidentId);
}

async function requireIncident(id: string): Promise<Incident> {
  const incident = await findIncident(await getDatabase(), id);
  if (!incident) throw new Error(`incident ${id} vanished right after it was recorded`);
  return incident;
}

function playbookInputOf(
  incident: Incident,
  declaration: DeclareIncidentRequest,
  deployments: Deployment[],
  policy: Policy,
): PlaybookInput {
  return {
    policy,
    ...(declaration.sourceAddress ? { sourceAddress: declaration.sourceAddress } : {}),
    ...(declaration.vulnerability ? { vulnerability: declaration.vulnerability } : {}),
    incidentId: incident.id,
    playbook: declaration.playbook,
    severity: declaration.severity,
    summary: declaration.summary,
    deployments,
    declaredBy: incident.declaredBy,
  };
}
