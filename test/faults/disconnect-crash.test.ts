import type { ChildProcess } from 'node:child_process';

import { findIncident, listTimeline } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { incidentIdOf } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';
import { killWorkerProcess, startWorkerProcess } from '../support/worker-process';

describe('a worker killed in the middle of disconnect', () => {
  let ctx: TestContext;
  let handle: WorkflowHandle | undefined;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('disconnect-crash');
  });

  afterAll(async () => {
    for (const worker of workers) await killWorkerProcess(worker);
    await handle?.terminate('fault test finished').catch(() => {});
    await ctx?.close();
  });

  it('leaves the deployment fully isolated with one group, one ACL and one set of snapshots', { timeout: 400_000 }, async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = incidentIdOf(handle);
    const worker = (logName: string) => startWorkerProcess(ctx, { logName: `disconnect-crash-${incidentId}-${logName}` });

    // Killed once the addresses are released (right after the deny ACL, before the pre-change capture is done): the
    // capture, the per-interface work and the snapshots are left to the next worker.
    const first = worker('first');
    workers.push(first);
    await waitUntil('the public addresses are released', async () =>
      (await listTimeline(ctx.db, incidentId)).some((e) => e.summary.startsWith('Released the public addresses')),
    );
    await killWorkerProcess(first);

    workers.push(worker('second'));
    await waitUntil('the incident is contained', async () => (await findIncident(ctx.db, incidentId))?.status === 'contained', {
      timeoutMs: 300_000,
    });

    const evidence = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    expect(evidence.associatedAddresses).toEqual([]);
    expect(evidence.incidentAcls).toHaveLength(1);
    for (const subnetId of deployment.subnetIds) {
      expect(evidence.aclBySubnet.get(subnetId)).toBe(evidence.incidentAcls[0]!.NetworkAclId);
    }
    expect(evidence.incidentGroups).toHaveLength(2); // allow-all and isolation, once each
    const isolation = evidence.incidentGroups.find((g) => g.GroupName?.endsWith('isolation'));
    expect(evidence.interfaces.every((n) => n.groupIds.length === 1 && n.groupIds[0] === isolation?.GroupId)).toBe(true);
    expect(evidence.incidentSnapshots).toHaveLength(evidence.volumeIds.length);
    expect(new Set(evidence.incidentSnapshots.map((s) => s.VolumeId)).size).toBe(evidence.volumeIds.length);
  });
});
