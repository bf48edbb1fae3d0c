import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`, which is an ambient const enum the compiler cannot inline here. */
const ARGON2ID = 2;

// OWASP's current Argon2id baseline: 19 MiB, 2 passes, 1 lane. The PHC string records them, so raising them later
// leaves older hashes verifiable.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Verifies against a hash of a random password: sign-in runs this when the account does not exist, so an unknown
 * name takes as long to refuse as a wrong password.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await decoy, password);
}
