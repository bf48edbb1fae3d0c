import { DeleteNetworkAclEntryCommand } from '@aws-sdk/client-ec2';
import { countOtherActiveSourceBlockEntries, listActiveSourceBlockEntries, releaseSourceBlockEntry } from '@firebreak/db';

import { isAwsError } from '../shared/aws-errors';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { isDenyOf } from './choose-deny-rule-number';
import { describeAclsById } from './describe-deployment-acls';
import { parseSourceBlockInput } from './source-block-input';

export interface UnblockSourceAddressSummary {
  cidr: string;
  /** EC2 entries deleted by this call. */
  removed: number;
  /** Entries lifted for this incident but left in EC2: another incident's block still relies on them, or Firebreak did not add them. */
  kept: number;
}

/**
 * Lifts the incident's block of the source: deletes the entries recorded for it, and only those, and only while
 * EC2 still holds the same deny at the recorded number. The EC2 change comes before the record is closed, so a
 * retry after a crash finds the record, sees the entry gone, and closes it.
 */
export async function unblockSourceAddress(deps: Ec2ActivityDeps, rawInput: unknown): Promise<UnblockSourceAddressSummary> {
  const { incidentId, deployment, sourceAddress: cidr } = parseSourceBlockInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const recorded = await listActiveSourceBlockEntries(deps.db, { incidentId, cidr });
  const acls = await describeAclsById(ec2, [...new Set(recorded.map((r) => r.networkAclId))]);
  const summary: UnblockSourceAddressSummary = { cidr, removed: 0, kept: 0 };
  for (const entry of recorded) {
    const current = acls
      .get(entry.networkAclId)
      ?.Entries?.find((e) => e.RuleNumber === entry.ruleNumber && (e.Egress ?? false) === entry.egress);
    const stillOurs = current !== undefined && isDenyOf(current, cidr);
    const lastUser = entry.createdEntry && (await countOtherActiveSourceBlockEntries(deps.db, entry)) === 0;
    if (stillOurs && lastUser) {
      try {
        await ec2.send(
          new DeleteNetworkAclEntryCommand({ NetworkAclId: entry.networkAclId, RuleNumber: entry.ruleNumber, Egress: entry.egress }),
        );
        summary.removed++;
      } catch (error) {
        // Gone between the describe and now: the desired state holds.
        if (!isAwsError(error, 'InvalidNetworkAclEntry.NotFound', 'InvalidNetworkAclID.NotFound')) throw error;
      }
    } else if (stillOurs) {
      summary.kept++;
    }
    await releaseSourceBlockEntry(deps.db, entry, new Date().toISOString());
  }
  return summary;
}
