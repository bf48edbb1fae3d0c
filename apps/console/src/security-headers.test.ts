import { describe, expect, it } from 'vitest';

import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('allows only scripts with the nonce and forbids framing', () => {
    const headers = securityHeaders('abc123', '/', { development: false });
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(headers['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(headers['Strict-Transport-Security']).toMatch(/max-age=\d+/);
  });

  it('sends no referrer from signed-link pages', () => {
    expect(securityHeaders('n', '/n/some-token', { development: false })['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('n', '/incidents', { development: false })['Referrer-Policy']).toBe('same-origin');
  });
});
