import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 36 below 256: bytes above it are skipped so every character is equally likely.
const UNBIASED_LIMIT = 252;

/** A fresh incident id: `inc-` and 12 random characters from [a-z0-9]. */
export function newIncidentId(): string {
  let suffix = '';
  while (suffix.length < 12) {
    for (const byte of randomBytes(16)) {
      if (byte < UNBIASED_LIMIT && suffix.length < 12) suffix += ALPHABET[byte % ALPHABET.length];
    }
  }
  return `inc-${suffix}`;
}
