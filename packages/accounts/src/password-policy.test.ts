import { DEFAULT_SECURITY_SETTINGS, type PasswordPolicy } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { passwordExpired, passwordProblems } from './password-policy';

const guidance = DEFAULT_SECURITY_SETTINGS.password;
const classic: PasswordPolicy = { mode: 'classic', minLength: 12, expiryDays: 90 };

describe('passwordProblems under current guidance', () => {
  it('accepts a long passphrase with no particular composition', () => {
    expect(passwordProblems('orange kettle drifts north', guidance)).toEqual([]);
  });

  it('refuses a password shorter than the minimum', () => {
    expect(passwordProblems('short pass', guidance)).toEqual(['Use at least 12 characters.']);
  });

  it('refuses breached passwords whatever their case, and one repeated character', () => {
    for (const password of ['Password1234', 'QWERTY123456', 'correcthorsebatterystaple', 'zzzzzzzzzzzzzz']) {
      expect(passwordProblems(password, guidance), password).toContainEqual(expect.stringMatching(/breaches/));
    }
  });

  it('refuses a password containing the user name', () => {
    expect(passwordProblems('ada-lovelace-1815', guidance, { username: 'Ada-Lovelace' })).toContainEqual(
      expect.stringMatching(/user name/),
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('🔥'.repeat(11) + 'x', guidance)).toEqual([]);
  });
});

describe('passwordProblems under the classic rules', () => {
  it('asks for all four character classes', () => {
    expect(passwordProblems('orange kettle drifts north', classic)).toEqual(['Use lower-case and upper-case letters, digits and symbols.']);
    expect(passwordProblems('Orange kettle drifts 4th', classic)).toEqual([]);
  });
});

describe('passwordExpired', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('never expires passwords under current guidance', () => {
    expect(passwordExpired('2020-01-01T00:00:00Z', guidance, now)).toBe(false);
  });
  it('expires them after the configured days under the classic rules', () => {
    expect(passwordExpired('2026-03-01T00:00:00Z', classic, now)).toBe(true);
    expect(passwordExpired('2026-03-05T00:00:00Z', classic, now)).toBe(false);
  });
});
