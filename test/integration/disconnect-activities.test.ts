import { randomBytes } from 'node:crypto';

import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeInstanceAttributeCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ModifyInstanceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AWS_REQUEST_REFUSED,
  CONTAINMENT_SUSPENDED_PROCESSES,
  createDisconnectActivities,
  PreChangeState,
  withPermanentRefusals,
} from '@firebreak/activities';
import { createEc2Client, fleetClientsOf } from '@firebreak/aws';
import {
  createIncident,
  findOriginalElasticIps,
  findOriginalSubnetAcls,
  findOriginalTerminationProtection,
  findPreChangeState,
  type FirebreakDb,
} from '@firebreak/db';
import { type Deployment, incidentWorkflowId, TAG } from '@firebreak/domain';
import { type DemoFleet, seedDemoFleet } from '@firebreak/stack';
import { ApplicationFailure } from '@temporalio/client';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createFleetFixture } from '../support/fleet-fixture';
import { ThrottlingProxy } from '../support/throttling-proxy';

const REGION = 'us-east-1';

type Activities = ReturnType<typeof createDisconnectActivities>;

/** The order the disconnect building block calls them in. */
const ORDER = [
  'denyDirectorySubnetTraffic',
  'releaseDeploymentAddresses',
  'captureDeploymentState',
  'denySubnetTraffic',
  'suspendAutoScaling',
  'deregisterTargets',
  'removeAutoAssignedAddresses',
  'releasePublicAddresses',
  'isolateNetworkInterfaces',
  'protectInstances',
  'snapshotVolumes',
  'tagContainedResources',
  'checkIsolation',
] as const satisfies readonly (keyof Activities)[];

async function runAll(activities: Activities, input: { incidentId: string; deployment: Deployment }) {
  const results: Record<string, unknown> = {};
  for (const name of ORDER) results[name] = await activities[name](input);
  return results as { [K in (typeof ORDER)[number]]: Awaited<ReturnType<Activities[K]>> };
}

/** Interface groups as the interface API reports them (the evidence helper reads the instance view). */
async function interfaceGroups(ec2: EC2Client, vpcId: string): Promise<Map<string, string[]>> {
  const found = await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
  return new Map((found.NetworkInterfaces ?? []).map((eni) => [eni.NetworkInterfaceId!, (eni.Groups ?? []).map((g) => g.GroupId!).sort()]));
}

