import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { type EC2Client } from '@aws-sdk/client-ec2';
import { createMailTransport } from '@firebreak/activities';
import { createIncident, type FirebreakDb } from '@firebreak/db';
import {
  type Deployment,
  incidentWorkflowId,
  PLAYBOOK_WORKFLOW_TYPES,
  type PlaybookId,
  type PlaybookInput,
  PLAYBOOKS,
  type Policy,
  type Vulnerability,
} from '@firebreak/domain';
import type { DemoFleet } from '@firebreak/stack';
import { createPlaybookWorker } from '@firebreak/worker';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';

import { createFleetFixture } from './fleet-fixture';
import { SmtpSink } from './smtp-sink';
import { TEST_CONSOLE_URL, TEST_LINK_SECRET } from './test-links';
import { TEST_POLICY } from './test-policy';

export const REGION = 'us-east-1';

/** Everything one integration test needs, wired to the real services started by the global setup. */
export interface TestContext {
  db: FirebreakDb;
  databasePath: string;
  ec2: EC2Client;
  fleet: DemoFleet;
  smtp: SmtpSink;
  client: Client;
  taskQueue: string;
  temporalAddress: string;
  motoEndpoint: string;
  /** Starts an in-process worker on this context's task queue; `stop()` shuts it down and waits until it has. */
  startWorker(): Promise<{ worker: Worker; running: Promise<void>; stop(): Promise<void> }>;
  declare(playbook: PlaybookId, deployments: Deployment[], options?: DeclareOptions): Promise<WorkflowHandle>;
  close(): Promise<void>;
}

export interface DeclareOptions {
  summary?: string;
  sourceAddress?: string;
  vulnerability?: Vulnerability;
  policy?: Policy;
}

/** What a fault test replaces: its own Temporal server, an SMTP server of its own, EC2 through a proxy. */
export interface TestContextOverrides {
  temporalAddress?: string;
  /** The SMTP port workers send to (default: this context's sink). */
  smtpPort?: number;
  /** The EC2 clients workers use (default: this context's client, straight to moto). */
  workerEc2For?: (region: string) => EC2Client;
  /** The task queue workers poll (default: one of this context's own); the browser tests use the console's. */
  taskQueue?: string;
  /** The workers' mail rate (default 50 a second): a slow relay queues messages in the pool. */
  maxMessagesPerSecond?: number;
}

export async function createTestContext(name: string, overrides: TestContextOverrides = {}): Promise<TestContext> {
  const temporalAddress = overrides.temporalAddress ?? inject('temporalAddress');
  const motoEndpoint = inject('motoEndpoint');
  const unique = `${name}-${randomBytes(4).toString('hex')}`;
  const { db, databasePath, ec2, fleet } = await createFleetFixture(name, motoEndpoint);
  const smtp = await SmtpSink.start();
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const taskQueue = overrides.taskQueue ?? `test-${unique}`;
  const workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
  const nativeConnections: NativeConnection[] = [];
  const transports: ReturnType<typeof createMailTransport>[] = [];

  return {
    db,
    databasePath,
    ec2,
    fleet,
    smtp,
    client,
    taskQueue,
    temporalAddress,
    motoEndpoint,
    async startWorker() {
      const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
      nativeConnections.push(nativeConnection);
      const transport = createMailTransport({
        host: '127.0.0.1',
        port: overrides.smtpPort ?? smtp.port,
        requireTls: false,
        maxMessagesPerSecond: overrides.maxMessagesPerSecond ?? 50,
      });
      transports.push(transport);
      const worker = await createPlaybookWorker({
        connection: nativeConnection,
        namespace: 'default',
        taskQueue,
        workflowBundle,
        db,
        ec2For: overrides.workerEc2For ?? (() => ec2),
        transport,
        mailFrom: 'Firebreak Tests <firebreak@example.org>',
        noticeLinks: { secret: TEST_LINK_SECRET, consoleUrl: TEST_CONSOLE_URL },
      });
      const running = worker.run();
      const stop = async () => {
        worker.shutdown();
        await running;
      };
      return { worker, running, stop };
    },
    async declare(playbook, deployments, options = {}) {
      const summary = options.summary ?? 'Unexpected outbound traffic from the transfer hosts';
      const incidentId = `inc-${randomBytes(6).toString('hex')}`;
      const input: PlaybookInput = {
        incidentId,
        playbook,
        severity: 'critical',
        summary,
        deployments,
        declaredBy: { kind: 'user', id: 'test', name: 'Test engineer' },
        policy: options.policy ?? TEST_POLICY,
        ...(options.sourceAddress ? { sourceAddress: options.sourceAddress } : {}),
        ...(options.vulnerability ? { vulnerability: options.vulnerability } : {}),
      };
      await createIncident(db, {
        id: incidentId,
        playbook,
        severity: input.severity,
        summary,
        deploymentIds: deployments.map((d) => d.id),
        customerIds: [...new Set(deployments.flatMap((d) => d.customerIds))],
        workflowId: incidentWorkflowId(incidentId),
        declaredBy: input.declaredBy,
        declaredAt: new Date().toISOString(),
        steps: PLAYBOOKS[playbook].stepNames,
      });
      return client.workflow.start(PLAYBOOK_WORKFLOW_TYPES[playbook], {
        workflowId: incidentWorkflowId(incidentId),
        taskQueue,
        args: [input],
      });
    },
    async close() {
      for (const transport of transports) transport.close();
      for (const c of nativeConnections) await c.close();
      await connection.close();
      await smtp.stop();
      ec2.destroy();
      await db.destroy();
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks that give a test file its own context with a running worker, and returns a getter
 * for it (the context exists only once beforeAll has run).
 */
export function useTestContextWithWorker(name: string): () => TestContext {
  let ctx: TestContext | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ctx = await createTestContext(name);
    stopWorker = (await ctx.startWorker()).stop;
  });
  afterAll(async () => {
    await stopWorker?.();
    await ctx?.close();
  });
  return () => {
    if (!ctx) throw new Error('the test context is created in beforeAll');
    return ctx;
  };
}
