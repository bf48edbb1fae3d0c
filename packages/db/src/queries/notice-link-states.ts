import type { FirebreakDb } from '../open-database';

export interface LinkRevocation {
  reason: 'revoked' | 'used';
  revokedAt: string;
}

/** Which of these links no longer open anything, and why; links still valid are absent from the map. */
export async function findLinkRevocations(db: FirebreakDb, linkIds: readonly string[]): Promise<Map<string, LinkRevocation>> {
  if (linkIds.length === 0) return new Map();
  const rows = await db.selectFrom('revoked_links').selectAll().where('link_id', 'in', [...new Set(linkIds)]).execute();
  return new Map(rows.map((r) => [r.link_id, { reason: r.reason as LinkRevocation['reason'], revokedAt: r.revoked_at }]));
}