describe('disconnect activities against the EC2 emulator', () => {
  const motoEndpoint = inject('motoEndpoint');
  let db: FirebreakDb;
  let ec2: EC2Client;
  let fleet: DemoFleet;
  let activities: Activities;
  /** What the activities send goes through the proxy, whose log proves the calls the emulator ignores were made. */
  let proxy: ThrottlingProxy;
  let viaProxy: EC2Client;

  beforeEach(async () => {
    ({ db, ec2, fleet } = await createFleetFixture('disconnect', motoEndpoint));
    proxy = await ThrottlingProxy.start({ target: motoEndpoint });
    viaProxy = createEc2Client(REGION, { endpoint: proxy.endpoint, rateLimit: true });
    activities = createDisconnectActivities({ ec2For: () => viaProxy, db });
  });

  afterEach(async () => {
    ec2?.destroy();
    viaProxy?.destroy();
    await proxy?.stop();
    await db?.destroy();
  });

  async function declareIncident(deployments: Deployment[]): Promise<string> {
    const incidentId = `inc-${randomBytes(6).toString('hex')}`;
    await createIncident(db, {
      id: incidentId,
      playbook: 'infrastructure-compromise',
      severity: 'critical',
      summary: 'Unexpected outbound traffic from the transfer hosts',
      deploymentIds: deployments.map((d) => d.id),
      customerIds: [...new Set(deployments.flatMap((d) => d.customerIds))],
      workflowId: incidentWorkflowId(incidentId),
      declaredBy: { kind: 'user', id: 'test', name: 'Test engineer' },
      declaredAt: new Date().toISOString(),
      steps: ['disconnect', 'notify', 'close'],
    });
    return incidentId;
  }

  it('seeds the demo fleet idempotently, the single-tenant deployment shaped like a real estate', async () => {
    const again = await seedDemoFleet({ ec2, db, region: REGION });
    expect(again.deployments).toEqual(fleet.deployments);
    expect(fleet.deployments.map((d) => [d.id, d.tenancy, d.applicationKind, d.customerIds])).toEqual([
      ['northwind-transfer', 'single', 'faspex', ['northwind']],
      ['shared-transfer-eu', 'multi', 'files', ['acme', 'globex', 'initech']],
    ]);
    // Northwind: two nodes with Elastic IPs, one with an auto-assigned address, one launched by Auto Scaling.
    for (const [deployment, instanceCount, elasticIps] of [
      [fleet.deployments[0]!, 4, 2],
      [fleet.deployments[1]!, 4, 4],
    ] as const) {
      const evidence = await readDeploymentEvidence(ec2, deployment, 'none');
      expect(evidence.instances).toHaveLength(instanceCount);
      expect(evidence.associatedAddresses).toHaveLength(elasticIps);
      expect(new Set(evidence.instances.map((i) => i.SubnetId))).toEqual(new Set(deployment.subnetIds));
      const primaries = evidence.instances.map((i) => i.NetworkInterfaces!.find((n) => n.Attachment?.DeviceIndex === 0)!);
      for (const primary of primaries) expect(primary.Groups).toHaveLength(1);
      const [firewall] =
        (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [primaries[0]!.Groups![0]!.GroupId!] }))).SecurityGroups ?? [];
      const rules = (firewall?.IpPermissions ?? []).map((p) => `${p.IpProtocol}/${p.FromPort}-${p.ToPort}`).sort();
      const apiPort = deployment.applicationKind === 'files' ? 443 : 9092;
      expect(rules).toEqual([`tcp/${apiPort}-${apiPort}`, 'tcp/3001-3001', 'tcp/33001-33001', 'udp/33001-33001'].sort());
      const api = firewall?.IpPermissions?.find((p) => p.FromPort === apiPort);
      expect(api?.IpRanges?.map((r) => r.CidrIp)).toHaveLength(1);
      expect(api?.IpRanges?.[0]?.CidrIp).toMatch(/\/32$/);
      const ssh = firewall?.IpPermissions?.find((p) => p.FromPort === 3001);
      expect(ssh?.IpRanges?.map((r) => r.CidrIp)).not.toContain('0.0.0.0/0');
    }

    const estate = fleet.deployments[0]!;
    const evidence = await readDeploymentEvidence(ec2, estate, 'none');
    const autoAssigned = evidence.interfaces.filter(
      (i) => i.publicIp && !evidence.associatedAddresses.some((a) => a.PublicIp === i.publicIp),
    );
    expect(autoAssigned).toHaveLength(1);
    expect(evidence.instances.filter((i) => (i.NetworkInterfaces ?? []).length === 2)).toHaveLength(1);
    const [vpc] = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [estate.vpcId] }))).Vpcs ?? [];
    expect(vpc?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock).toMatch(/::\/56$/);
    const tables =
      (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [estate.vpcId] }] }))).RouteTables ?? [];
    expect(tables.flatMap((t) => t.Routes ?? []).some((r) => r.DestinationIpv6CidrBlock === '::/0' && r.EgressOnlyInternetGatewayId)).toBe(
      true,
    );
    const vpcInterfaces =
      (await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [estate.vpcId] }] }))).NetworkInterfaces ??
      [];
    expect(vpcInterfaces.filter((eni) => !eni.Attachment).map((eni) => eni.Description)).toEqual(['ELB net/northwind-transfer/5d1e0a7c']);
    const { autoScaling, loadBalancing } = fleetClientsOf(ec2);
    const [group] = (await autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
    expect(group?.Instances).toHaveLength(1);
    const [targetGroup] = (await loadBalancing.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? [];
    const health = await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroup!.TargetGroupArn! }));
    expect(health.TargetHealthDescriptions?.map((t) => t.Target?.Id).sort()).toEqual(evidence.instances.map((i) => i.InstanceId).sort());

    for (const customer of fleet.customers) {
      expect(customer.contacts.filter((c) => c.role === 'designated-technical')).toHaveLength(2);
      expect(customer.contacts.filter((c) => c.role === 'management')).toHaveLength(1);
    }
  });

  it('cuts every demo deployment off, and a second run changes nothing and keeps the first pre-change state', async () => {
    const incidentId = await declareIncident(fleet.deployments);

    for (const deployment of fleet.deployments) {
      const input = { incidentId, deployment };
      const before = await readDeploymentEvidence(ec2, deployment, incidentId);
      const groupsBefore = await interfaceGroups(ec2, deployment.vpcId);
      const autoAssignedBefore = before.interfaces.filter(
        (i) => i.publicIp && !before.associatedAddresses.some((a) => a.PublicIp === i.publicIp),
      );
      const dualStack = Boolean(
        (await ec2.send(new DescribeVpcsCommand({ VpcIds: [deployment.vpcId] }))).Vpcs?.[0]?.Ipv6CidrBlockAssociationSet?.length,
      );

      const first = await runAll(activities, input);

      // What EC2 says, read independently of the activities.
      const after = await readDeploymentEvidence(ec2, deployment, incidentId);
      expect(after.associatedAddresses).toEqual([]);
      // The emulator accepts AssociatePublicIpAddress=false and keeps the address (AWS removes it): the only public
      // addresses left are the auto-assigned ones, the proxy's log holds the call for each, and the check names them.
      const stillPublic = after.interfaces.filter((i) => i.publicIp);
      expect(stillPublic.map((i) => i.interfaceId).sort()).toEqual(autoAssignedBefore.map((i) => i.interfaceId).sort());
      const own = new Set(before.interfaces.map((i) => i.interfaceId));
      const removals = proxy
        .requestsFor('ModifyNetworkInterfaceAttribute')
        .filter((r) => r.params.get('AssociatePublicIpAddress') === 'false' && own.has(r.params.get('NetworkInterfaceId')!));
      expect(removals.map((r) => r.params.get('NetworkInterfaceId')).sort()).toEqual(autoAssignedBefore.map((i) => i.interfaceId).sort());
      expect(first.checkIsolation.problems).toEqual(
        autoAssignedBefore.map(
          (i) => `instance ${i.instanceId} still has the auto-assigned public address ${i.publicIp} on interface ${i.interfaceId}`,
        ),
      );
      expect(after.incidentAcls).toHaveLength(1);
      const denyAclId = after.incidentAcls[0]!.NetworkAclId!;
      for (const subnetId of deployment.subnetIds) expect(after.aclBySubnet.get(subnetId)).toBe(denyAclId);
      const denies = (range: (e: { CidrBlock?: string; Ipv6CidrBlock?: string }) => boolean) =>
        (after.incidentAcls[0]!.Entries ?? [])
          .filter((e) => e.RuleAction === 'deny' && e.Protocol === '-1' && e.RuleNumber! < 32767 && range(e))
          .map((e) => e.Egress)
          .sort();
      expect(denies((e) => e.CidrBlock === '0.0.0.0/0')).toEqual([false, true]);
      expect(denies((e) => e.Ipv6CidrBlock === '::/0')).toEqual(dualStack ? [false, true] : []);
      expect(first.checkIsolation.evidence.ipv6.deniedBothWays).toBe(dualStack);
      // Every interface of every tagged instance, not only the primary, ends on the isolation group (below); Auto
      // Scaling no longer launches or replaces; no load balancer sends traffic to the instances.
      const { autoScaling, loadBalancing } = fleetClientsOf(ec2);
      const groups = (await autoScaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
      const ownGroups = groups.filter((g) => g.Instances?.some((i) => after.instances.some((x) => x.InstanceId === i.InstanceId)));
      for (const group of ownGroups) {
        expect(group.SuspendedProcesses?.map((p) => p.ProcessName).sort()).toEqual([...CONTAINMENT_SUSPENDED_PROCESSES].sort());
      }
      for (const targetGroup of (await loadBalancing.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []) {
        const health = await loadBalancing.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroup.TargetGroupArn! }));
        expect(health.TargetHealthDescriptions?.filter((t) => after.instances.some((i) => i.InstanceId === t.Target?.Id))).toEqual([]);
      }
      const isolation = after.incidentGroups.find((g) => g.Tags?.some((t) => t.Key === TAG.role && t.Value === 'isolation'));
      expect(isolation?.IpPermissions ?? []).toEqual([]);
      expect(isolation?.IpPermissionsEgress ?? []).toEqual([]);
      for (const eni of after.interfaces) expect(eni.groupIds).toEqual([isolation!.GroupId]);
      const groupsAfter = await interfaceGroups(ec2, deployment.vpcId);
      // Interfaces no tagged instance owns (the load balancer's) keep their groups: the subnet ACL cuts them off, and
      // the check names them for on-call.
      const untagged = first.checkIsolation.evidence.untaggedInterfaces.map((u) => u.networkInterfaceId);
      expect(untagged).toEqual(deployment.tenancy === 'single' ? [expect.stringMatching(/^eni-/)] : []);
      for (const eniId of groupsBefore.keys()) {
        expect(groupsAfter.get(eniId)).toEqual(untagged.includes(eniId) ? groupsBefore.get(eniId) : [isolation!.GroupId]);
      }
      // One incident covers both deployments: count only this deployment's snapshots.
      const ownSnapshots = (snapshots: typeof after.incidentSnapshots) =>
        snapshots.filter((s) => s.Tags?.some((t) => t.Key === TAG.deployment && t.Value === deployment.id));
      expect(
        ownSnapshots(after.incidentSnapshots)
          .map((s) => s.VolumeId)
          .sort(),
      ).toEqual([...after.volumeIds].sort());
      for (const instance of after.instances) {
        expect(instance.State?.Name).toBe('running');
        for (const mapping of instance.BlockDeviceMappings ?? []) expect(mapping.Ebs?.DeleteOnTermination).toBe(false);
        expect(instance.Tags).toEqual(expect.arrayContaining([{ Key: TAG.incident, Value: incidentId }]));
      }
      expect(first.checkIsolation.evidence.elasticIps).toEqual([]);
      // The early release found every address without the deployment listing; the safety net found none left.
      expect(first.releaseDeploymentAddresses.released.map((r) => r.publicIp).sort()).toEqual(
        before.associatedAddresses.map((a) => a.PublicIp).sort(),
      );
      expect(first.releasePublicAddresses.released).toEqual([]);

      // The whole sequence again, as a retry after a crash would run it.
      const second = await runAll(activities, input);
      expect(first.denyDirectorySubnetTraffic.associated).toEqual(deployment.subnetIds.toSorted());
      expect(second.denyDirectorySubnetTraffic).toEqual({
        networkAclId: denyAclId,
        associated: [],
        alreadyDenied: deployment.subnetIds.toSorted(),
      });
      expect(second.denySubnetTraffic).toEqual({ networkAclId: denyAclId, associated: [], alreadyDenied: deployment.subnetIds.toSorted() });
      expect(second.protectInstances.volumesKept).toEqual([]);
      expect(second.releaseDeploymentAddresses.released).toEqual([]);
      expect(second.releasePublicAddresses.released).toEqual([]);
      expect(second.isolateNetworkInterfaces.isolated).toEqual([]);
      expect(second.isolateNetworkInterfaces.alreadyIsolated).toHaveLength(after.interfaces.length);
      expect(second.snapshotVolumes.snapshots.every((s) => !s.created)).toBe(true);

      const again = await readDeploymentEvidence(ec2, deployment, incidentId);
      expect(again.incidentAcls).toHaveLength(1);
      const roles = again.incidentGroups.map((g) => g.Tags?.find((t) => t.Key === TAG.role)?.Value).sort();
      expect(roles).toEqual(['allow-all', 'isolation']);
      expect(ownSnapshots(again.incidentSnapshots)).toHaveLength(after.volumeIds.length);
      expect(again.allAddresses.filter((a) => a.Tags?.some((t) => t.Key === TAG.deployment && t.Value === deployment.id))).toHaveLength(
        before.associatedAddresses.length,
      );
      // What restore needs of Auto Scaling and the load balancers was recorded before they were changed.

      // The stored state is still the one from before any change: what restore will put back.
      const stored = await findPreChangeState(db, incidentId, deployment.id);
      const state = PreChangeState.parse(stored?.state);
      expect(state.elasticIps.map((e) => e.publicIp).sort()).toEqual(before.associatedAddresses.map((a) => a.PublicIp).sort());
      expect(state.elasticIps.map((e) => e.instanceId).sort()).toEqual(before.associatedAddresses.map((a) => a.InstanceId).sort());
      for (const eni of state.networkInterfaces) expect(eni.securityGroupIds).toEqual(groupsBefore.get(eni.networkInterfaceId));
      // The early release recorded each association before detaching it, and the capture after it kept those.
      expect(state.elasticIps.map((e) => e.associationId).sort()).toEqual(before.associatedAddresses.map((a) => a.AssociationId).sort());
      expect(await findOriginalElasticIps(db, incidentId, deployment.id)).toEqual(state.elasticIps);
      // The deny step recorded each subnet's ACL before moving it, and the capture after it kept those, not the deny ACL;
      // the retry, which read the deny ACL from EC2, changed no record.
      for (const subnet of state.subnets) expect(subnet.networkAclId).toBe(before.aclBySubnet.get(subnet.subnetId));
      expect(state.subnets.map((s) => s.subnetId)).toEqual(deployment.subnetIds.toSorted());
      expect(await findOriginalSubnetAcls(db, incidentId, deployment.id)).toEqual(
        state.subnets.map(({ subnetId, networkAclId, associationId }) => ({ subnetId, networkAclId, associationId })),
      );
      // Termination protection is recorded by the protection step, not the capture; the retry read `true` from EC2
      // and kept the original `false`.
      expect(JSON.stringify(stored?.state)).not.toContain('terminationProtection');
      expect(await findOriginalTerminationProtection(db, incidentId, deployment.id)).toEqual(
        new Map(state.instances.map((i) => [i.instanceId, false])),
      );
      expect(state.autoScalingGroups.map((g) => g.name)).toEqual(ownGroups.map((g) => g.AutoScalingGroupName).sort());
      for (const group of state.autoScalingGroups) expect(group.suspendedProcesses).toEqual([]);
      expect(state.targetRegistrations).toHaveLength(deployment.tenancy === 'single' ? before.instances.length : 0);
      expect(second.captureDeploymentState).toEqual(first.captureDeploymentState);
    }
  });

  it('denies a subnet the directory missed once the capture finds it, recording its original ACL in the capture', async () => {
    const actual = fleet.deployments.find((d) => d.subnetIds.length > 1)!;
    const [listed, ...missed] = actual.subnetIds.toSorted() as [string, ...string[]];
    // The directory knows only one of the deployment's subnets.
    const deployment = { ...actual, subnetIds: [listed] };
    const incidentId = await declareIncident([actual]);
    const input = { incidentId, deployment };
    const before = await readDeploymentEvidence(ec2, actual, incidentId);

    const directory = await activities.denyDirectorySubnetTraffic(input);
    expect(directory.associated).toEqual([listed]);
    const midway = await readDeploymentEvidence(ec2, actual, incidentId);
    for (const subnetId of missed) expect(midway.aclBySubnet.get(subnetId)).toBe(before.aclBySubnet.get(subnetId));

    await activities.captureDeploymentState(input);
    const rest = await activities.denySubnetTraffic(input);
    expect(rest).toEqual({ networkAclId: directory.networkAclId, associated: missed, alreadyDenied: [listed] });

    const after = await readDeploymentEvidence(ec2, actual, incidentId);
    for (const subnetId of actual.subnetIds) expect(after.aclBySubnet.get(subnetId)).toBe(directory.networkAclId);
    const state = PreChangeState.parse((await findPreChangeState(db, incidentId, actual.id))?.state);
    expect(state.subnets.map((s) => [s.subnetId, s.networkAclId])).toEqual(
      actual.subnetIds.toSorted().map((id) => [id, before.aclBySubnet.get(id)]),
    );
    expect((await findOriginalSubnetAcls(db, incidentId, actual.id)).map((a) => a.subnetId)).toEqual([listed]);
  });

  it("records each instance's termination protection right before switching it on; the first record wins", async () => {
    const deployment = fleet.deployments[0]!;
    const incidentId = await declareIncident([deployment]);
    const input = { incidentId, deployment };
    await activities.captureDeploymentState(input);
    const instanceIds = PreChangeState.parse((await findPreChangeState(db, incidentId, deployment.id))?.state).instances.map(
      (i) => i.instanceId,
    );
    expect(instanceIds.length).toBeGreaterThan(1);
    const [alreadyProtected, ...others] = instanceIds as [string, ...string[]];
    // Protected before the incident, by someone else.
    await setTerminationProtection(ec2, alreadyProtected, true);

    await activities.protectInstances(input);
    const expected = new Map([[alreadyProtected, true], ...others.map((id) => [id, false] as [string, boolean])]);
    expect(await findOriginalTerminationProtection(db, incidentId, deployment.id)).toEqual(expected);
    for (const id of instanceIds) expect(await terminationProtection(ec2, id)).toBe(true);

    // A retry (every instance reads as protected now) changes no record.
    await activities.protectInstances(input);
    expect(await findOriginalTerminationProtection(db, incidentId, deployment.id)).toEqual(expected);
  });

  it('reports every public path that remains instead of calling the deployment isolated', async () => {
    const deployment = fleet.deployments[1]!;
    const incidentId = await declareIncident([deployment]);
    await activities.captureDeploymentState({ incidentId, deployment });
    await activities.denySubnetTraffic({ incidentId, deployment });

    const report = await activities.checkIsolation({ incidentId, deployment });
    expect(report.clean).toBe(false);
    expect(report.problems.filter((p) => /^Elastic IP .* is still associated/.test(p))).toHaveLength(4);
    expect(report.problems).toContain('the isolation security group does not exist');
    expect(report.problems.some((p) => p.includes('not the deny ACL'))).toBe(false);
  });

  it('ends a step AWS refuses for good with the refusal in words, once, without retrying', async () => {
    const deployment = fleet.deployments[0]!;
    const incidentId = await declareIncident([deployment]);
    const refusing = withPermanentRefusals(activities);
    proxy.refuse('DisassociateAddress');

    const failure = await refusing.releaseDeploymentAddresses({ incidentId, deployment }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe(AWS_REQUEST_REFUSED);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect((failure as ApplicationFailure).message).toMatch(/^AWS refused DisassociateAddress: UnauthorizedOperation: /);
    // At most once per address (northwind has two), with no resend inside the client; none reached the emulator.
    expect(proxy.refusals('DisassociateAddress')).toBeGreaterThanOrEqual(1);
    expect(proxy.refusals('DisassociateAddress')).toBeLessThanOrEqual(2);
    expect(proxy.requestsFor('DisassociateAddress')).toEqual([]);
  });

  it('rejects malformed input without touching EC2', async () => {
    const failure = await activities
      .denySubnetTraffic({ incidentId: 'not-an-incident', deployment: fleet.deployments[0]! })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect((failure as ApplicationFailure).message).toMatch(/incidentId/);
  });
});

async function terminationProtection(ec2: EC2Client, instanceId: string): Promise<boolean> {
  const answer = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'disableApiTermination' }));
  return answer.DisableApiTermination?.Value ?? false;
}

async function setTerminationProtection(ec2: EC2Client, instanceId: string, on: boolean): Promise<void> {
  await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: on } }));
}
