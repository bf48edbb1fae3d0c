import type { ChildProcess } from 'node:child_process';

import { findIncident, listNotices, listTimeline } from '@firebreak/db';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { decide, designatedContactsOf, incidentIdOf, recipientsOf, waitForGate } from '../support/playbook-driver';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';
import { killWorkerProcess, startWorkerProcess } from '../support/worker-process';

describe('a worker killed in the middle of a restore', () => {
  let ctx: TestContext;
  let handle: WorkflowHandle | undefined;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    ctx = await createTestContext('restore-crash');
  });

  afterAll(async () => {
    for (const worker of workers) await killWorkerProcess(worker);
    await handle?.terminate('fault test finished').catch(() => {});
    await ctx?.close();
  });

  it(
    'is finished by another worker: the deployment as before, each step recorded once, one notice each',
    { timeout: 400_000 },
    async () => {
      const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
      const before = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
      handle = await ctx.declare('infrastructure-compromise', [deployment]);
      const incidentId = incidentIdOf(handle);
      const worker = (logName: string) => startWorkerProcess(ctx, { logName: `restore-crash-${incidentId}-${logName}` });

      const first = worker('first');
      workers.push(first);
      await waitForGate(handle, 'restore-contained');
      await decide(handle, 'restore-contained', 'restore', 'The alert was a scanner run by the customer’s own security team.');
      // Killed once the interfaces have their groups back: addresses, ACLs and targets are left to the next worker.
      await waitUntil('the interfaces are back on their groups', async () =>
        (await listTimeline(ctx.db, incidentId)).some((e) => e.summary.startsWith('Put every interface')),
      );
      await killWorkerProcess(first);

      workers.push(worker('second'));
      await waitUntil('the incident is closed', async () => (await findIncident(ctx.db, incidentId))?.status === 'closed', {
        timeoutMs: 300_000,
      });

      const after = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
      const view = (evidence: typeof before) => ({
        interfaces: evidence.interfaces.map((i) => [i.interfaceId, i.groupIds]).sort(),
        addresses: evidence.associatedAddresses.map((a) => [a.PublicIp, a.InstanceId, a.NetworkInterfaceId]).sort(),
        subnets: deployment.subnetIds.map((id) => [id, evidence.aclBySubnet.get(id)]),
      });
      expect(view(after)).toEqual(view(before));
      const timeline = await listTimeline(ctx.db, incidentId);
      // Each restore step is on the timeline once, however many attempts it took.
      for (const step of ['Put back termination protection', 'Put every interface', 'Put back the public addresses', 'Moved the subnets']) {
        expect(
          timeline.filter((e) => e.summary.startsWith(step)),
          step,
        ).toHaveLength(1);
      }
      expect(timeline.filter((e) => e.summary === `Verified: ${deployment.name} is as it was before the incident`)).toHaveLength(1);
      const designated = designatedContactsOf(ctx, deployment);
      const restoredNotices = (await listNotices(ctx.db, incidentId)).filter((n) => n.kind === 'service-restored');
      expect(restoredNotices.filter((n) => n.status === 'sent')).toHaveLength(designated.length);
      expect(recipientsOf(ctx, 'service-restored')).toEqual(designated.map((c) => c.email).sort());
    },
  );
});
