import { describe, expect, it } from 'vitest';

import { parseBearerToken } from './authenticate-request';

describe('parseBearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(parseBearerToken('Bearer fbk_abc.DEF-123_~+/=')).toBe('fbk_abc.DEF-123_~+/=');
    expect(parseBearerToken('bearer fbk_abc')).toBe('fbk_abc');
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a scheme without a token', 'Bearer '],
    ['two tokens', 'Bearer one two'],
    ['a token with a control character', 'Bearer abc\u0007def'],
    ['an oversized token', `Bearer ${'a'.repeat(513)}`],
  ])('finds no token in %s', (_, header) => {
    expect(parseBearerToken(header)).toBeUndefined();
  });
});
