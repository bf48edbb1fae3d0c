import { describe, expect, it } from 'vitest';

import { assertSameOrigin } from './check-origin';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('assertSameOrigin', () => {
  it('accepts the origin the request was addressed to', () => {
    expect(() => assertSameOrigin(headers({ host: 'console.test:3000', origin: 'http://console.test:3000' }))).not.toThrow();
    expect(() =>
      assertSameOrigin(
        headers({
          host: 'internal:3000',
          'x-forwarded-host': 'firebreak.example',
          'x-forwarded-proto': 'https',
          origin: 'https://firebreak.example',
        }),
      ),
    ).not.toThrow();
  });

  it.each([
    ['a foreign origin', { host: 'console.test', origin: 'https://evil.example' }],
    ['a null origin', { host: 'console.test', origin: 'null' }],
    ['no origin', { host: 'console.test' }],
    ['another scheme', { host: 'console.test', origin: 'https://console.test' }],
  ])('refuses %s', (_, entries: Record<string, string>) => {
    expect(() => assertSameOrigin(headers(entries))).toThrow(/console itself/);
  });
});
