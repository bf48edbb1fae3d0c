import { CreateNetworkAclEntryCommand, type NetworkAclEntry } from '@aws-sdk/client-ec2';
import {
  listActiveSourceBlockEntries,
  listReservedRuleNumbers,
  recordSourceBlockEntry,
  ruleNumberKey,
  type SourceBlockEntry,
} from '@firebreak/db';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { chooseDenyRuleNumber, isDenyOf, lowestAllowRule } from './choose-deny-rule-number';
import { describeDeploymentAcls } from './describe-deployment-acls';
import { parseSourceBlockInput, type SourceBlockAclEntry } from './source-block-input';

export const NO_FREE_ACL_RULE = FAILURE.NO_FREE_ACL_RULE;

export interface BlockSourceAddressSummary {
  cidr: string;
  entries: SourceBlockAclEntry[];
}

interface PlannedEntry {
  record: SourceBlockEntry;
  subnetIds: string[];
  /** keep: already in EC2 and recorded; record: reuse an entry already there; create: record, then add it. */
  action: 'keep' | 'record' | 'create';
}

/**
 * Denies every protocol from and to the source on each network ACL the deployment's subnets are on, below every
 * allow rule, both ways. Each entry is recorded before it is added, so a retry finds its own work and the unblock
 * removes exactly that. Every ACL is planned before anything changes: an ACL with no room fails the whole call.
 */
export async function blockSourceAddress(deps: Ec2ActivityDeps, rawInput: unknown): Promise<BlockSourceAddressSummary> {
  const { incidentId, deployment, sourceAddress: cidr } = parseSourceBlockInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const acls = await describeDeploymentAcls(ec2, deployment);

  // Planned and recorded in one transaction, against the numbers other blocks hold: blocks planned at the same time on
  // one ACL (many incidents at once) each get their own number instead of colliding in EC2 and retrying.
  const now = new Date().toISOString();
  const plan = await deps.db.transaction().execute(async (tx) => {
    const recorded = await listActiveSourceBlockEntries(tx, { incidentId, cidr });
    const reserved = await listReservedRuleNumbers(tx, {
      networkAclIds: acls.map((a) => a.networkAclId),
      excludingIncidentId: incidentId,
    });
    const planned: PlannedEntry[] = [];
    for (const { networkAclId, acl, subnetIds } of acls) {
      for (const egress of [false, true]) {
        const entries = (acl.Entries ?? []).filter((e) => (e.Egress ?? false) === egress);
        const mine = recorded.find((r) => r.networkAclId === networkAclId && r.egress === egress);
        const base = { incidentId, deploymentId: deployment.id, networkAclId, egress, cidr };
        const taken = reserved.get(ruleNumberKey(networkAclId, egress));
        planned.push({ subnetIds, ...planEntry(entries, cidr, mine, base, taken) });
      }
    }
    for (const { record, action } of planned) if (action !== 'keep') await recordSourceBlockEntry(tx, record, now);
    return planned;
  });

  for (const { record, action } of plan) {
    if (action !== 'create') continue;
    await ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: record.networkAclId,
        RuleNumber: record.ruleNumber,
        Protocol: '-1',
        RuleAction: 'deny',
        Egress: record.egress,
        CidrBlock: cidr,
      }),
    );
  }
  return {
    cidr,
    entries: plan.map(({ record, subnetIds }) => ({
      networkAclId: record.networkAclId,
      subnetIds,
      ruleNumber: record.ruleNumber,
      egress: record.egress,
    })),
  };
}

function planEntry(
  entries: NetworkAclEntry[],
  cidr: string,
  mine: SourceBlockEntry | undefined,
  base: Omit<SourceBlockEntry, 'ruleNumber' | 'createdEntry'>,
  reserved: ReadonlySet<number> | undefined,
): Omit<PlannedEntry, 'subnetIds'> {
  if (mine && mine.ruleNumber < lowestAllowRule(entries)) {
    const atMine = entries.find((e) => e.RuleNumber === mine.ruleNumber);
    if (atMine && isDenyOf(atMine, cidr)) return { record: mine, action: 'keep' };
    // Recorded but never added: the previous attempt stopped in between.
    if (!atMine && mine.createdEntry) return { record: mine, action: 'create' };
  }
  const choice = chooseDenyRuleNumber(entries, cidr, reserved);
  if (choice.kind === 'none') {
    throw ApplicationFailure.create({
      type: NO_FREE_ACL_RULE,
      message: `network ACL ${base.networkAclId} has no free ${base.egress ? 'outbound' : 'inbound'} rule number below its first allow rule (${choice.lowestAllow})`,
      nonRetryable: true,
    });
  }
  const createdEntry = choice.kind === 'new';
  return { record: { ...base, ruleNumber: choice.ruleNumber, createdEntry }, action: createdEntry ? 'create' : 'record' };
}
