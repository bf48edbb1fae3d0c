import { randomBytes, randomUUID } from 'node:crypto';

import { POST as postDecision } from '@firebreak/console/app/api/v1/incidents/[id]/decisions/route';
// The console reads its configuration on first use, so the route handlers can be imported before process.env is
// pointed at this file's database and the test Temporal server (in beforeAll).
import { GET as getIncident } from '@firebreak/console/app/api/v1/incidents/[id]/route';
import { GET as getPolicyHistory } from '@firebreak/console/app/api/v1/policy/history/route';
import { GET as getPolicy, PUT as putPolicy } from '@firebreak/console/app/api/v1/policy/route';
import {
  type ApiTokenRole,
  createApiToken,
  createIncident,
  findIncident,
  listPolicyVersions,
  listTimeline,
  setIncidentStatus,
} from '@firebreak/db';
import {
  type DecisionOutcome,
  DEFAULT_POLICY,
  type Incident,
  incidentWorkflowId,
  PLAYBOOK_WORKFLOW_TYPES,
  type PlaybookInput,
  PLAYBOOKS,
  type TimelineEvent,
} from '@firebreak/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

const BASE = 'http://console.test/api/v1';

let ctx: TestContext;
const tokens = {} as Record<ApiTokenRole, string>;
const startedWorkflowIds = new Set<string>();

beforeAll(async () => {
  ctx = await createTestContext('decisions-api');
  process.env.FIREBREAK_DATABASE_PATH = ctx.databasePath;
  process.env.TEMPORAL_ADDRESS = ctx.temporalAddress;
  process.env.TEMPORAL_NAMESPACE = 'default';
  for (const role of ['administrator', 'on-call', 'manager', 'viewer'] as const) {
    tokens[role] = (await createApiToken(ctx.db, { name: `${role} token`, role })).token;
  }
});

afterAll(async () => {
  for (const workflowId of startedWorkflowIds) {
    await ctx.client.workflow
      .getHandle(workflowId)
      .terminate('decisions api test finished')
      .catch(() => {});
  }
  await ctx?.close();
});

interface ErrorJson {
  error: { code: string; message: string; fieldErrors?: { path: string; message: string }[] };
}

