import { readFileSync } from 'node:fs';

import { createMailTransport } from '@firebreak/activities';
// The console reads its configuration on first use: the handlers can be imported before process.env is set.
import { POST as postDecision } from '@firebreak/console/app/api/v1/incidents/[id]/decisions/route';
import { POST as declareIncident } from '@firebreak/console/app/api/v1/incidents/route';
import { createApiToken, listTimeline } from '@firebreak/db';
import { type Incident, PLAYBOOK_WORKFLOW_TYPES, TASK_QUEUE } from '@firebreak/domain';
import { createPlaybookWorker } from '@firebreak/worker';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { queryState } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

const BASE = 'http://console.test/api/v1';

describe('the same declaration and the same decision sent twice at once', () => {
  let ctx: TestContext;
  let token: string;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let connection: NativeConnection | undefined;
  let transport: ReturnType<typeof createMailTransport> | undefined;
  const workflowIds = new Set<string>();

  beforeAll(async () => {
    ctx = await createTestContext('repeated-requests');
    process.env.FIREBREAK_DATABASE_PATH = ctx.databasePath;
    process.env.TEMPORAL_ADDRESS = ctx.temporalAddress;
    process.env.TEMPORAL_NAMESPACE = 'default';
    ({ token } = await createApiToken(ctx.db, { name: 'monitoring', role: 'on-call' }));
    // The console starts playbooks on the production task queue: this project's own Temporal server has nothing else there.
    connection = await NativeConnection.connect({ address: ctx.temporalAddress });
    transport = createMailTransport({ host: '127.0.0.1', port: ctx.smtp.port, requireTls: false, maxMessagesPerSecond: 50 });
    worker = await createPlaybookWorker({
      connection,
      namespace: 'default',
      taskQueue: TASK_QUEUE,
      workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
      db: ctx.db,
      ec2For: () => ctx.ec2,
      transport,
      mailFrom: 'Firebreak Tests <firebreak@example.org>',
    });
    running = worker.run();
  });

  afterAll(async () => {
    for (const id of workflowIds)
      await ctx.client.workflow
        .getHandle(id)
        .terminate('fault test finished')
        .catch(() => {});
    worker?.shutdown();
    await running;
    transport?.close();
    await connection?.close();
    await ctx?.close();
  });

  function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
    return new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  it('makes one incident and one state change', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const declaration = {
      playbook: 'infrastructure-compromise',
      deploymentIds: [deployment.id],
      severity: 'critical',
      summary: 'Declared twice by a monitoring system that retried',
    };
    const key = `monitor-retry-${Date.now()}`;
    const countIncidents = async () =>
      Number(
        (
          await ctx.db
            .selectFrom('incidents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countIncidents();

    const responses = await Promise.all([
      declareIncident(post('/incidents', declaration, { 'Idempotency-Key': key })),
      declareIncident(post('/incidents', declaration, { 'Idempotency-Key': key })),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = (await Promise.all(responses.map((r) => r.json()))) as Incident[];
    expect(a!.id).toBe(b!.id);
    workflowIds.add(a!.workflowId);
    expect(await countIncidents()).toBe(before + 1);
    const runs: string[] = [];
    for await (const run of ctx.client.workflow.list({ query: `WorkflowId = '${a!.workflowId}'` })) runs.push(run.runId);
    expect(runs).toHaveLength(1);
    const handle = ctx.client.workflow.getHandle(a!.workflowId);
    expect((await handle.describe()).type).toBe(PLAYBOOK_WORKFLOW_TYPES['infrastructure-compromise']);

    await waitUntil(
      'the backup-safe decision is pending',
      async () => (await queryState(handle)).pendingDecisions.some((p) => p.gate === 'backup-safe'),
      { timeoutMs: 180_000 },
    );
    const decisionId = `backup-${Date.now()}`;
    const decision = { gate: 'backup-safe', choice: 'no', reason: 'the image may have been tampered with', decisionId };
    const route = { params: Promise.resolve({ id: a!.id }) };
    const decided = await Promise.all([
      postDecision(post(`/incidents/${a!.id}/decisions`, decision), route),
      postDecision(post(`/incidents/${a!.id}/decisions`, decision), route),
    ]);
    expect(decided.map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = await Promise.all(decided.map((r) => r.json()));
    expect(second).toEqual(first);

    const timeline = await listTimeline(ctx.db, a!.id);
    expect(timeline.filter((e) => e.summary.startsWith('Incident declared'))).toHaveLength(1);
    const accepted = timeline.filter((e) => e.kind === 'decision' && e.details.decisionId === decisionId);
    expect(accepted).toHaveLength(1);
    // The decision moved the playbook on once: the gate is gone and was answered once in the workflow's history.
    expect((await queryState(handle)).pendingDecisions.some((p) => p.gate === 'backup-safe')).toBe(false);
    const history = await handle.fetchHistory();
    const updatesAccepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(updatesAccepted).toHaveLength(1);
  });
});
