import { randomBytes } from 'node:crypto';

import {
  AuthorizeSecurityGroupIngressCommand,
  CreateTagsCommand,
  DescribeAddressesCommand,
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Filter,
} from '@aws-sdk/client-ec2';
import {
  createDisconnectActivities,
  createRecoveryActivities,
  PreChangeState,
  RECOVERY_FAILURES,
  type RecoveryInput,
} from '@firebreak/activities';
import { createIncident, findPreChangeState, type FirebreakDb } from '@firebreak/db';
import { type Deployment, incidentWorkflowId, TAG } from '@firebreak/domain';
import type { DemoFleet } from '@firebreak/stack';
import { ApplicationFailure } from '@temporalio/client';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createFleetFixture } from '../support/fleet-fixture';

type Disconnect = ReturnType<typeof createDisconnectActivities>;
type Recovery = ReturnType<typeof createRecoveryActivities>;

/** The order the disconnect building block calls them in today: restore must work from what that order recorded. */
const DISCONNECT_ORDER = [
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
] as const satisfies readonly (keyof Disconnect)[];

async function rebuild(recovery: Recovery, input: RecoveryInput) {
  return {
    network: await recovery.createCleanNetwork(input),
    firewall: await recovery.createCleanFirewall(input),
    instances: await recovery.launchCleanInstances(input),
    addresses: await recovery.attachCleanAddresses(input),
  };
}

/**
 * What EC2 says about an incident's clean environment, read with plain describe calls filtered on the incident
 * tag alone (not Firebreak's own look-ups), so duplicates and leftovers of any role show up.
 */
async function readCleanEvidence(ec2: EC2Client, incidentId: string) {
  const byIncident: Filter[] = [{ Name: `tag:${TAG.incident}`, Values: [incidentId] }];
  const role = (tags: { Key?: string; Value?: string }[] | undefined) => tags?.find((t) => t.Key === TAG.role)?.Value;
  const vpcs = (await ec2.send(new DescribeVpcsCommand({ Filters: byIncident }))).Vpcs ?? [];
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: byIncident }))).Subnets ?? [];
  const gateways = (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: byIncident }))).InternetGateways ?? [];
  const routeTables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: byIncident }))).RouteTables ?? [];
  const groups = ((await ec2.send(new DescribeSecurityGroupsCommand({ Filters: byIncident }))).SecurityGroups ?? []).filter(
    (g) => role(g.Tags) === 'clean-firewall',
  );
  const reservations = (await ec2.send(new DescribeInstancesCommand({ Filters: byIncident }))).Reservations ?? [];
  const cleanInstances = reservations
    .flatMap((r) => r.Instances ?? [])
    .filter((i) => role(i.Tags) === 'clean-instance' && i.State?.Name !== 'terminated');
  const addresses = ((await ec2.send(new DescribeAddressesCommand({ Filters: byIncident }))).Addresses ?? []).filter(
    (a) => role(a.Tags) === 'clean-address',
  );
  const flowLogs = vpcs.length
    ? ((await ec2.send(new DescribeFlowLogsCommand({ Filter: [{ Name: 'resource-id', Values: vpcs.map((v) => v.VpcId!) }] }))).FlowLogs ??
      [])
    : [];
  return { vpcs, subnets, gateways, routeTables, groups, cleanInstances, addresses, flowLogs };
}

function ruleSummary(
  permissions: { IpProtocol?: string; FromPort?: number; ToPort?: number; IpRanges?: { CidrIp?: string }[] }[] | undefined,
) {
  return (permissions ?? []).flatMap((p) => (p.IpRanges ?? []).map((r) => `${p.IpProtocol} ${p.FromPort}-${p.ToPort} ${r.CidrIp}`)).sort();
}

async function allocationsNow(ec2: EC2Client, allocationIds: string[]) {
  const found = await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'allocation-id', Values: allocationIds }] }));
  return new Map((found.Addresses ?? []).map((a) => [a.AllocationId!, a]));
}

