import { describe, expect, it } from 'vitest';

import { describeOidcError } from './describe-oidc-error';

describe('describeOidcError', () => {
  it('keeps the code, the message and the failed check, never what lies beneath', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-payload.signature';
    const check = Object.assign(new Error('unexpected JWT "aud" (audience) claim value'), { cause: { claims: { aud: 'x' }, token } });
    const error = Object.assign(new Error('unexpected JWT claim value encountered', { cause: check }), {
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    });
    const described = describeOidcError(error);
    expect(described).toEqual({
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      message: 'unexpected JWT claim value encountered',
      check: 'unexpected JWT "aud" (audience) claim value',
    });
    expect(JSON.stringify(described)).not.toContain(token);
  });

  it('names the provider’s error code, shortened', () => {
    const error = Object.assign(new Error('authorization response from the server is an error'), { error: 'access_denied'.repeat(10) });
    expect(describeOidcError(error).message).toMatch(/provider said access_denied/);
    expect(describeOidcError(error).message.length).toBeLessThan(140);
    expect(describeOidcError('string')).toEqual({ message: 'unknown error' });
  });
});
