import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CONTAINMENT_SUSPENDED_PROCESSES } from '@firebreak/activities';
import { createEc2ClientFactory, fleetClientsOf } from '@firebreak/aws';
import { findIncident, listTimeline } from '@firebreak/db';
import { TAG } from '@firebreak/domain';
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../../support/ec2-evidence';
import {
  decide,
  designatedContactsOf,
  incidentIdOf,
  queryState,
  recordHistoryIfAsked,
  waitForGate,
  waitForStatus,
} from '../../support/playbook-driver';
import { createTestContext, type TestContext } from '../../support/test-context';
import { TEST_POLICY } from '../../support/test-policy';
import { ThrottlingProxy } from '../../support/throttling-proxy';
import { waitUntil } from '../../support/wait-until';

/**
 * Containment on the estate most providers run (the single-tenant demo deployment): an instance with an
 * auto-assigned public address, one with two interfaces, a dual-stack VPC with an egress-only route, a load
 * balancer's interface in a subnet, an Auto Scaling group and a target group. The worker's EC2 calls go through the
 * proxy, whose log proves the calls the emulator accepts and ignores were made, and which can refuse a call as IAM
 * would.
 */
describe('containment on a real-shaped estate', () => {
  let proxy: ThrottlingProxy;
  let ctx: TestContext;
  let stopWorker: () => Promise<void> = async () => {};
  const handles: WorkflowHandle[] = [];

  beforeAll(async () => {
    proxy = await ThrottlingProxy.start({ target: inject('motoEndpoint') });
    ctx = await createTestContext('estate', { workerEc2For: createEc2ClientFactory({ endpoint: proxy.endpoint, rateLimit: true }) });
    stopWorker = (await ctx.startWorker()).stop;
  });

  afterAll(async () => {
    for (const handle of handles) await handle.terminate('test finished').catch(() => {});
    await stopWorker();
    await ctx?.close();
    await proxy?.stop();
  });

  const operationsAlerts = () => ctx.smtp.messages.filter((m) => m.to === TEST_POLICY.operationsEmail);

  it('denies IPv4 and IPv6, isolates every interface, tells each contact once, names the kept address, waits, and restores', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const before = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
    const autoAssigned = before.interfaces.filter((i) => i.publicIp && !before.associatedAddresses.some((a) => a.PublicIp === i.publicIp));
    expect(autoAssigned).toHaveLength(1);
    ctx.smtp.clear();

    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    handles.push(handle);
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'containment-incomplete');
    expect((await findIncident(ctx.db, incidentId))?.status).toBe('active');

    // EC2, read independently: IPv4 and IPv6 denied both ways on every subnet, every interface of every tagged
    // instance (the second interface too) on the isolation group, Auto Scaling suspended, no target registered.
    const after = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    const denyAcl = after.incidentAcls[0]!;
    for (const subnetId of deployment.subnetIds) expect(after.aclBySubnet.get(subnetId)).toBe(denyAcl.NetworkAclId);
    const denied = (match: (e: { CidrBlock?: string; Ipv6CidrBlock?: string }) => boolean) =>
      (denyAcl.Entries ?? []).filter((e) => e.RuleAction === 'deny' && (e.RuleNumber ?? 0) < 32767 && match(e)).map((e) => e.Egress);
    expect(denied((e) => e.CidrBlock === '0.0.0.0/0').sort()).toEqual([false, true]);
    expect(denied((e) => e.Ipv6CidrBlock === '::/0').sort()).toEqual([false, true]);
    const isolation = after.incidentGroups.find((g) => g.Tags?.some((t) => t.Key === TAG.role && t.Value === 'isolation'))!;
    expect(after.interfaces.length).toBe(before.interfaces.length);
    expect(after.interfaces.length).toBeGreaterThan(after.instances.length);
    for (const eni of after.interfaces) expect(eni.groupIds).toEqual([isolation.GroupId]);
    expect(after.associatedAddresses).toEqual([]);
    const { autoScaling, loadBalancing } = fleetClientsOf(ctx.ec2);
    const [group] = (await autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
    expect(group?.SuspendedProcesses?.map((p) => p.ProcessName).sort()).toEqual([...CONTAINMENT_SUSPENDED_PROCESSES].sort());
    const [targetGroup] = (await loadBalancing.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
    expect(
      (await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroup!.TargetGroupArn! })))
        .TargetHealthDescriptions,
    ).toEqual([]);

    // The auto-assigned address: asked to go (the proxy saw the call), kept by the emulator, named as remaining.
    const [kept] = autoAssigned;
    const removal = proxy
      .requestsFor('ModifyNetworkInterfaceAttribute')
      .filter((r) => r.params.get('NetworkInterfaceId') === kept!.interfaceId && r.params.get('AssociatePublicIpAddress') === 'false');
    expect(removal).toHaveLength(1);
    const remaining = `instance ${kept!.instanceId} still has the auto-assigned public address ${kept!.publicIp} on interface ${kept!.interfaceId}`;

    // Each designated contact told once, in words that say what was not cut off; operations told what remains.
    const designated = designatedContactsOf(ctx, deployment);
    await waitUntil(
      'the notices and the alert are delivered',
      async () => ctx.smtp.ofKind('incident-details').length === designated.length && operationsAlerts().length > 0,
    );
    const notices = ctx.smtp.ofKind('incident-details');
    expect(notices.map((m) => m.to).sort()).toEqual(designated.map((c) => c.email).sort());
    for (const notice of notices) expect(notice.text).toContain(`not yet cut off: ${remaining}`);
    const [alert] = operationsAlerts();
    expect(alert!.subject).toContain('containment incomplete');
    expect(alert!.text).toContain(remaining);

    // The load balancer's interface is named for on-call, with its owner and description.
    const vpcInterfaces =
      (await ctx.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [deployment.vpcId] }] })))
        .NetworkInterfaces ?? [];
    const service = vpcInterfaces.find((eni) => !eni.Attachment)!;
    const timeline = await listTimeline(ctx.db, incidentId);
    expect(
      timeline.some((e) => e.summary.includes('cut off by the subnet ACL only') && e.summary.includes(service.NetworkInterfaceId!)),
    ).toBe(true);
    expect(timeline.some((e) => e.summary.includes(service.Description!))).toBe(true);

    // Accepted with the reason, the playbook goes on; no second notice.
    await decide(
      handle,
      'containment-incomplete',
      'accept-residuals',
      'The emulator keeps auto-assigned addresses; the subnet ACL denies all traffic.',
    );
    await waitForGate(handle, 'backup-safe');
    expect((await queryState(handle)).status).toBe('contained');
    expect(ctx.smtp.ofKind('incident-details')).toHaveLength(designated.length);

    // It was a false positive: restore puts the estate back as it was, and the contacts hear so once.
    await waitForGate(handle, 'restore-contained');
    await decide(handle, 'restore-contained', 'restore', 'The outbound traffic was the customer’s own scheduled transfer.');
    await waitForStatus(ctx, handle, 'closed');
    const restored = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    const view = (evidence: typeof before) => ({
      instances: evidence.instances.map((i) => [i.InstanceId, i.State?.Name, i.PublicIpAddress]).sort(),
      interfaces: evidence.interfaces.map((i) => [i.interfaceId, i.groupIds, i.publicIp]).sort(),
      addresses: evidence.associatedAddresses.map((a) => [a.PublicIp, a.InstanceId, a.NetworkInterfaceId, a.PrivateIpAddress]).sort(),
      subnets: deployment.subnetIds.map((id) => [id, evidence.aclBySubnet.get(id)]),
      volumes: evidence.instances
        .flatMap((i) => (i.BlockDeviceMappings ?? []).map((b) => [b.Ebs?.VolumeId, b.Ebs?.DeleteOnTermination]))
        .sort(),
    });
    expect(view(restored)).toEqual(view(before));
    const [groupAfter] = (await autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
    expect(groupAfter?.SuspendedProcesses).toEqual([]);
    const targetsAfter = await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroup!.TargetGroupArn! }));
    expect(targetsAfter.TargetHealthDescriptions?.map((t) => t.Target?.Id).sort()).toEqual(
      before.instances.map((i) => i.InstanceId).sort(),
    );
    // What restore keeps for the forensic record: the deny ACL (unassociated), the isolation group, the snapshots.
    expect(restored.incidentAcls).toHaveLength(1);
    expect(restored.incidentSnapshots.length).toBe(after.incidentSnapshots.length);
    const closedTimeline = await listTimeline(ctx.db, incidentId);
    expect(closedTimeline.some((e) => e.summary === `Verified: ${deployment.name} is as it was before the incident`)).toBe(true);
    const restoredNotices = ctx.smtp.ofKind('service-restored');
    expect(restoredNotices.map((m) => m.to).sort()).toEqual(designated.map((c) => c.email).sort());
    await recordHistoryIfAsked(ctx, `${handle.workflowId}/restore/${deployment.id}`, 'restore-deployment.json');
  });

  it('with one call denied by IAM: tells each contact once, alerts operations with the residual, waits without retrying, and completes once allowed', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    ctx.smtp.clear();
    proxy.refuse('ModifyNetworkInterfaceAttribute');
    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    handles.push(handle);
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'containment-incomplete');

    const designated = designatedContactsOf(ctx, deployment);
    await waitUntil(
      'the notices and the alert are delivered',
      async () => ctx.smtp.ofKind('incident-details').length === designated.length && operationsAlerts().length > 0,
    );
    expect(
      ctx.smtp
        .ofKind('incident-details')
        .map((m) => m.to)
        .sort(),
    ).toEqual(designated.map((c) => c.email).sort());
    const [alert] = operationsAlerts();
    expect(alert!.text).toContain(
      'could not move the interfaces to the isolation group: AWS refused ModifyNetworkInterfaceAttribute: UnauthorizedOperation',
    );
    expect(alert!.text).toMatch(/interface eni-\S+ is in groups/);
    // Refused for good at once: at most one refused call per interface, not a retry storm.
    const refusedOnce = proxy.refusals('ModifyNetworkInterfaceAttribute');
    expect(refusedOnce).toBeGreaterThan(0);
    expect(refusedOnce).toBeLessThanOrEqual(4);
    expect((await findIncident(ctx.db, incidentId))?.status).toBe('active');
    expect(proxy.refusals('ModifyNetworkInterfaceAttribute')).toBe(refusedOnce);

    // Once the policy allows the call, a retry cuts the deployment off and the clock is met.
    proxy.allow('ModifyNetworkInterfaceAttribute');
    await decide(handle, 'containment-incomplete', 'retry', 'IAM policy fixed');
    await waitForStatus(ctx, handle, 'contained');
    const state = await queryState(handle);
    expect((state.facts.containment as { remaining: string[] }[]).every((c) => c.remaining.length === 0)).toBe(true);
    const after = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    const isolation = after.incidentGroups.find((g) => g.Tags?.some((t) => t.Key === TAG.role && t.Value === 'isolation'))!;
    for (const eni of after.interfaces) expect(eni.groupIds).toEqual([isolation.GroupId]);
    expect(ctx.smtp.ofKind('incident-details')).toHaveLength(designated.length);
  });
});
