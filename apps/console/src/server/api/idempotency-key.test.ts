import { FirebreakError } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { readIdempotencyKey } from './idempotency-key';

const withKey = (key?: string) =>
  new Request('http://console.test/api/v1/incidents', { headers: key === undefined ? {} : { 'Idempotency-Key': key } });

describe('readIdempotencyKey', () => {
  it('is undefined when the header is absent', () => {
    expect(readIdempotencyKey(withKey())).toBeUndefined();
  });

  it('accepts 1 to 200 printable characters', () => {
    expect(readIdempotencyKey(withKey('a'))).toBe('a');
    expect(readIdempotencyKey(withKey('k'.repeat(200)))).toBe('k'.repeat(200));
    expect(readIdempotencyKey(withKey('order 42/retry#1'))).toBe('order 42/retry#1');
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(201)],
    ['not printable ASCII', 'clé'],
  ])('refuses a key that is %s', (_, key) => {
    expect(() => readIdempotencyKey(withKey(key))).toThrow(FirebreakError);
  });
});
