import { createEc2ClientFactory } from '@firebreak/aws';
import { findIncident } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { acceptEmulatorResiduals, incidentIdOf, waitForStatus } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { ThrottlingProxy } from '../support/throttling-proxy';

describe('an EC2 endpoint that throttles and sometimes fails', () => {
  let proxy: ThrottlingProxy;
  let ctx: TestContext;
  let stopWorker: () => Promise<void> = async () => {};
  const handles: WorkflowHandle[] = [];

  beforeAll(async () => {
    proxy = await ThrottlingProxy.start({ target: inject('motoEndpoint'), seed: 7 });
    // The worker's EC2 calls go through the proxy, with the shared limiter on; the test reads moto directly.
    ctx = await createTestContext('throttling', {
      workerEc2For: createEc2ClientFactory({ endpoint: proxy.endpoint, rateLimit: true }),
    });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    for (const handle of handles) await handle.terminate('fault test finished').catch(() => {});
    await stopWorker();
    await ctx?.close();
    await proxy?.stop();
  });

  it('delays containment but completes it, without a duplicate resource', async () => {
    // Another tool has just spent the account's mutating budget, which the worker's own limiter cannot know;
    // and a share of calls fail with 503, some of them after EC2 carried them out.
    const competitor = setInterval(() => {
      proxy.drain('mutating');
      if (proxy.counts.throttled >= 10) clearInterval(competitor);
    }, 200);
    proxy.setFaultRates({ unavailableRate: 0.03, lostReplyRate: 0.05 });
    for (const deployment of ctx.fleet.deployments) {
      handles.push(await ctx.declare('infrastructure-compromise', [deployment], { summary: `throttled ${deployment.id}` }));
    }
    try {
      for (const [i, handle] of handles.entries()) {
        // The single-tenant estate's auto-assigned address stays in the emulator: accepted as on-call would.
        if (ctx.fleet.deployments[i]!.tenancy === 'single') await acceptEmulatorResiduals(handle);
        await waitForStatus(ctx, handle, 'contained', 240_000);
      }
    } finally {
      clearInterval(competitor);
    }

    expect(proxy.counts.throttled).toBeGreaterThan(0);
    expect(proxy.counts.unavailable).toBeGreaterThan(0);
    expect(proxy.counts.lostReplies).toBeGreaterThan(0);

    for (const [i, deployment] of ctx.fleet.deployments.entries()) {
      const incidentId = incidentIdOf(handles[i]!);
      expect((await findIncident(ctx.db, incidentId))?.status).toBe('contained');
      const evidence = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
      expect(evidence.associatedAddresses).toEqual([]);
      expect(evidence.incidentAcls).toHaveLength(1);
      for (const subnetId of deployment.subnetIds) {
        expect(evidence.aclBySubnet.get(subnetId)).toBe(evidence.incidentAcls[0]!.NetworkAclId);
      }
      expect(evidence.incidentGroups).toHaveLength(2); // allow-all and isolation, once each
      expect(new Set(evidence.interfaces.flatMap((n) => n.groupIds)).size).toBe(1);
      // One snapshot per volume, even for the CreateSnapshot calls whose reply was lost.
      expect(evidence.incidentSnapshots).toHaveLength(evidence.volumeIds.length);
      expect(new Set(evidence.incidentSnapshots.map((s) => s.VolumeId)).size).toBe(evidence.volumeIds.length);
    }
    console.log(`EC2 proxy: ${JSON.stringify({ ...proxy.counts, byAction: undefined })}`);
  });
});
