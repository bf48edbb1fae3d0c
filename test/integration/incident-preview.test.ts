import {
  DescribeAddressesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
// The console reads its configuration on first use: the handler can be imported before process.env points at this
// file's database and the emulator (in beforeAll).
import { POST as previewRoute } from '@firebreak/console/app/api/v1/incidents/preview/route';
import { createApiToken, listAuditEntries } from '@firebreak/db';
import {
  type Deployment,
  type DisconnectChanges,
  IncidentPreview,
  type MaintenanceChanges,
  type SourceBlockChanges,
} from '@firebreak/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createFleetFixture, type FleetFixture, REGION } from '../support/fleet-fixture';

let fixture: FleetFixture;
let onCallToken: string;
let viewerToken: string;
let before: string;

beforeAll(async () => {
  fixture = await createFleetFixture('incident-preview');
  process.env.FIREBREAK_DATABASE_PATH = fixture.databasePath;
  process.env.EC2_ENDPOINT = inject('motoEndpoint');
  process.env.AWS_REGION = REGION;
  ({ token: onCallToken } = await createApiToken(fixture.db, { name: 'on-call engineer', role: 'on-call' }));
  ({ token: viewerToken } = await createApiToken(fixture.db, { name: 'viewer', role: 'viewer' }));
  before = await everythingEc2Holds(fixture.ec2);
});

afterAll(async () => {
  fixture?.ec2.destroy();
  await fixture?.db.destroy();
});

function preview(body: unknown, token = onCallToken): Promise<Response> {
  return previewRoute(
    new Request('http://console.test/api/v1/incidents/preview', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function previewOf(body: unknown): Promise<IncidentPreview> {
  const response = await preview(body);
  expect(response.status, await response.clone().text()).toBe(200);
  return IncidentPreview.parse(await response.json());
}

const deployment = (i: number): Deployment => fixture.fleet.deployments[i]!;
const changesOf = <K extends string>(p: IncidentPreview, i: number, kind: K) => {
  const changes = p.deployments[i]!.changes;
  expect(changes?.kind).toBe(kind);
  return changes!;
};

describe('POST /api/v1/incidents/preview', () => {
  it('lists exactly the instances, addresses, subnets and volumes of the deployment the disconnect will touch', async () => {
    const target = deployment(0);
    const result = await previewOf({
      playbook: 'infrastructure-compromise',
      deploymentIds: [target.id],
      severity: 'critical',
      summary: 'Unexpected outbound traffic',
    });
    const evidence = await readDeploymentEvidence(fixture.ec2, target, 'none');
    const changes = changesOf(result, 0, 'disconnect') as DisconnectChanges;

    expect(changes.instances.map((i) => i.instanceId).sort()).toEqual(evidence.instances.map((i) => i.InstanceId!).sort());
    expect(changes.instances.length).toBeGreaterThan(0);
    expect(changes.networkInterfaces.map((n) => n.networkInterfaceId).sort()).toEqual(evidence.interfaces.map((n) => n.interfaceId).sort());
    expect(changes.elasticIps.map((e) => e.allocationId).sort()).toEqual(evidence.associatedAddresses.map((a) => a.AllocationId!).sort());
    expect(changes.elasticIps.length).toBeGreaterThan(0);
    expect(changes.subnets).toEqual(
      [...target.subnetIds].sort().map((subnetId) => ({ subnetId, networkAclId: evidence.aclBySubnet.get(subnetId) })),
    );
    expect(changes.volumes.map((v) => v.volumeId).sort()).toEqual([...evidence.volumeIds].sort());
    expect(changes.created.map((c) => c.name)).toEqual([
      'firebreak-{incident}-deny-all',
      `firebreak-{incident}-${target.id}-allow-all`,
      `firebreak-{incident}-${target.id}-isolation`,
    ]);

    // The emulator performs network-ACL calls even with DryRun, so those are not sent; the rest it answers as AWS does.
    expect(Object.fromEntries(result.deployments[0]!.permissions.map((c) => [c.action, c.outcome]))).toEqual({
      CreateNetworkAcl: 'not-checked',
      ReplaceNetworkAclAssociation: 'not-checked',
      ModifyInstanceAttribute: 'allowed',
      DisassociateAddress: 'allowed',
      CreateSecurityGroup: 'allowed',
      ModifyNetworkInterfaceAttribute: 'allowed',
      CreateSnapshot: 'allowed',
    });

    const contacts = fixture.fleet.customers
      .filter((c) => target.customerIds.includes(c.id))
      .flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    expect(result.notices.map((n) => [n.contactId, n.kind]).sort()).toEqual(contacts.map((c) => [c.id, 'incident-details']).sort());
  });

  it('shows the deny entries a source block adds on every ACL of each deployment, and the operations alert', async () => {
    const result = await previewOf({
      playbook: 'suspicious-activity',
      deploymentIds: [deployment(0).id, deployment(1).id],
      severity: 'medium',
      summary: 'Credential stuffing from one address',
      sourceAddress: '203.0.113.9',
    });
    for (const [i, d] of [deployment(0), deployment(1)].entries()) {
      const changes = changesOf(result, i, 'source-block') as SourceBlockChanges;
      const evidence = await readDeploymentEvidence(fixture.ec2, d, 'none');
      const acls = [...new Set(d.subnetIds.map((s) => evidence.aclBySubnet.get(s)!))].sort();
      expect(changes.cidr).toBe('203.0.113.9/32');
      expect(changes.entries.map((e) => `${e.networkAclId}:${e.egress}:${e.action}`)).toEqual(
        acls.flatMap((acl) => [`${acl}:false:add`, `${acl}:true:add`]),
      );
      expect(result.deployments[i]!.permissions).toEqual([
        expect.objectContaining({ action: 'CreateNetworkAclEntry', outcome: 'not-checked' }),
      ]);
    }
    expect(result.notices).toEqual([expect.objectContaining({ kind: 'operations-alert', customerId: null })]);
  });

  it('splits a vulnerability by tenancy: multi-tenant at the fix, single-tenant in a proposed window', async () => {
    const result = await previewOf({
      playbook: 'exploitable-vulnerability',
      deploymentIds: fixture.fleet.deployments.map((d) => d.id),
      severity: 'high',
      summary: 'Path traversal in the transfer server',
      vulnerability: {
        reference: 'CVE-2025-0001',
        title: 'Path traversal',
        component: 'transfer server',
        discoveredAt: '2025-11-27T10:00:00Z',
      },
    });
    for (const [i, d] of fixture.fleet.deployments.entries()) {
      const changes = changesOf(result, i, 'maintenance') as MaintenanceChanges;
      const evidence = await readDeploymentEvidence(fixture.ec2, d, 'none');
      expect(changes.schedule).toBe(d.tenancy === 'multi' ? 'at-fix-release' : 'proposed-window');
      expect(changes.instances.map((x) => x.instanceId).sort()).toEqual(evidence.instances.map((x) => x.InstanceId!).sort());
      expect(result.deployments[i]!.permissions).toEqual([expect.objectContaining({ action: 'RunInstances', outcome: 'allowed' })]);
    }
    expect(new Set(result.notices.map((n) => n.kind))).toEqual(new Set(['bulletin-exploitable']));
  });

  it('refuses a role that may not declare, and a body that would not declare', async () => {
    const body = { playbook: 'infrastructure-compromise', deploymentIds: [deployment(0).id], severity: 'critical', summary: 'x' };
    expect((await preview(body, viewerToken)).status).toBe(403);
    const invalid = await preview({ ...body, playbook: 'suspicious-activity' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { fieldErrors: { path: string }[] } }).error.fieldErrors.map((e) => e.path)).toEqual([
      'sourceAddress',
    ]);
    expect((await preview({ ...body, deploymentIds: ['no-such-deployment'] })).status).toBe(404);
  });

  it('changed nothing in EC2, declared nothing, and left an audit entry per preview', async () => {
    expect(await everythingEc2Holds(fixture.ec2)).toEqual(before);
    expect(await fixture.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    expect(await fixture.db.selectFrom('timeline_events').select('id').execute()).toEqual([]);
    const previewed = (await listAuditEntries(fixture.db, { limit: 500 })).filter((e) => e.eventType === 'incident.previewed');
    expect(previewed).toHaveLength(3);
  });
});

/** Every resource kind the playbooks change, as EC2 describes it, request metadata left out. */
async function everythingEc2Holds(ec2: EC2Client): Promise<string> {
  const strip = <T extends { $metadata?: unknown }>({ $metadata: _, ...rest }: T) => rest;
  const instances = strip(await ec2.send(new DescribeInstancesCommand({})));
  const protection: Record<string, boolean | undefined> = {};
  for (const instance of instances.Reservations!.flatMap((r) => r.Instances!)) {
    const answer = await ec2.send(
      new DescribeInstanceAttributeCommand({ InstanceId: instance.InstanceId!, Attribute: 'disableApiTermination' }),
    );
    protection[instance.InstanceId!] = answer.DisableApiTermination?.Value;
  }
  return JSON.stringify({
    instances,
    protection,
    addresses: strip(await ec2.send(new DescribeAddressesCommand({}))),
    acls: strip(await ec2.send(new DescribeNetworkAclsCommand({}))),
    groups: strip(await ec2.send(new DescribeSecurityGroupsCommand({}))),
    interfaces: strip(await ec2.send(new DescribeNetworkInterfacesCommand({}))),
    volumes: strip(await ec2.send(new DescribeVolumesCommand({}))),
    snapshots: strip(await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))),
  });
}
