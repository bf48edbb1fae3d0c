import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { appendAuditEntry, auditHead, listAuditEntries } from './audit-log';
import { canonicalJson } from './canonical-json';
import { verifyAuditChain } from './verify-audit-chain';

const actor = { kind: 'user' as const, id: 'u1', name: 'Ada' };
let db: FirebreakDb;

beforeEach(async () => {
  db = openDatabase(':memory:');
  await migrateToLatest(db);
  for (let i = 1; i <= 5; i++) {
    await appendAuditEntry(db, {
      severity: 'info',
      component: 'console',
      eventType: 'test.event',
      actor,
      sourceAddress: '198.51.100.7',
      details: { i },
    });
  }
});
afterEach(() => db.destroy());

/** What someone with write access to the database file could do: the triggers are no obstacle to them. */
async function dropGuards(): Promise<void> {
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
}

describe('the audit chain', () => {
  it('verifies an untouched log and reports its head', async () => {
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
    expect(result.ok && result.head?.hash).toBe((await auditHead(db))?.hash);
  });

  it('refuses updates and deletes through the database itself', async () => {
    await expect(db.updateTable('audit_log').set({ details: '{}' }).where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
  });

  it('names the first entry whose content was edited', async () => {
    await dropGuards();
    await db
      .updateTable('audit_log')
      .set({ details: canonicalJson({ i: 99 }) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: expect.stringMatching(/changed/) });
  });

  it('names an entry re-hashed after editing, because the next one no longer links to it', async () => {
    await dropGuards();
    const { auditEntryHash } = await import('./audit-log');
    const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const edited = { ...row, details: canonicalJson({ i: 42 }) };
    await db
      .updateTable('audit_log')
      .set({ details: edited.details, hash: auditEntryHash(edited) })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('names a deleted entry', async () => {
    await dropGuards();
    await db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: expect.stringMatching(/missing/) });
  });

  it('detects a truncated log through the exported head hash', async () => {
    const head = await auditHead(db);
    await dropGuards();
    await db.deleteFrom('audit_log').where('seq', '>=', 4).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    expect(await verifyAuditChain(db, head)).toMatchObject({ ok: false, firstBadSeq: 4, reason: expect.stringMatching(/truncated/) });
  });

  it('encodes line breaks and control characters instead of writing them raw', async () => {
    await appendAuditEntry(db, {
      severity: 'warning',
      component: 'console',
      eventType: 'sign-in.failed',
      actor: { kind: 'user', id: 'unknown', name: 'eve\n2025-01-01 INFO admin signed in\u001b[2J' },
      details: { username: 'eve\r\nforged\u2028line' },
    });
    const raw = await db.selectFrom('audit_log').selectAll().where('seq', '=', 6).executeTakeFirstOrThrow();
    // eslint-disable-next-line no-control-regex -- the test looks for the escape character itself
    expect(raw.actor + raw.details).not.toMatch(/[\n\r\u001b\u2028]/);
    expect(raw.details).toContain('\\\\u{0a}');
    const [entry] = await listAuditEntries(db, { limit: 1 });
    expect(entry?.actor.name).toBe('eve\\u{0a}2025-01-01 INFO admin signed in\\u{1b}[2J');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps one unbroken chain when entries are appended concurrently', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAuditEntry(db, { severity: 'info', component: 'worker', eventType: 'burst', actor, details: { i } }),
      ),
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 25 });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('appendAuditEntrySync', () => {
  it('continues the same chain as the asynchronous append', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { appendAuditEntrySync } = await import('./append-audit-entry-sync');
    const path = join(mkdtempSync(join(tmpdir(), 'audit-sync-')), 'a.db');
    const fileDb = openDatabase(path);
    await migrateToLatest(fileDb);
    await appendAuditEntry(fileDb, { severity: 'info', component: 'console', eventType: 'console.started', actor });
    expect(appendAuditEntrySync(path, { severity: 'info', component: 'console', eventType: 'console.stopped', actor })).toMatchObject({
      seq: 2,
    });
    await appendAuditEntry(fileDb, { severity: 'info', component: 'console', eventType: 'console.started', actor });
    expect(await verifyAuditChain(fileDb)).toMatchObject({ ok: true, entries: 3 });
    await fileDb.destroy();
  });
});