function request(method: 'GET' | 'POST' | 'PUT', path: string, role: ApiTokenRole, body?: unknown): Request {
  const headers: Record<string, string> = { Authorization: `Bearer ${tokens[role]}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

function decide(incidentId: string, role: ApiTokenRole, body: unknown): Promise<Response> {
  return postDecision(request('POST', `/incidents/${incidentId}/decisions`, role, body), { params: Promise.resolve({ id: incidentId }) });
}

async function readIncident(incidentId: string): Promise<Incident & { pendingDecisions: { gate: string }[]; live: boolean }> {
  const response = await getIncident(request('GET', `/incidents/${incidentId}`, 'viewer'), { params: Promise.resolve({ id: incidentId }) });
  expect(response.status).toBe(200);
  return (await response.json()) as Incident & { pendingDecisions: { gate: string }[]; live: boolean };
}

/** An incident recorded in the database whose workflow was never started: enough for what is refused up front. */
async function recordedIncident(): Promise<string> {
  const deployment = ctx.fleet.deployments[0]!;
  const id = `inc-${randomBytes(6).toString('hex')}`;
  await createIncident(ctx.db, {
    id,
    playbook: 'infrastructure-compromise',
    severity: 'high',
    summary: 'Recorded for the decisions API test',
    deploymentIds: [deployment.id],
    customerIds: deployment.customerIds,
    workflowId: incidentWorkflowId(id),
    declaredBy: { kind: 'user', id: 'test', name: 'Test engineer' },
    declaredAt: new Date().toISOString(),
    steps: PLAYBOOKS['infrastructure-compromise'].stepNames,
  });
  return id;
}

async function decisionEvents(incidentId: string): Promise<TimelineEvent[]> {
  return (await listTimeline(ctx.db, incidentId)).filter((e) => e.kind === 'decision');
}

const backupSafe = (choice: string, decisionId?: string) => ({
  gate: 'backup-safe',
  choice,
  reason: 'The forensic snapshots show the image itself was not tampered with',
  ...(decisionId ? { decisionId } : {}),
});

describe('POST /incidents/{id}/decisions refuses what it can without the playbook', () => {
  it('answers 403 to a viewer or a manager, and puts each refusal on the timeline', async () => {
    const incidentId = await recordedIncident();
    for (const role of ['viewer', 'manager'] as const) {
      const response = await decide(incidentId, role, backupSafe('yes'));
      expect(response.status, role).toBe(403);
      expect(((await response.json()) as ErrorJson).error.code).toBe('FORBIDDEN');
    }
    const events = await decisionEvents(incidentId);
    expect(events).toHaveLength(2);
    for (const [event, role] of [
      [events[0]!, 'viewer'],
      [events[1]!, 'manager'],
    ] as const) {
      expect(event.summary).toMatch(/^Refused: /);
      expect(event.actor).toMatchObject({ kind: 'api-token', name: `${role} token` });
      expect(event.details).toMatchObject({ gate: 'backup-safe', choice: 'yes', role, refusal: 'FORBIDDEN' });
      expect(event.details.reason).toContain('forensic snapshots');
    }
  });

  it('answers 400 with field errors for an invalid body, and records the refusal once per decision id', async () => {
    const incidentId = await recordedIncident();
    const body = { gate: 'backup-safe', choice: 'yes', reason: '   ', decisionId: `bad-${randomUUID()}` };
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await decide(incidentId, 'on-call', body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as ErrorJson).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors?.map((e) => e.path)).toEqual(['reason']);
    }
    const unknownGate = await decide(incidentId, 'on-call', { gate: 'launch-missiles', choice: 'yes', reason: 'why not' });
    expect(unknownGate.status).toBe(400);
    expect(((await unknownGate.json()) as ErrorJson).error.fieldErrors?.map((e) => e.path)).toEqual(['gate']);

    const refusals = (await decisionEvents(incidentId)).map((e) => e.details);
    expect(refusals).toEqual([
      expect.objectContaining({ gate: 'backup-safe', refusal: 'VALIDATION_FAILED', decisionId: body.decisionId }),
      expect.objectContaining({ gate: 'launch-missiles', refusal: 'VALIDATION_FAILED' }),
    ]);
  });

  it('answers 404 for an unknown incident and records nothing', async () => {
    const response = await decide('inc-000000000000', 'on-call', backupSafe('yes'));
    expect(response.status).toBe(404);
    expect(await decisionEvents('inc-000000000000')).toEqual([]);
  });

  it('answers 409 for a closed incident', async () => {
    const incidentId = await recordedIncident();
    await setIncidentStatus(ctx.db, incidentId, 'closed', new Date().toISOString());
    const response = await decide(incidentId, 'administrator', backupSafe('yes'));
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('INCIDENT_NOT_OPEN');
    expect((await decisionEvents(incidentId)).map((e) => e.details.refusal)).toEqual(['INCIDENT_NOT_OPEN']);
    expect(await readIncident(incidentId)).toMatchObject({ status: 'closed', pendingDecisions: [], live: false });
  });

  it('answers 503 within its bound when no worker answers, and tells the caller which decision id to repeat', async () => {
    // A playbook run on a task queue nobody polls: the update is never taken up.
    const incidentId = await recordedIncident();
    const input: PlaybookInput = {
      incidentId,
      playbook: 'infrastructure-compromise',
      severity: 'high',
      summary: 'nobody is polling',
      deployments: [ctx.fleet.deployments[0]!],
      declaredBy: { kind: 'user', id: 'test', name: 'Test engineer' },
      policy: DEFAULT_POLICY,
    };
    const handle = await ctx.client.workflow.start(PLAYBOOK_WORKFLOW_TYPES['infrastructure-compromise'], {
      workflowId: incidentWorkflowId(incidentId),
      taskQueue: `nobody-polls-${randomBytes(4).toString('hex')}`,
      args: [input],
    });
    startedWorkflowIds.add(handle.workflowId);

    expect(await readIncident(incidentId)).toMatchObject({ pendingDecisions: [], clocks: [], live: false });
    const decisionId = `slow-${randomUUID()}`;
    const started = Date.now();
    const response = await decide(incidentId, 'on-call', backupSafe('yes', decisionId));
    const waited = Date.now() - started;
    expect(response.status).toBe(503);
    const error = ((await response.json()) as ErrorJson).error;
    expect(error.code).toBe('ORCHESTRATOR_UNAVAILABLE');
    expect(error.message).toContain(decisionId);
    expect(waited).toBeGreaterThanOrEqual(9_000);
    expect(waited).toBeLessThan(20_000);
    // The outcome is unknown, not refused: nothing goes on the timeline as a refusal.
    expect(await decisionEvents(incidentId)).toEqual([]);
  });
});

describe('decisions taken by a running playbook', () => {
  it('accepts a decision, answers its repeat with the first outcome, and refuses what is no longer pending (infrastructureCompromise "decide" update)', async () => {
    const { worker, running } = await ctx.startWorker();
    try {
      const handle = await ctx.declare('infrastructure-compromise', [ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!]);
      startedWorkflowIds.add(handle.workflowId);
      const incidentId = handle.workflowId.replace(/^incident-/, '');

      const pending = await waitUntil('the backup-safe decision is pending', async () => {
        const incident = await readIncident(incidentId);
        return incident.live && incident.pendingDecisions.find((p) => p.gate === 'backup-safe');
      });
      expect(pending).toMatchObject({ gate: 'backup-safe', choices: ['yes', 'no'], roles: expect.arrayContaining(['on-call']) });

      const offered = await decide(incidentId, 'on-call', backupSafe('maybe'));
      expect(offered.status).toBe(400);
      expect(((await offered.json()) as ErrorJson).error.code).toBe('CHOICE_NOT_OFFERED');

      const decisionId = `backup-${randomUUID()}`;
      const accepted = await decide(incidentId, 'on-call', backupSafe('no', decisionId));
      expect(accepted.status).toBe(200);
      const outcome = (await accepted.json()) as DecisionOutcome;
      expect(outcome).toMatchObject({ decisionId, gate: 'backup-safe', choice: 'no' });

      const repeated = await decide(incidentId, 'on-call', backupSafe('no', decisionId));
      expect(repeated.status).toBe(200);
      expect(await repeated.json()).toEqual(outcome);

      const late = await decide(incidentId, 'administrator', backupSafe('yes'));
      expect(late.status).toBe(409);
      expect(((await late.json()) as ErrorJson).error.code).toMatch(/^(GATE_NOT_PENDING|INCIDENT_NOT_OPEN)$/);

      await waitUntil('the incident is closed', async () => (await findIncident(ctx.db, incidentId))?.status === 'closed');
      const afterClose = await decide(incidentId, 'on-call', backupSafe('yes'));
      expect(afterClose.status).toBe(409);
      expect(((await afterClose.json()) as ErrorJson).error.code).toBe('INCIDENT_NOT_OPEN');

      const events = await decisionEvents(incidentId);
      const acceptedEvents = events.filter((e) => e.details.decisionId === decisionId);
      expect(acceptedEvents).toHaveLength(1);
      expect(acceptedEvents[0]!.details).toMatchObject({ gate: 'backup-safe', choice: 'no', role: 'on-call' });
      expect(acceptedEvents[0]!.actor).toMatchObject({ kind: 'api-token', name: 'on-call token' });
      expect(events.filter((e) => e.summary.startsWith('Refused')).map((e) => e.details.refusal)).toEqual([
        'CHOICE_NOT_OFFERED',
        expect.stringMatching(/^(GATE_NOT_PENDING|INCIDENT_NOT_OPEN)$/),
        'INCIDENT_NOT_OPEN',
      ]);
    } finally {
      worker.shutdown();
      await running;
    }
  });
});

describe('policy', () => {
  const policyRequest = (method: 'GET' | 'PUT', role: ApiTokenRole, body?: unknown) => request(method, '/policy', role, body);

  it('serves the documented defaults to the roles that read the policy before anyone changes them', async () => {
    const response = await getPolicy(policyRequest('GET', 'manager'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ policy: DEFAULT_POLICY, version: null, changedBy: null, changedAt: null });
  });

  it('does not show the policy to a viewer, who reads incidents only', async () => {
    expect((await getPolicy(policyRequest('GET', 'viewer'))).status).toBe(403);
  });

  it('lets only an administrator save a new version', async () => {
    const body = { policy: { ...DEFAULT_POLICY, blockTtlSeconds: 12 * 3600 }, reason: 'Shorter blocks after review' };
    for (const role of ['viewer', 'manager', 'on-call'] as const) {
      const response = await putPolicy(policyRequest('PUT', role, body));
      expect(response.status, role).toBe(403);
      expect(((await response.json()) as ErrorJson).error.code).toBe('FORBIDDEN');
    }
    expect(await listPolicyVersions(ctx.db)).toEqual([]);

    const saved = await putPolicy(policyRequest('PUT', 'administrator', body));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      version: 1,
      policy: body.policy,
      reason: body.reason,
      changedBy: { name: 'administrator token' },
    });

    const current = (await (await getPolicy(policyRequest('GET', 'on-call'))).json()) as { version: number; policy: unknown };
    expect(current).toMatchObject({ version: 1, policy: body.policy });
  });

  it('answers 400 with field errors for an invalid policy and saves nothing', async () => {
    const before = (await listPolicyVersions(ctx.db)).length;
    const invalid = await putPolicy(
      policyRequest('PUT', 'administrator', {
        policy: { ...DEFAULT_POLICY, fixReleaseLimitSeconds: 0, warnAtFraction: 2, operationsEmail: 'nobody' },
        reason: ' ',
      }),
    );
    expect(invalid.status).toBe(400);
    const error = ((await invalid.json()) as ErrorJson).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors?.map((e) => e.path).sort()).toEqual([
      'policy.fixReleaseLimitSeconds',
      'policy.operationsEmail',
      'policy.warnAtFraction',
      'reason',
    ]);

    const inverted = await putPolicy(
      policyRequest('PUT', 'administrator', {
        policy: { ...DEFAULT_POLICY, bulletinTargetSeconds: 48 * 3600 },
        reason: 'target later than the limit',
      }),
    );
    expect(inverted.status).toBe(400);
    expect(((await inverted.json()) as ErrorJson).error.fieldErrors).toEqual([
      { path: 'policy.bulletinTargetSeconds', message: 'the bulletin target must not be later than its limit' },
    ]);
    expect(await listPolicyVersions(ctx.db)).toHaveLength(before);
  });

  it('lists every version, newest first, with who changed it and why', async () => {
    await putPolicy(policyRequest('PUT', 'administrator', { policy: DEFAULT_POLICY, reason: 'Back to the documented targets' }));
    const response = await getPolicyHistory(request('GET', '/policy/history', 'manager'));
    expect(response.status).toBe(200);
    const { versions } = (await response.json()) as { versions: { version: number; reason: string; changedBy: { name: string } }[] };
    expect(versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'Back to the documented targets'],
      [1, 'Shorter blocks after review'],
    ]);
    expect(versions[0]!.changedBy.name).toBe('administrator token');
  });
});
