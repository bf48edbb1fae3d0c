import { randomBytes } from 'node:crypto';

import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DeleteTagsCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeVolumesCommand,
  type EC2Client,
  type Instance,
  ModifyInstanceAttributeCommand,
  type NetworkAclEntry,
  ReplaceNetworkAclAssociationCommand,
} from '@aws-sdk/client-ec2';
import { createMaintenanceActivities, createSourceBlockActivities, replacementSteps } from '@firebreak/activities';
import { createIncident, type FirebreakDb } from '@firebreak/db';
import { type Deployment, incidentWorkflowId, TAG } from '@firebreak/domain';
import type { DemoFleet } from '@firebreak/stack';
import { ApplicationFailure } from '@temporalio/client';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createFleetFixture } from '../support/fleet-fixture';
import { ensurePatchedImage } from '../support/patched-image';

const SOURCE = '203.0.113.7';
const SOURCE_CIDR = '203.0.113.7/32';

/** Every ACL entry of the ACLs the subnets are on, read with a plain describe call. */
async function aclEntries(ec2: EC2Client, subnetIds: string[]) {
  const found = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: subnetIds }] }));
  return (found.NetworkAcls ?? [])
    .map((acl) => ({
      networkAclId: acl.NetworkAclId!,
      subnetIds: (acl.Associations ?? [])
        .map((a) => a.SubnetId!)
        .filter((id) => subnetIds.includes(id))
        .sort(),
      entries: (acl.Entries ?? []).map(entryKey).sort(),
      raw: acl.Entries ?? [],
    }))
    .sort((a, b) => a.networkAclId.localeCompare(b.networkAclId));
}

function entryKey(e: NetworkAclEntry): string {
  return `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.RuleAction} ${e.Protocol} ${e.CidrBlock}`;
}

