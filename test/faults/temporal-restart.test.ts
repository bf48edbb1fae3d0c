import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import { findIncident, listTimeline } from '@firebreak/db';
import type { Deployment } from '@firebreak/domain';
import { ensureTemporalCli, findFreePort, startTemporalDevServer, type TemporalDevServer, toolsDirFrom } from '@firebreak/stack';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { incidentIdOf, waitForStatus } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { TEST_POLICY } from '../support/test-policy';

const BLOCK_TTL_SECONDS = 6;

describe('the Temporal server stopped and restarted with incidents in flight', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'firebreak-restart-'));
  let binary: string;
  let ports: { port: number; uiPort: number };
  let temporal: TemporalDevServer | undefined;
  let ctx: TestContext;
  let stopWorker: () => Promise<void> = async () => {};
  const handles: WorkflowHandle[] = [];

  // The same ports and the same database file each time: a restart, not a new server.
  const startServer = () =>
    startTemporalDevServer({ binary, ...ports, dbFile: join(scratch, 'temporal.db'), logFile: join(scratch, 'temporal.log') });

  beforeAll(async () => {
    binary = await ensureTemporalCli({ toolsDir: toolsDirFrom() });
    ports = { port: await findFreePort(), uiPort: await findFreePort() };
    temporal = await startServer();
    ctx = await createTestContext('temporal-restart', { temporalAddress: temporal.address });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    await stopWorker();
    await ctx?.close();
    await temporal?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function denyEntries(deployment: Deployment, cidr: string) {
    const acls =
      (await ctx.ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: deployment.subnetIds }] })))
        .NetworkAcls ?? [];
    return acls.flatMap((acl) => (acl.Entries ?? []).filter((e) => e.CidrBlock === cidr && e.RuleAction === 'deny'));
  }

  it('lets every incident finish, fires the timers that fell due meanwhile, and repeats nothing', { timeout: 400_000 }, async () => {
    const sources = ['203.0.113.10', '203.0.113.20', '203.0.113.30'];
    const cases = sources.map((source, i) => ({ source, deployment: ctx.fleet.deployments[i % ctx.fleet.deployments.length]! }));
    for (const { source, deployment } of cases) {
      handles.push(
        await ctx.declare('suspicious-activity', [deployment], {
          summary: `scanning from ${source}`,
          sourceAddress: source,
          policy: { ...TEST_POLICY, blockTtlSeconds: BLOCK_TTL_SECONDS },
        }),
      );
    }
    for (const handle of handles) await waitForStatus(ctx, handle, 'blocked');
    const blockedBy = Date.now();

    await temporal!.stop();
    // Down until every block's timer is due: they must fire after the restart, not be lost.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, blockedBy + BLOCK_TTL_SECONDS * 1000 + 1000 - Date.now())));
    temporal = await startServer();

    for (const handle of handles) {
      await handle.result();
      await waitForStatus(ctx, handle, 'closed');
    }

    for (const [i, { source, deployment }] of cases.entries()) {
      const incidentId = incidentIdOf(handles[i]!);
      expect((await findIncident(ctx.db, incidentId))?.status).toBe('closed');
      const summaries = (await listTimeline(ctx.db, incidentId)).map((e) => e.summary);
      expect(
        summaries.filter((s) => s.startsWith('Blocked ')),
        incidentId,
      ).toHaveLength(1);
      expect(
        summaries.filter((s) => s.startsWith(`Unblocked ${source}`)),
        incidentId,
      ).toHaveLength(1);
      expect(
        summaries.filter((s) => s.startsWith('No decision on keep-block in time')),
        incidentId,
      ).toHaveLength(1);
      expect(await denyEntries(deployment, `${source}/32`)).toEqual([]);
      // One alert to operations per incident, however many times the server went away.
      const alerts = ctx.smtp.messages.filter((m) => m.subject.includes(`blocked ${source}`));
      expect(alerts, incidentId).toHaveLength(1);
    }
  });
});
