import { createHash } from 'node:crypto';

import { Actor, AuditSeverity } from '@firebreak/domain';
import { sql } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { AuditLogTable } from '../schema';
import { canonicalJson } from './canonical-json';
import { encodeControlCharacters, encodeControlCharactersDeep } from './encode-control-characters';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  severity: AuditSeverity;
  /** Which part of Firebreak saw it: `console`, `api`, `worker`, `stack`... */
  component: string;
  /** Dotted, e.g. `sign-in.failed`, `api.request`, `policy.changed`. */
  eventType: string;
  actor: Actor;
  sourceAddress?: string | undefined;
  /** Never a credential. */
  details?: Record<string, unknown>;
  at?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  severity: AuditSeverity;
  component: string;
  eventType: string;
  actor: Actor;
  sourceAddress: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** The newest entry's position and hash: kept somewhere else, it makes a truncated log detectable. */
export interface AuditHead {
  seq: number;
  hash: string;
  at: string;
}

export type StoredFields = Omit<AuditLogTable, 'hash'>;

/** SHA-256 over the canonical JSON of the entry's stored fields, the previous entry's hash among them. */
export function auditEntryHash(row: StoredFields): string {
  const fields = {
    seq: row.seq,
    at: row.at,
    severity: row.severity,
    component: row.component,
    eventType: row.event_type,
    actor: row.actor,
    sourceAddress: row.source_address,
    details: row.details,
    prevHash: row.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/** The event as stored: validated, control characters encoded, JSON canonical. Not yet chained. */
export function storedAuditFields(event: AuditEvent): Omit<StoredFields, 'seq' | 'prev_hash'> {
  const actor = Actor.parse(encodeControlCharactersDeep(event.actor));
  return {
    at: event.at ?? new Date().toISOString(),
    severity: AuditSeverity.parse(event.severity),
    component: encodeControlCharacters(event.component),
    event_type: encodeControlCharacters(event.eventType),
    actor: canonicalJson(actor),
    source_address: event.sourceAddress === undefined ? null : encodeControlCharacters(event.sourceAddress),
    details: canonicalJson(encodeControlCharactersDeep(event.details ?? {})),
  };
}

/**
 * Appends one entry to the chain. The write lock is taken before the last hash is read, so the console and the
 * worker appending at the same moment still produce one unbroken chain.
 */
export async function appendAuditEntry(db: FirebreakDb, event: AuditEvent): Promise<AuditHead> {
  const fields = storedAuditFields(event);
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const last = await conn.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const row: StoredFields = { ...fields, seq: (last?.seq ?? 0) + 1, prev_hash: last?.hash ?? GENESIS_HASH };
      const hash = auditEntryHash(row);
      await conn
        .insertInto('audit_log')
        .values({ ...row, hash })
        .execute();
      await sql`COMMIT`.execute(conn);
      return { seq: row.seq, hash, at: row.at };
    } catch (error) {
      await sql`ROLLBACK`.execute(conn);
      throw error;
    }
  });
}

export async function auditHead(db: FirebreakDb): Promise<AuditHead | undefined> {
  return db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Newest first, `before` a sequence number for the next page. */
export async function listAuditEntries(db: FirebreakDb, options: { limit: number; before?: number | undefined }): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(options.limit);
  if (options.before !== undefined) query = query.where('seq', '<', options.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    severity: AuditSeverity.catch('alert').parse(r.severity),
    component: r.component,
    eventType: r.event_type,
    actor: Actor.catch({ kind: 'system', id: 'unreadable', name: 'unreadable actor' }).parse(safeJson(r.actor)),
    sourceAddress: r.source_address,
    details: (safeJson(r.details) ?? {}) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