/** Every instance, in any state, carrying the given tag. */
async function instancesTagged(ec2: EC2Client, key: string, values?: string[]): Promise<Instance[]> {
  const filter = values ? { Name: `tag:${key}`, Values: values } : { Name: 'tag-key', Values: [key] };
  const found = await ec2.send(new DescribeInstancesCommand({ Filters: [filter] }));
  return (found.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

async function describeById(ec2: EC2Client, ids: string[]): Promise<Instance[]> {
  const found = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
  return (found.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

function tag(instance: Instance, key: string): string | undefined {
  return instance.Tags?.find((t) => t.Key === key)?.Value;
}

describe('source block and maintenance activities against the EC2 emulator', () => {
  const motoEndpoint = inject('motoEndpoint');
  let db: FirebreakDb;
  let ec2: EC2Client;
  let fleet: DemoFleet;
  let block: ReturnType<typeof createSourceBlockActivities>;
  let maintenance: ReturnType<typeof createMaintenanceActivities>;
  let multiTenant: Deployment;

  beforeEach(async () => {
    ({ db, ec2, fleet } = await createFleetFixture('block-maintenance', motoEndpoint));
    block = createSourceBlockActivities({ ec2For: () => ec2, db });
    maintenance = createMaintenanceActivities({ ec2For: () => ec2, db });
    multiTenant = fleet.deployments.find((d) => d.tenancy === 'multi')!;
  });

  afterEach(async () => {
    ec2?.destroy();
    await db?.destroy();
  });

  async function declareIncident(deployment: Deployment, playbook: 'suspicious-activity' | 'exploitable-vulnerability') {
    const incidentId = `inc-${randomBytes(6).toString('hex')}`;
    await createIncident(db, {
      id: incidentId,
      playbook,
      severity: 'high',
      summary: 'Repeated failed logins from one address',
      deploymentIds: [deployment.id],
      customerIds: deployment.customerIds,
      workflowId: incidentWorkflowId(incidentId),
      declaredBy: { kind: 'system', id: 'monitoring', name: 'Monitoring' },
      declaredAt: new Date().toISOString(),
      steps: [],
    });
    return incidentId;
  }

  /** A second ACL for the deployment's last subnet, with its own allow at 5 and an unrelated deny at 1. */
  async function splitSubnetOntoCustomAcl(deployment: Deployment): Promise<string> {
    const created = await ec2.send(new CreateNetworkAclCommand({ VpcId: deployment.vpcId }));
    const aclId = created.NetworkAcl!.NetworkAclId!;
    for (const Egress of [false, true]) {
      await ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 1,
          Protocol: '-1',
          RuleAction: 'deny',
          Egress,
          CidrBlock: '198.51.100.0/24',
        }),
      );
      await ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 5,
          Protocol: '-1',
          RuleAction: 'allow',
          Egress,
          CidrBlock: '0.0.0.0/0',
        }),
      );
    }
    const subnetId = deployment.subnetIds.at(-1)!;
    const [current] = (await aclEntries(ec2, [subnetId])).map((a) => a.networkAclId);
    const acl = (await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [current!] }))).NetworkAcls![0]!;
    const association = acl.Associations!.find((a) => a.SubnetId === subnetId)!;
    await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: association.NetworkAclAssociationId!, NetworkAclId: aclId }));
    return aclId;
  }

  it('blocks a source on every ACL of the deployment once, below every allow, and unblocks exactly that', async () => {
    const customAclId = await splitSubnetOntoCustomAcl(multiTenant);
    const incidentId = await declareIncident(multiTenant, 'suspicious-activity');
    const input = { incidentId, deployment: multiTenant, sourceAddress: SOURCE };
    const before = await aclEntries(ec2, multiTenant.subnetIds);
    expect(before).toHaveLength(2);

    const first = await block.blockSourceAddress(input);
    const second = await block.blockSourceAddress(input);
    expect(second).toEqual(first);
    expect(first.cidr).toBe(SOURCE_CIDR);
    expect(first.entries).toHaveLength(4);

    const after = await aclEntries(ec2, multiTenant.subnetIds);
    for (const acl of after) {
      for (const egress of [false, true]) {
        const direction = acl.raw.filter((e) => (e.Egress ?? false) === egress);
        const denies = direction.filter((e) => e.CidrBlock === SOURCE_CIDR);
        expect(denies, `${acl.networkAclId} ${egress ? 'out' : 'in'}`).toHaveLength(1);
        expect(denies[0]).toMatchObject({ RuleAction: 'deny', Protocol: '-1' });
        const allows = direction.filter((e) => e.RuleAction === 'allow').map((e) => e.RuleNumber!);
        expect(allows.length).toBeGreaterThan(0);
        for (const allow of allows) expect(denies[0]!.RuleNumber!).toBeLessThan(allow);
        expect(first.entries).toContainEqual({
          networkAclId: acl.networkAclId,
          subnetIds: acl.subnetIds,
          ruleNumber: denies[0]!.RuleNumber!,
          egress,
        });
      }
      // Nothing else on the ACL changed.
      const others = acl.entries.filter((e) => !e.endsWith(SOURCE_CIDR));
      expect(others).toEqual(before.find((b) => b.networkAclId === acl.networkAclId)!.entries);
    }
    // Rule 1 was taken on the custom ACL, so the lowest free number is 2 there (and 1 on the default ACL).
    expect(first.entries.filter((e) => e.networkAclId === customAclId).map((e) => e.ruleNumber)).toEqual([2, 2]);
    expect(first.entries.filter((e) => e.networkAclId !== customAclId).map((e) => e.ruleNumber)).toEqual([1, 1]);
    expect(await block.describeSourceBlock(input)).toEqual({ cidr: SOURCE_CIDR, active: true, entries: first.entries });

    expect(await block.unblockSourceAddress(input)).toEqual({ cidr: SOURCE_CIDR, removed: 4, kept: 0 });
    expect(await block.unblockSourceAddress(input)).toEqual({ cidr: SOURCE_CIDR, removed: 0, kept: 0 });
    expect((await aclEntries(ec2, multiTenant.subnetIds)).map(({ networkAclId, entries }) => ({ networkAclId, entries }))).toEqual(
      before.map(({ networkAclId, entries }) => ({ networkAclId, entries })),
    );
    expect(await block.describeSourceBlock(input)).toEqual({ cidr: SOURCE_CIDR, active: false, entries: [] });
  });

  it('never removes a deny it did not add, and keeps a shared one until the last incident lifts its block', async () => {
    const deployment = fleet.deployments.find((d) => d.tenancy === 'single')!;
    const [acl] = await aclEntries(ec2, deployment.subnetIds);
    // An operator's own deny of a whole range, inbound only, already there.
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: acl!.networkAclId,
        RuleNumber: 7,
        Protocol: '-1',
        RuleAction: 'deny',
        Egress: false,
        CidrBlock: '192.0.2.0/24',
      }),
    );
    const a = await declareIncident(deployment, 'suspicious-activity');
    const b = await declareIncident(deployment, 'suspicious-activity');
    const range = '192.0.2.77/24';

    const blockedByA = await block.blockSourceAddress({ incidentId: a, deployment, sourceAddress: range });
    expect(blockedByA.cidr).toBe('192.0.2.0/24');
    expect(blockedByA.entries.map((e) => [e.egress, e.ruleNumber])).toEqual([
      [false, 7],
      [true, 1],
    ]);
    const blockedByB = await block.blockSourceAddress({ incidentId: b, deployment, sourceAddress: range });
    expect(blockedByB.entries).toEqual(blockedByA.entries);

    // A lifts: B still relies on both entries.
    expect(await block.unblockSourceAddress({ incidentId: a, deployment, sourceAddress: range })).toMatchObject({ removed: 0, kept: 2 });
    expect((await block.describeSourceBlock({ incidentId: b, deployment, sourceAddress: range })).active).toBe(true);
    // B lifts: the outbound entry Firebreak added goes; the operator's inbound one stays.
    expect(await block.unblockSourceAddress({ incidentId: b, deployment, sourceAddress: range })).toMatchObject({ removed: 1, kept: 1 });
    const [afterAll] = await aclEntries(ec2, deployment.subnetIds);
    expect(afterAll!.entries.filter((e) => e.includes('192.0.2.0/24'))).toEqual(['in 7 deny -1 192.0.2.0/24']);
  });

  it('gives blocks planned at the same time on one ACL a number each, so none collides in EC2', async () => {
    const deployment = fleet.deployments.find((d) => d.tenancy === 'single')!;
    const sources = ['203.0.113.11', '203.0.113.12', '203.0.113.13', '203.0.113.14', '203.0.113.15'];
    const incidents = await Promise.all(sources.map(() => declareIncident(deployment, 'suspicious-activity')));
    // All at once: every plan reads the ACL before any entry is added.
    const blocks = await Promise.all(
      sources.map((sourceAddress, i) => block.blockSourceAddress({ incidentId: incidents[i]!, deployment, sourceAddress })),
    );
    for (const egress of [false, true]) {
      const numbers = blocks.flatMap((b) => b.entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
      expect(new Set(numbers).size).toBe(sources.length * blocks[0]!.entries.filter((e) => e.egress === egress).length);
    }
    const after = await aclEntries(ec2, deployment.subnetIds);
    for (const source of sources) {
      for (const acl of after) expect(acl.entries.filter((e) => e.endsWith(` ${source}/32`))).toHaveLength(2);
    }
  });

  it('refuses a bad source address for good, without touching EC2', async () => {
    const incidentId = await declareIncident(multiTenant, 'suspicious-activity');
    const before = await aclEntries(ec2, multiTenant.subnetIds);
    for (const sourceAddress of ['not-an-address', '0.0.0.0/0', '203.0.113.7/40']) {
      const failure = await block.blockSourceAddress({ incidentId, deployment: multiTenant, sourceAddress }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect((failure as ApplicationFailure).type).toBe('INVALID_INPUT');
      expect((failure as ApplicationFailure).nonRetryable).toBe(true);
      expect((failure as ApplicationFailure).message).toMatch(/sourceAddress/);
    }
    expect(await aclEntries(ec2, multiTenant.subnetIds)).toEqual(before);
  });

  it('replaces every instance of the multi-tenant deployment once from the patched image, keeping its public IPs', async () => {
    const incidentId = await declareIncident(multiTenant, 'exploitable-vulnerability');
    const before = await readDeploymentEvidence(ec2, multiTenant, incidentId);
    const oldIds = before.instances.map((i) => i.InstanceId!).sort();
    expect(oldIds).toHaveLength(4);
    const ipByOld = new Map(before.associatedAddresses.map((a) => [a.InstanceId!, a.PublicIp!]));
    const imageId = await ensurePatchedImage(ec2, oldIds[0]!);
    // Termination protection on one of them (as a containment would leave it) must not stop the upgrade.
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: oldIds[1]!, DisableApiTermination: { Value: true } }));
    const input = { incidentId, deployment: multiTenant, imageId };

    const first = await maintenance.replaceInstances(input);
    expect(first.replaced.map((r) => r.oldInstanceId).sort()).toEqual(oldIds);
    expect(first.remaining).toBe(0);
    const second = await maintenance.replaceInstances(input);
    expect(second.replaced).toEqual([]);
    expect(second.remaining).toBe(0);
    expect(second.upToDate.sort()).toEqual(first.replaced.map((r) => r.newInstanceId).sort());

    // What EC2 says, read independently.
    const after = await readDeploymentEvidence(ec2, multiTenant, incidentId);
    expect(after.instances).toHaveLength(4);
    const oldById = new Map(before.instances.map((i) => [i.InstanceId!, i]));
    for (const instance of after.instances) {
      const old = oldById.get(tag(instance, 'firebreak:replaces')!)!;
      expect(old).toBeDefined();
      expect(instance.ImageId).toBe(imageId);
      expect(instance.State?.Name).toBe('running');
      expect(instance.MetadataOptions?.HttpTokens).toBe('required');
      expect(instance.SubnetId).toBe(old.SubnetId);
      expect(instance.SecurityGroups?.map((g) => g.GroupId)).toEqual(old.SecurityGroups?.map((g) => g.GroupId));
      expect(tag(instance, TAG.incident)).toBe(incidentId);
      expect(tag(instance, 'Name')).toBe(tag(old, 'Name'));
      expect(instance.PublicIpAddress).toBe(ipByOld.get(old.InstanceId!));
    }
    expect(after.associatedAddresses.map((a) => a.PublicIp).sort()).toEqual([...ipByOld.values()].sort());
    const volumes = await ec2.send(
      new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: after.instances.map((i) => i.InstanceId!) }] }),
    );
    expect(volumes.Volumes?.length).toBeGreaterThanOrEqual(4);
    for (const volume of volumes.Volumes ?? []) expect(volume.Encrypted).toBe(true);
    // Exactly one replacement per old instance, in any state, and every old one terminated and out of the deployment.
    const allReplacements = await instancesTagged(ec2, 'firebreak:replaces');
    expect(allReplacements.map((r) => tag(r, 'firebreak:replaces')).sort()).toEqual(oldIds);
    for (const old of await describeById(ec2, oldIds)) {
      expect(['shutting-down', 'terminated']).toContain(old.State?.Name);
      expect(tag(old, TAG.deployment)).toBeUndefined();
    }
    expect(await maintenance.describeDeploymentImages({ deployment: multiTenant, imageId })).toMatchObject({ allOnImage: true });
  });

  it('converges after a crash at any step: still exactly one replacement per instance', async () => {
    const incidentId = await declareIncident(multiTenant, 'exploitable-vulnerability');
    const before = await readDeploymentEvidence(ec2, multiTenant, incidentId);
    const ipByOld = new Map(before.associatedAddresses.map((a) => [a.InstanceId!, a.PublicIp!]));
    const imageId = await ensurePatchedImage(ec2, before.instances[0]!.InstanceId!);
    const image = await replacementSteps.describeLaunchImage(ec2, imageId);
    const plan = await replacementSteps.planReplacements(ec2, { incidentId, deployment: multiTenant, imageId });
    const [crashedAfterLaunch, crashedBeforeTerminate, launchedThenBatched] = plan.pending;
    const launch = (old: Instance) =>
      replacementSteps.launchReplacement(ec2, { incidentId, instanceTag: multiTenant.instanceTag, image, old, attempt: 0 });

    // Stopped right after RunInstances.
    const launched = await launch(crashedAfterLaunch!.old);
    // Stopped after the address moved and the old instance left the deployment, before it was terminated.
    const moved = await launch(crashedBeforeTerminate!.old);
    await replacementSteps.moveElasticIps(ec2, [crashedBeforeTerminate!.old.InstanceId!], moved.InstanceId!);
    await ec2.send(new DeleteTagsCommand({ Resources: [crashedBeforeTerminate!.old.InstanceId!], Tags: [{ Key: TAG.deployment }] }));
    // Stopped after launching; then a run cut short by a batch of one.
    await launch(launchedThenBatched!.old);
    const partial = await maintenance.replaceInstances({ incidentId, deployment: multiTenant, imageId, batch: 1 });
    expect(partial.replaced).toHaveLength(1);
    expect(partial.remaining).toBe(3);

    const resumed = await maintenance.replaceInstances({ incidentId, deployment: multiTenant, imageId });
    const again = await maintenance.replaceInstances({ incidentId, deployment: multiTenant, imageId });
    expect(again.replaced).toEqual([]);
    const all = [...partial.replaced, ...resumed.replaced];
    expect(all.map((r) => r.oldInstanceId).sort()).toEqual(before.instances.map((i) => i.InstanceId!).sort());
    expect(all.find((r) => r.oldInstanceId === crashedAfterLaunch!.old.InstanceId)?.newInstanceId).toBe(launched.InstanceId);
    expect(all.find((r) => r.oldInstanceId === crashedBeforeTerminate!.old.InstanceId)?.newInstanceId).toBe(moved.InstanceId);
    for (const r of all) expect(r.publicIp).toBe(ipByOld.get(r.oldInstanceId));

    const replacements = await instancesTagged(ec2, 'firebreak:replaces');
    expect(replacements).toHaveLength(4);
    expect(new Set(replacements.map((r) => tag(r, 'firebreak:replaces'))).size).toBe(4);
    const after = await readDeploymentEvidence(ec2, multiTenant, incidentId);
    expect(after.instances.map((i) => i.InstanceId).sort()).toEqual(replacements.map((r) => r.InstanceId).sort());
    expect(after.associatedAddresses.map((a) => a.PublicIp).sort()).toEqual([...ipByOld.values()].sort());
    for (const old of await describeById(ec2, [...ipByOld.keys()])) expect(['shutting-down', 'terminated']).toContain(old.State?.Name);
  });

  it('refuses an image that does not exist for good, launching nothing', async () => {
    const incidentId = await declareIncident(multiTenant, 'exploitable-vulnerability');
    const failure = await maintenance
      .replaceInstances({ incidentId, deployment: multiTenant, imageId: 'ami-0123456789abcdef0' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe('IMAGE_NOT_AVAILABLE');
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect(await instancesTagged(ec2, 'firebreak:replaces')).toEqual([]);
    const bad = await maintenance.replaceInstances({ incidentId, deployment: multiTenant, imageId: 'latest' }).catch((e: unknown) => e);
    expect((bad as ApplicationFailure).type).toBe('INVALID_INPUT');
  });
});
