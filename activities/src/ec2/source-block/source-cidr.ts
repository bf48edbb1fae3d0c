import { z } from 'zod';

/**
 * The IPv4 block to deny for a suspicious source: a bare address becomes /32 and host bits are cleared, so the
 * same source always yields the same string (the key entries are found and recorded by).
 */
export function normaliseSourceCidr(source: string): string {
  const [address = '', prefixText = '32'] = source.split('/');
  const prefix = Number(prefixText);
  const octets = address.split('.').map(Number);
  const value = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(value / size) * size;
  const networkOctets = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return `${networkOctets.join('.')}/${prefix}`;
}

/** An IPv4 address or CIDR, normalised; 0.0.0.0/0 is refused: denying everyone is a disconnect, not a block. */
export const SourceCidr = z
  .union([z.ipv4(), z.cidrv4()], { error: 'not an IPv4 address or CIDR block' })
  .transform(normaliseSourceCidr)
  .refine((cidr) => !cidr.endsWith('/0'), 'a /0 block would deny every source; use disconnect for that');
