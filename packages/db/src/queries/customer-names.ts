import type { FirebreakDb } from '../open-database';

/** The names of these customers, by id; ids not in the directory are left out. */
export async function findCustomerNames(db: FirebreakDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
