import { describe, expect, it } from 'vitest';

import { normaliseSourceCidr, SourceCidr } from './source-cidr';

describe('normaliseSourceCidr', () => {
  it('turns a bare address into a /32', () => {
    expect(normaliseSourceCidr('203.0.113.7')).toBe('203.0.113.7/32');
  });

  it('keeps a well-formed block and clears host bits of a sloppy one', () => {
    expect(normaliseSourceCidr('198.51.100.0/24')).toBe('198.51.100.0/24');
    expect(normaliseSourceCidr('198.51.100.77/24')).toBe('198.51.100.0/24');
    expect(normaliseSourceCidr('255.255.255.255/1')).toBe('128.0.0.0/1');
    expect(normaliseSourceCidr('10.1.2.3/31')).toBe('10.1.2.2/31');
  });
});

describe('SourceCidr', () => {
  it('accepts addresses and blocks, normalised', () => {
    expect(SourceCidr.parse('192.0.2.1')).toBe('192.0.2.1/32');
    expect(SourceCidr.parse('192.0.2.129/25')).toBe('192.0.2.128/25');
  });

  it('refuses what is not an IPv4 source, and the whole internet', () => {
    for (const bad of ['', 'example.org', '300.1.1.1', '192.0.2.1/33', '2001:db8::1', '0.0.0.0/0', '10.0.0.1/0']) {
      expect(SourceCidr.safeParse(bad).success, bad).toBe(false);
    }
  });
});
