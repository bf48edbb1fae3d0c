import type { NetworkAclEntry } from '@aws-sdk/client-ec2';
import type { SourceBlockChanges } from '@firebreak/domain';

import { chooseDenyRuleNumber } from '../source-block/choose-deny-rule-number';

export interface AclEntries {
  networkAclId: string;
  subnetIds: string[];
  entries: NetworkAclEntry[];
}

/**
 * Where the block of `cidr` would go on each ACL, both ways, by the same rule choice the block activity makes
 * (a new incident has recorded nothing yet). Pure.
 */
export function sourceBlockChangesOf(acls: readonly AclEntries[], cidr: string): SourceBlockChanges {
  const entries: SourceBlockChanges['entries'] = [];
  for (const { networkAclId, subnetIds, entries: aclEntries } of acls) {
    for (const egress of [false, true]) {
      const choice = chooseDenyRuleNumber(
        aclEntries.filter((e) => (e.Egress ?? false) === egress),
        cidr,
      );
      entries.push({
        networkAclId,
        subnetIds,
        egress,
        action: choice.kind === 'new' ? 'add' : choice.kind === 'existing' ? 'already-there' : 'no-room',
        ruleNumber: choice.kind === 'none' ? null : choice.ruleNumber,
      });
    }
  }
  return { kind: 'source-block', cidr, entries };
}
