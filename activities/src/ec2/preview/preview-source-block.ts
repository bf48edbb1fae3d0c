import { CreateNetworkAclEntryCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { Deployment, DryRunCheck, SourceBlockChanges } from '@firebreak/domain';

import { describeDeploymentAcls } from '../source-block/describe-deployment-acls';
import { normaliseSourceCidr } from '../source-block/source-cidr';
import { type DryRunOptions, tryDryRun } from './dry-run';
import { sourceBlockChangesOf } from './source-block-changes';

export interface SourceBlockPreview {
  changes: SourceBlockChanges;
  permissions: DryRunCheck[];
}

/** The deny entries a block of `sourceAddress` would add to the deployment's ACLs, and whether EC2 would let it. */
export async function previewSourceBlock(
  ec2: EC2Client,
  deployment: Deployment,
  sourceAddress: string,
  options: DryRunOptions,
): Promise<SourceBlockPreview> {
  const cidr = normaliseSourceCidr(sourceAddress);
  const acls = await describeDeploymentAcls(ec2, deployment);
  const changes = sourceBlockChangesOf(
    acls.map(({ networkAclId, subnetIds, acl }) => ({ networkAclId, subnetIds, entries: acl.Entries ?? [] })),
    cidr,
  );
  const first = changes.entries.find((e) => e.action === 'add');
  const check = await tryDryRun(
    {
      action: 'CreateNetworkAclEntry',
      target: first?.networkAclId ?? null,
      nothingToTry: 'No entry to add: every ACL denies the source already, or has no room.',
      send: () =>
        ec2.send(
          new CreateNetworkAclEntryCommand({
            NetworkAclId: first!.networkAclId,
            RuleNumber: first!.ruleNumber!,
            Protocol: '-1',
            RuleAction: 'deny',
            Egress: first!.egress,
            CidrBlock: cidr,
            DryRun: true,
          }),
        ),
    },
    options,
  );
  return { changes, permissions: [check] };
}
