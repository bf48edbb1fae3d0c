import { addApiToken, countActiveApiTokens, createApiToken, type FirebreakDb } from '@firebreak/db';

export type ApiTokenProvisioning =
  | { kind: 'from-environment' }
  /** `token` is the only copy in existence: show it once, log it nowhere. */
  | { kind: 'created'; token: string }
  | { kind: 'existing'; activeTokens: number };

export const FIRST_TOKEN_NAME = 'first administrator token (npm start)';
export const ENVIRONMENT_TOKEN_NAME = 'administrator token from FIREBREAK_API_TOKEN';

/**
 * Makes sure someone can call the API: registers FIREBREAK_API_TOKEN as an administrator token (a no-op when it is
 * registered already), or mints the first one when none is active. Never mints a second one behind the operator's back.
 */
export async function provisionApiToken(db: FirebreakDb, environmentToken: string | undefined): Promise<ApiTokenProvisioning> {
  if (environmentToken !== undefined) {
    await addApiToken(db, { name: ENVIRONMENT_TOKEN_NAME, role: 'administrator', token: environmentToken });
    return { kind: 'from-environment' };
  }
  const activeTokens = await countActiveApiTokens(db);
  if (activeTokens > 0) return { kind: 'existing', activeTokens };
  const { token } = await createApiToken(db, { name: FIRST_TOKEN_NAME, role: 'administrator' });
  return { kind: 'created', token };
}
