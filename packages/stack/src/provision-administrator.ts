import { randomBytes } from 'node:crypto';

import { countActiveAdministrators, createUser, currentSecuritySettings, passwordProblems } from '@firebreak/accounts';
import { appendAuditEntry, type FirebreakDb } from '@firebreak/db';
import { SYSTEM_ACTOR } from '@firebreak/domain';

export type AdministratorProvisioning =
  | { kind: 'existing' }
  | { kind: 'from-environment'; username: string }
  /** `password` is the only copy: show it once, log it nowhere. */
  | { kind: 'created'; username: string; password: string };

export class AdministratorPasswordRejectedError extends Error {
  override readonly name = 'AdministratorPasswordRejectedError';
}

/**
 * Makes sure someone can sign in to the console: when no enabled administrator exists, creates one with
 * FIREBREAK_ADMIN_PASSWORD (checked against the password policy) or with a generated password shown once.
 * Nothing ships with a default password, and an existing account is never reset from here.
 */
export async function provisionAdministrator(
  db: FirebreakDb,
  input: { username: string; password: string | undefined },
): Promise<AdministratorProvisioning> {
  if ((await countActiveAdministrators(db)) > 0) return { kind: 'existing' };
  const { password: policy } = await currentSecuritySettings(db);
  if (input.password !== undefined) {
    const problems = passwordProblems(input.password, policy, { username: input.username });
    // The problems describe the rules, never the value.
    if (problems.length > 0)
      throw new AdministratorPasswordRejectedError(`FIREBREAK_ADMIN_PASSWORD is not acceptable: ${problems.join(' ')}`);
  }
  // 24 random bytes in base64url: 32 characters of four kinds, so it satisfies the classic rules too.
  const password = input.password ?? `${randomBytes(24).toString('base64url')}aA1!`;
  const user = await createUser(db, { username: input.username, displayName: 'Administrator', role: 'administrator', password });
  await appendAuditEntry(db, {
    severity: 'notice',
    component: 'stack',
    eventType: 'user.created',
    actor: SYSTEM_ACTOR,
    details: {
      userId: user.id,
      username: user.username,
      role: user.role,
      passwordFrom: input.password === undefined ? 'generated' : 'environment',
    },
  });
  return input.password === undefined
    ? { kind: 'created', username: user.username, password }
    : { kind: 'from-environment', username: user.username };
}
