/**
 * `npm run audit:verify [-- --database <file>] [--head <seq>:<hash>] [--json]`: checks the audit log's hash chain,
 * names the first entry that does not hold, and prints the head to keep elsewhere. Given a head exported earlier,
 * it also detects a log cut short since then. Exit code 0 when the chain holds, 2 when it does not, 1 when it cannot
 * be checked. The database is opened read-only and never migrated: a checker must not change what it checks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { auditHead, openDatabase, verifyAuditChain } from '@firebreak/db';

import { readStackEnv } from '../env';

const { values } = parseArgs({
  options: { database: { type: 'string' }, head: { type: 'string' }, json: { type: 'boolean', default: false } },
});

const head = values.head === undefined ? undefined : /^(\d{1,12}):([0-9a-f]{64})$/.exec(values.head.trim());
if (values.head !== undefined && !head) {
  process.stderr.write('--head takes <seq>:<hash>, as printed by an earlier run (64 hex digits after the colon)\n');
  process.exit(1);
}

const databasePath = values.database ?? join(readStackEnv().dataDir, 'firebreak.db');
if (!existsSync(databasePath)) {
  process.stderr.write(`no database at ${databasePath}: give its path with --database, or start Firebreak once to create it\n`);
  process.exit(1);
}
const db = openDatabase(databasePath, { readOnly: true });
try {
  const result = await verifyAuditChain(db, head ? { seq: Number(head[1]), hash: head[2]! } : undefined);
  const current = await auditHead(db);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ database: databasePath, ...result, head: current ?? null })}\n`);
  } else if (result.ok) {
    process.stdout.write(`audit log ${databasePath}: the chain holds (${result.entries} entries).\n`);
    if (current) process.stdout.write(`head, keep it elsewhere: ${current.seq}:${current.hash}  (${current.at})\n`);
  } else {
    process.stdout.write(`audit log ${databasePath}: BROKEN at entry ${result.firstBadSeq}: ${result.reason}.\n`);
  }
  process.exitCode = result.ok ? 0 : 2;
} finally {
  await db.destroy();
}
