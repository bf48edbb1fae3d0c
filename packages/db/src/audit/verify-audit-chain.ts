import type { FirebreakDb } from '../open-database';
import { auditEntryHash, type AuditHead, GENESIS_HASH } from './audit-log';

export type AuditVerification =
  { ok: true; entries: number; head: AuditHead | undefined } | { ok: false; entries: number; firstBadSeq: number; reason: string };

const BATCH = 1000;

/**
 * Walks the whole chain in order and names the first entry that does not hold: a gap in the sequence (deleted
 * entry), a `prev_hash` that is not the previous entry's hash, or a hash that does not match the entry's fields
 * (edited entry). With `expectedHead` (exported earlier), a log cut short at the end is caught as well.
 */
export async function verifyAuditChain(db: FirebreakDb, expectedHead?: Pick<AuditHead, 'seq' | 'hash'>): Promise<AuditVerification> {
  let previous: { seq: number; hash: string; at: string } = { seq: 0, hash: GENESIS_HASH, at: '' };
  let entries = 0;
  let headMatched = expectedHead === undefined;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', previous.seq).orderBy('seq').limit(BATCH).execute();
    for (const row of rows) {
      const fail = (reason: string): AuditVerification => ({ ok: false, entries, firstBadSeq: row.seq, reason });
      if (row.seq !== previous.seq + 1) {
        return { ok: false, entries, firstBadSeq: previous.seq + 1, reason: `entry ${previous.seq + 1} is missing` };
      }
      if (row.prev_hash !== previous.hash) return fail('its previous-hash does not match the entry before it');
      if (auditEntryHash(row) !== row.hash) return fail('its content does not match its hash (it was changed)');
      if (expectedHead && row.seq === expectedHead.seq) {
        if (row.hash !== expectedHead.hash) return fail('it does not match the exported head hash');
        headMatched = true;
      }
      previous = { seq: row.seq, hash: row.hash, at: row.at };
      entries += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (!headMatched && expectedHead) {
    return {
      ok: false,
      entries,
      firstBadSeq: previous.seq + 1,
      reason: `the log ends at entry ${previous.seq}, before the exported head ${expectedHead.seq}: it was truncated`,
    };
  }
  return { ok: true, entries, head: entries === 0 ? undefined : previous };
}