describe('recovery activities against the EC2 emulator', () => {
  const motoEndpoint = inject('motoEndpoint');
  let db: FirebreakDb;
  let ec2: EC2Client;
  let fleet: DemoFleet;
  let disconnect: Disconnect;
  let recovery: Recovery;

  beforeEach(async () => {
    ({ db, ec2, fleet } = await createFleetFixture('recovery', motoEndpoint));
    disconnect = createDisconnectActivities({ ec2For: () => ec2, db });
    recovery = createRecoveryActivities({ ec2For: () => ec2, db });
  });

  afterEach(async () => {
    ec2?.destroy();
    await db?.destroy();
  });

  async function declareAndDisconnect(deployment: Deployment): Promise<string> {
    const incidentId = `inc-${randomBytes(6).toString('hex')}`;
    await createIncident(db, {
      id: incidentId,
      playbook: 'infrastructure-compromise',
      severity: 'critical',
      summary: 'Unexpected outbound traffic from the transfer hosts',
      deploymentIds: [deployment.id],
      customerIds: deployment.customerIds,
      workflowId: incidentWorkflowId(incidentId),
      declaredBy: { kind: 'user', id: 'test', name: 'Test engineer' },
      declaredAt: new Date().toISOString(),
      steps: ['disconnect', 'rebuild', 'monitor', 'close'],
    });
    for (const name of DISCONNECT_ORDER) await disconnect[name]({ incidentId, deployment });
    return incidentId;
  }

  it('stores what a rebuild needs with each demo deployment', () => {
    for (const deployment of fleet.deployments) {
      expect(deployment.applicationHostCidr).toMatch(/\/32$/);
      expect(deployment.allowListedSources.length).toBeGreaterThan(0);
      expect(deployment.knownGoodImageId).toMatch(/^ami-/);
    }
  });

  it('builds one clean backup environment however often the steps run, watches it, and removes it without a trace', async () => {
    const deployment = fleet.deployments.find((d) => d.id === 'northwind-transfer')!;
    const incidentId = await declareAndDisconnect(deployment);
    const input = { incidentId, deployment, purpose: 'backup' } as const;
    const compromisedBefore = await readDeploymentEvidence(ec2, deployment, incidentId);
    const original = PreChangeState.parse((await findPreChangeState(db, incidentId, deployment.id))?.state);
    // What the disconnect left (the auto-assigned address the emulator keeps); the rebuild must not change it.
    const isolationAfterDisconnect = (await disconnect.checkIsolation({ incidentId, deployment })).problems;

    const first = await rebuild(recovery, input);
    const second = await rebuild(recovery, input);
    expect(second).toEqual(first);

    // The network: one new VPC that does not overlap the compromised one, one subnet per original, in the same zones.
    const built = await readCleanEvidence(ec2, incidentId);
    expect(built.vpcs.map((v) => v.VpcId)).toEqual([first.network.vpcId]);
    const compromisedVpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [deployment.vpcId] }))).Vpcs![0]!;
    expect(built.vpcs[0]!.CidrBlock).not.toBe(compromisedVpc.CidrBlock);
    expect(built.vpcs[0]!.CidrBlock!.split('.').slice(0, 2)).not.toEqual(compromisedVpc.CidrBlock!.split('.').slice(0, 2));
    expect(built.subnets.map((s) => s.SubnetId).sort()).toEqual([...first.network.subnetIds].sort());
    expect(built.subnets.every((s) => s.VpcId === first.network.vpcId)).toBe(true);
    const originalZones = (await ec2.send(new DescribeSubnetsCommand({ SubnetIds: deployment.subnetIds }))).Subnets!.map(
      (s) => s.AvailabilityZone,
    );
    expect(built.subnets.map((s) => s.AvailabilityZone).sort()).toEqual(originalZones.sort());
    expect(built.gateways).toHaveLength(1);
    expect(built.gateways[0]!.Attachments?.map((a) => a.VpcId)).toEqual([first.network.vpcId]);
    expect(built.routeTables).toHaveLength(1);
    expect(
      built.routeTables[0]!.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId === first.network.internetGatewayId),
    ).toBe(true);
    expect(built.routeTables[0]!.Associations?.map((a) => a.SubnetId).sort()).toEqual([...first.network.subnetIds].sort());

    // The firewall: exactly the documented inbound rules, never 22; outbound left open for updates.
    expect(built.groups.map((g) => g.GroupId)).toEqual([first.firewall.securityGroupId]);
    expect(ruleSummary(built.groups[0]!.IpPermissions)).toEqual(
      ['tcp 33001-33001 0.0.0.0/0', 'udp 33001-33001 0.0.0.0/0', 'tcp 9092-9092 198.51.100.10/32', 'tcp 3001-3001 192.0.2.0/28'].sort(),
    );
    for (const p of built.groups[0]!.IpPermissions ?? []) expect(p.FromPort! <= 22 && p.ToPort! >= 22).toBe(false);
    expect(built.groups[0]!.IpPermissionsEgress?.some((p) => p.IpProtocol === '-1')).toBe(true);

    // The instances: one per compromised instance, known-good image, IMDSv2 required, encrypted volumes, clean group only.
    expect(built.cleanInstances.map((i) => i.InstanceId).sort()).toEqual([...first.instances.instanceIds].sort());
    expect(built.cleanInstances).toHaveLength(original.instances.length);
    for (const instance of built.cleanInstances) {
      expect(instance.State?.Name).toBe('running');
      expect(instance.ImageId).toBe(deployment.knownGoodImageId);
      expect(instance.VpcId).toBe(first.network.vpcId);
      expect(instance.MetadataOptions?.HttpTokens).toBe('required');
      expect(instance.SecurityGroups?.map((g) => g.GroupId)).toEqual([first.firewall.securityGroupId]);
      const volumes =
        (await ec2.send(new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId!] }] })))
          .Volumes ?? [];
      expect(volumes.length).toBeGreaterThan(0);
      for (const volume of volumes) expect(volume.Encrypted).toBe(true);
    }

    // The addresses: new ones, one per clean instance, none of the compromised environment's.
    expect(built.addresses).toHaveLength(built.cleanInstances.length);
    expect(new Set(built.addresses.map((a) => a.InstanceId))).toEqual(new Set(first.instances.instanceIds));
    const oldAllocations = new Set(original.elasticIps.map((e) => e.allocationId));
    const oldIps = new Set(original.elasticIps.map((e) => e.publicIp));
    for (const address of built.addresses) {
      expect(oldAllocations.has(address.AllocationId!)).toBe(false);
      expect(oldIps.has(address.PublicIp!)).toBe(false);
    }

    // Monitoring: one flow log however often it is enabled; detailed monitoring is not offered by the emulator.
    const monitoring = await recovery.enableHeightenedMonitoring(input);
    expect(await recovery.enableHeightenedMonitoring(input)).toEqual(monitoring);
    expect(monitoring.detailedMonitoring).toBe('unavailable');
    const flowLogs = (await readCleanEvidence(ec2, incidentId)).flowLogs;
    expect(flowLogs.map((f) => f.FlowLogId)).toEqual(monitoring.flowLogIds);
    expect(flowLogs[0]!.TrafficType).toBe('ALL');
    expect(flowLogs[0]!.LogGroupName).toContain(incidentId);

    // Periodic checks: healthy as built; a port-22 rule added by hand is found; the firewall step puts it right.
    const healthy = await recovery.checkCleanEnvironment(input);
    expect(healthy).toMatchObject({ healthy: true, findings: [] });
    expect(Date.parse(healthy.checkedAt)).not.toBeNaN();
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: first.firewall.securityGroupId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    const drifted = await recovery.checkCleanEnvironment(input);
    expect(drifted.healthy).toBe(false);
    expect(drifted.findings).toEqual(expect.arrayContaining([expect.stringMatching(/opens port 22/)]));
    await recovery.createCleanFirewall(input);
    expect(await recovery.checkCleanEnvironment(input)).toMatchObject({ healthy: true, findings: [] });

    // Compensation, twice: nothing of the clean environment remains, the compromised one is as it was.
    const removed = await recovery.removeCleanEnvironment(input);
    expect(removed.removed.instances.sort()).toEqual([...first.instances.instanceIds].sort());
    expect(removed.removed.vpcs).toEqual([first.network.vpcId]);
    const again = await recovery.removeCleanEnvironment(input);
    expect(Object.values(again.removed).every((ids) => ids.length === 0)).toBe(true);

    const after = await readCleanEvidence(ec2, incidentId);
    expect(after).toMatchObject({
      vpcs: [],
      subnets: [],
      gateways: [],
      routeTables: [],
      groups: [],
      cleanInstances: [],
      addresses: [],
      flowLogs: [],
    });
    const compromisedAfter = await readDeploymentEvidence(ec2, deployment, incidentId);
    expect(compromisedAfter.instances.map((i) => [i.InstanceId, i.State?.Name])).toEqual(
      compromisedBefore.instances.map((i) => [i.InstanceId, i.State?.Name]),
    );
    expect(compromisedAfter.interfaces).toEqual(compromisedBefore.interfaces);
    expect(compromisedAfter.aclBySubnet).toEqual(compromisedBefore.aclBySubnet);
    expect(compromisedAfter.associatedAddresses).toEqual([]);
    expect([...(await allocationsNow(ec2, [...oldAllocations])).keys()].sort()).toEqual([...oldAllocations].sort());
    expect((await disconnect.checkIsolation({ incidentId, deployment })).problems).toEqual(isolationAfterDisconnect);
  });

  it('moves the original addresses onto the recreated environment, never onto the compromised one', async () => {
    const deployment = fleet.deployments.find((d) => d.id === 'shared-transfer-eu')!;
    const incidentId = await declareAndDisconnect(deployment);
    const input = { incidentId, deployment, purpose: 'recreate' } as const;
    const original = PreChangeState.parse((await findPreChangeState(db, incidentId, deployment.id))?.state);
    const built = await rebuild(recovery, input);
    expect(built.instances.instanceIds).toHaveLength(4);
    const firewall = (await readCleanEvidence(ec2, incidentId)).groups[0]!;
    expect(ruleSummary(firewall.IpPermissions).filter((r) => r.includes('203.0.113.20/32'))).toEqual(['tcp 443-443 203.0.113.20/32']);

    const restored = await recovery.reestablishProduction({ incidentId, deployment });
    expect(restored.notRestored).toEqual([]);
    const allocationIds = original.elasticIps.map((e) => e.allocationId);
    expect(restored.addresses.map((a) => a.allocationId).sort()).toEqual([...allocationIds].sort());

    // Independently: each original address now sits on the clean instance that replaced the instance it was on.
    const now = await allocationsNow(ec2, allocationIds);
    const slotOfOriginal = new Map(original.instances.map((i, index) => [i.instanceId, index]));
    for (const address of original.elasticIps) {
      const holder = now.get(address.allocationId)?.InstanceId;
      expect(holder).toBe(built.instances.instanceIds[slotOfOriginal.get(address.instanceId!)!]);
    }
    const associations = [...now.values()].map((a) => a.AssociationId).sort();
    // The clean environment's temporary addresses made way and were given back.
    expect((await readCleanEvidence(ec2, incidentId)).addresses).toEqual([]);

    // Desired state: a re-run changes nothing, and attaching clean addresses again leaves production's in place.
    expect(await recovery.reestablishProduction({ incidentId, deployment })).toEqual(restored);
    const reattached = await recovery.attachCleanAddresses(input);
    expect(reattached).toEqual({ addresses: [], keptProductionAddress: built.instances.instanceIds });
    expect([...(await allocationsNow(ec2, allocationIds)).values()].map((a) => a.AssociationId).sort()).toEqual(associations);

    // The compromised instances stay cut off.
    const compromised = await readDeploymentEvidence(ec2, deployment, incidentId);
    expect(compromised.associatedAddresses).toEqual([]);
    expect((await disconnect.checkIsolation({ incidentId, deployment })).clean).toBe(true);

    // Removing the recreated environment never releases the customer's addresses.
    await recovery.removeCleanEnvironment(input);
    const kept = await allocationsNow(ec2, allocationIds);
    expect([...kept.keys()].sort()).toEqual([...allocationIds].sort());
  });

  it('refuses for good to give a production address to a compromised instance', async () => {
    const deployment = fleet.deployments.find((d) => d.id === 'northwind-transfer')!;
    const incidentId = await declareAndDisconnect(deployment);
    const victim = (await readDeploymentEvidence(ec2, deployment, incidentId)).instances[0]!.InstanceId!;
    // A compromised instance mislabelled as the recreated environment's first instance.
    await ec2.send(
      new CreateTagsCommand({
        Resources: [victim],
        Tags: [
          { Key: TAG.role, Value: 'clean-instance' },
          { Key: 'firebreak:purpose', Value: 'recreate' },
          { Key: 'firebreak:slot', Value: '1' },
        ],
      }),
    );
    const failure = await recovery.reestablishProduction({ incidentId, deployment }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe(RECOVERY_FAILURES.wouldReconnectCompromised);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect((await readDeploymentEvidence(ec2, deployment, incidentId)).associatedAddresses).toEqual([]);
  });

  it('fails for good on bad input, a missing image or a step run out of order, and removes nothing that is not there', async () => {
    const deployment = fleet.deployments[0]!;
    const incidentId = await declareAndDisconnect(deployment);
    const failureOf = (call: Promise<unknown>) => call.then(() => undefined).catch((error: unknown) => error as ApplicationFailure);

    const invalid = await failureOf(recovery.createCleanNetwork({ incidentId, deployment, purpose: 'spare' } as never));
    expect([invalid?.type, invalid?.nonRetryable]).toEqual(['INVALID_INPUT', true]);
    expect(invalid?.message).toMatch(/purpose/);

    const early = await failureOf(recovery.createCleanFirewall({ incidentId, deployment, purpose: 'backup' }));
    expect([early?.type, early?.nonRetryable]).toEqual([RECOVERY_FAILURES.cleanEnvironmentMissing, true]);

    const { knownGoodImageId: _, ...withoutImage } = deployment;
    await recovery.createCleanNetwork({ incidentId, deployment, purpose: 'backup' });
    await recovery.createCleanFirewall({ incidentId, deployment, purpose: 'backup' });
    const noImage = await failureOf(recovery.launchCleanInstances({ incidentId, deployment: withoutImage, purpose: 'backup' }));
    expect([noImage?.type, noImage?.nonRetryable]).toEqual([RECOVERY_FAILURES.deploymentIncomplete, true]);
    expect((await readCleanEvidence(ec2, incidentId)).cleanInstances).toEqual([]);

    // The saga undoes the part that was built, and a removal of what was never built is a no-op.
    const removed = await recovery.removeCleanEnvironment({ incidentId, deployment, purpose: 'backup' });
    expect(removed.removed.vpcs).toHaveLength(1);
    expect(removed.removed.instances).toEqual([]);
    const nothing = await recovery.removeCleanEnvironment({ incidentId, deployment, purpose: 'recreate' });
    expect(Object.values(nothing.removed).every((ids) => ids.length === 0)).toBe(true);
    expect(await readCleanEvidence(ec2, incidentId)).toMatchObject({ vpcs: [], subnets: [], groups: [] });
  });
});
