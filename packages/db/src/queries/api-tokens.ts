import { createHash, randomBytes, randomUUID } from 'node:crypto';

import type { FirebreakDb } from '../open-database';
import type { ApiTokensTable } from '../schema';

export type ApiTokenRole = ApiTokensTable['role'];

export interface ApiTokenIdentity {
  id: string;
  name: string;
  role: ApiTokenRole;
}

const TOKEN_PREFIX = 'fbk_';

/** Tokens are stored as SHA-256 digests: they are long random secrets, so a fast hash is enough. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a new random token. The returned token is the only copy: show it once. */
export async function createApiToken(db: FirebreakDb, input: { name: string; role: ApiTokenRole }): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { id } = await addApiToken(db, { ...input, token });
  return { id, token };
}

/** Registers a token chosen elsewhere (e.g. by the operator's environment). Adding the same token again is a no-op. */
export async function addApiToken(db: FirebreakDb, input: { name: string; role: ApiTokenRole; token: string }): Promise<{ id: string }> {
  if (input.token.length < 24) throw new Error('an API token must be at least 24 characters long');
  const tokenHash = hashApiToken(input.token);
  await db
    .insertInto('api_tokens')
    .values({
      id: randomUUID(),
      name: input.name,
      token_hash: tokenHash,
      role: input.role,
      created_at: new Date().toISOString(),
      revoked_at: null,
      last_used_at: null,
    })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
  const row = await db.selectFrom('api_tokens').select('id').where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
  return { id: row.id };
}

/** The identity behind a presented token, or undefined if it is unknown or revoked. Records the use. */
export async function authenticateApiToken(db: FirebreakDb, token: string): Promise<ApiTokenIdentity | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role'])
    .where('token_hash', '=', hashApiToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  await db.updateTable('api_tokens').set({ last_used_at: new Date().toISOString() }).where('id', '=', row.id).execute();
  return row;
}

export async function countActiveApiTokens(db: FirebreakDb): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
