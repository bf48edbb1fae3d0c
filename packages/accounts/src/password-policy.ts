import type { PasswordPolicy } from '@firebreak/domain';

import { COMMON_PASSWORDS } from './common-passwords';

let commonPasswords: Set<string> | undefined;

/** The breached-password list shipped with Firebreak, as a set, built once. */
function breachedPasswords(): Set<string> {
  commonPasswords ??= new Set(
    COMMON_PASSWORDS.split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

const MAX_LENGTH = 256;

/** Every reason the password is refused under the policy; empty when it is acceptable. */
export function passwordProblems(password: string, policy: PasswordPolicy, context: { username?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`Use at least ${policy.minLength} characters.`);
  if (length > MAX_LENGTH) problems.push(`Use at most ${MAX_LENGTH} characters.`);
  const lower = password.toLowerCase();
  if (breachedPasswords().has(lower) || /^(.)\1+$/.test(password)) {
    problems.push('This password is on the list of passwords known from breaches. Choose another.');
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) problems.push('Do not put your user name in your password.');
  if (policy.mode === 'classic') {
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
    if (classes < 4) problems.push('Use lower-case and upper-case letters, digits and symbols.');
  }
  return problems;
}

/** True when the policy expires passwords and this one is older than allowed. */
export function passwordExpired(changedAt: string | null, policy: PasswordPolicy, now: Date = new Date()): boolean {
  // An account without a password (single sign-on) has nothing here to expire.
  if (policy.mode !== 'classic' || changedAt === null) return false;
  return now.getTime() - Date.parse(changedAt) > policy.expiryDays * 86_400_000;
}
