import SQLite from 'better-sqlite3';

import { auditEntryHash, type AuditEvent, type AuditHead, GENESIS_HASH, storedAuditFields, type StoredFields } from './audit-log';

/**
 * The same append as appendAuditEntry, done synchronously on a connection of its own: for a process that is being
 * told to exit, where no promise is sure to settle before it does.
 */
export function appendAuditEntrySync(databasePath: string, event: AuditEvent): AuditHead {
  const fields = storedAuditFields(event);
  const sqlite = new SQLite(databasePath);
  try {
    sqlite.pragma('busy_timeout = 5000');
    const append = sqlite.transaction((): AuditHead => {
      const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        { seq: number; hash: string } | undefined;
      const row: StoredFields = { ...fields, seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? GENESIS_HASH };
      const hash = auditEntryHash(row);
      sqlite
        .prepare(
          'INSERT INTO audit_log (seq, at, severity, component, event_type, actor, source_address, details, prev_hash, hash) ' +
            'VALUES (@seq, @at, @severity, @component, @event_type, @actor, @source_address, @details, @prev_hash, @hash)',
        )
        .run({ ...row, hash });
      return { seq: row.seq, hash, at: row.at };
    });
    // IMMEDIATE takes the write lock before reading the last hash, as the asynchronous append does.
    return append.immediate();
  } finally {
    sqlite.close();
  }
}
