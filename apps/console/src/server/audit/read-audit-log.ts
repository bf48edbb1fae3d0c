import { type AuditEntry, type AuditHead, auditHead, type AuditVerification, listAuditEntries, verifyAuditChain } from '@firebreak/db';
import { FirebreakError } from '@firebreak/domain';
import { z } from 'zod';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page. */
  nextBefore: number | null;
}

/** Administrators only: the log is the record of who did what, including to the access policy. */
export async function readAuditLog(caller: Caller, query: { limit?: string | undefined; before?: string | undefined }): Promise<AuditPage> {
  assertPermitted(caller.role, 'audit:read');
  const parsed = PageQuery.safeParse(query);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'Give limit 1–500 and before as an entry number.');
  const entries = await listAuditEntries(await getDatabase(), parsed.data);
  const last = entries.at(-1);
  return { entries, nextBefore: entries.length === parsed.data.limit && last ? last.seq : null };
}

export async function verifyAuditLog(caller: Caller, expectedHead?: { seq: number; hash: string }): Promise<AuditVerification> {
  assertPermitted(caller.role, 'audit:read');
  return verifyAuditChain(await getDatabase(), expectedHead);
}

export async function exportAuditHead(caller: Caller): Promise<AuditHead | null> {
  assertPermitted(caller.role, 'audit:read');
  return (await auditHead(await getDatabase())) ?? null;
}
