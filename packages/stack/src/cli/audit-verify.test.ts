import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { appendAuditEntry, migrateToLatest, openDatabase } from '@firebreak/db';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../repo-root';

const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
const databasePath = join(dir, 'firebreak.db');

function verify(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot(), 'packages/stack/src/cli/audit-verify.ts'), ...args], {
    encoding: 'utf8',
    cwd: repoRoot(),
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeAll(async () => {
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  for (const eventType of ['user.signed-in', 'incident.opened', 'incident.closed']) {
    await appendAuditEntry(db, {
      severity: 'notice',
      component: 'console',
      eventType,
      actor: { kind: 'user', id: 'u1', name: 'Ana' },
      details: {},
    });
  }
  // Closing the last connection folds the write-ahead log into the file: the digest below covers every byte.
  await db.destroy();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit:verify', () => {
  it('checks the chain without changing the database', () => {
    const before = digest(databasePath);
    const run = verify('--database', databasePath, '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; entries: number; head: { seq: number; hash: string } };
    expect(report).toMatchObject({ ok: true, entries: 3, head: { seq: 3 } });
    expect(digest(databasePath)).toBe(before);
  });

  it('names the entry that was edited, and exits 2', () => {
    // Someone with the file edits it directly, past the triggers that keep the log append-only.
    const file = new SQLite(databasePath);
    file.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET event_type = 'incident.reopened' WHERE seq = 2");
    file.close();
    const run = verify('--database', databasePath);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('BROKEN at entry 2');
  });

  it('refuses a missing database instead of creating one', () => {
    const missing = join(dir, 'nowhere', 'firebreak.db');
    const run = verify('--database', missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`no database at ${missing}`);
    expect(() => readFileSync(missing)).toThrow();
  });
});
