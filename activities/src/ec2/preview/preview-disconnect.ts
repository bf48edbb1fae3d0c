import {
  CreateNetworkAclCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  DisassociateAddressCommand,
  type EC2Client,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
} from '@aws-sdk/client-ec2';
import type { Deployment, DisconnectChanges, DryRunCheck } from '@firebreak/domain';

import { CONTAINMENT_GROUP_DESCRIPTIONS } from '../disconnect/incident-tags';
import { disconnectChangesOf } from './disconnect-changes';
import { type DryRunOptions, type DryRunProbe, tryDryRun } from './dry-run';
import { type DisconnectTargets, readDisconnectTargets } from './read-disconnect-targets';

export interface DisconnectPreview {
  changes: DisconnectChanges;
  permissions: DryRunCheck[];
}

/** Reads the deployment as the disconnect will find it and tries one call of each kind it makes, with DryRun. */
export async function previewDisconnect(ec2: EC2Client, deployment: Deployment, options: DryRunOptions): Promise<DisconnectPreview> {
  const state = await readDisconnectTargets(ec2, deployment);
  const permissions: DryRunCheck[] = [];
  for (const probe of disconnectProbes(ec2, state)) permissions.push(await tryDryRun(probe, options));
  return { changes: disconnectChangesOf(state), permissions };
}

/**
 * One probe per call kind, on the first resource of its kind. Where the call allows it, the probe asks for what is
 * already there (the same ACL, the same groups, the same protection), so even an endpoint that ignored DryRun would
 * change nothing.
 */
function disconnectProbes(ec2: EC2Client, state: DisconnectTargets): DryRunProbe[] {
  const subnet = state.subnets[0];
  const instance = state.instances[0];
  const eni = state.networkInterfaces.find((n) => n.securityGroupIds.length > 0);
  const address = state.elasticIps[0];
  const volume = state.instances.flatMap((i) => i.volumes)[0];
  return [
    {
      action: 'CreateNetworkAcl',
      target: state.vpcId,
      send: () => ec2.send(new CreateNetworkAclCommand({ VpcId: state.vpcId, DryRun: true })),
    },
    {
      action: 'ReplaceNetworkAclAssociation',
      target: subnet?.associationId ?? null,
      send: () =>
        ec2.send(
          new ReplaceNetworkAclAssociationCommand({
            AssociationId: subnet!.associationId,
            NetworkAclId: subnet!.networkAclId,
            DryRun: true,
          }),
        ),
    },
    {
      action: 'ModifyInstanceAttribute',
      target: instance?.instanceId ?? null,
      send: () =>
        ec2.send(
          new ModifyInstanceAttributeCommand({
            InstanceId: instance!.instanceId,
            DisableApiTermination: { Value: instance!.terminationProtection },
            DryRun: true,
          }),
        ),
    },
    {
      action: 'DisassociateAddress',
      target: address?.associationId ?? null,
      send: () => ec2.send(new DisassociateAddressCommand({ AssociationId: address!.associationId, DryRun: true })),
    },
    {
      action: 'CreateSecurityGroup',
      target: state.vpcId,
      send: () =>
        ec2.send(
          new CreateSecurityGroupCommand({
            VpcId: state.vpcId,
            GroupName: `firebreak-dry-run-${state.deploymentId}`,
            Description: CONTAINMENT_GROUP_DESCRIPTIONS.isolation,
            DryRun: true,
          }),
        ),
    },
    {
      action: 'ModifyNetworkInterfaceAttribute',
      target: eni?.networkInterfaceId ?? null,
      send: () =>
        ec2.send(
          new ModifyNetworkInterfaceAttributeCommand({
            NetworkInterfaceId: eni!.networkInterfaceId,
            Groups: eni!.securityGroupIds,
            DryRun: true,
          }),
        ),
    },
    {
      action: 'CreateSnapshot',
      target: volume?.volumeId ?? null,
      send: () => ec2.send(new CreateSnapshotCommand({ VolumeId: volume!.volumeId, Description: 'Firebreak preview', DryRun: true })),
    },
  ];
}
