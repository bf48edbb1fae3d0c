import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as recoveryAndPolicy from './0002-recovery-and-policy';
import * as sourceBlocks from './0003-source-blocks';
import * as accountsAndAudit from './0004-accounts-and-audit';
import * as noticeLinks from './0005-notice-links';
import * as noticeFailureTime from './0006-notice-failure-time';
import * as terminationProtection from './0007-termination-protection';
import * as singleSignOn from './0008-single-sign-on';
import * as originalSubnetAcls from './0009-original-subnet-acls';
import * as originalElasticIps from './0010-original-elastic-ips';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-recovery-and-policy': recoveryAndPolicy,
  '0003-source-blocks': sourceBlocks,
  '0004-accounts-and-audit': accountsAndAudit,
  '0005-notice-links': noticeLinks,
  '0006-notice-failure-time': noticeFailureTime,
  '0007-termination-protection': terminationProtection,
  '0008-single-sign-on': singleSignOn,
  '0009-original-subnet-acls': originalSubnetAcls,
  '0010-original-elastic-ips': originalElasticIps,
};
