import type { Migration } from 'kysely';
import * as initial from './0001-initial';
import * as recoveryAndPolicy from './0002-recovery-and-policy';
import * as sourceBlocks from './0003-source-blocks';
import * as accountsAndAudit from './0004-accounts-and-audit';
import * as noticeLinks from './0005-notice-links';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-recovery-and-policy': recoveryAndPolicy,
  '0003-source-blocks': sourceBlocks,
  '0004-accounts-and-audit': accountsAndAudit,
  '0005-notice-links': noticeLinks,
};
