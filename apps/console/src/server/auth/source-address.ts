/**
 * The address the request came from. Next.js fills `X-Forwarded-For` with the peer address only when the header is
 * absent, and a reverse proxy appends the address it saw: either way the LAST entry is the one nobody upstream
 * could forge. (Directly exposed without a proxy, a client could still choose it: run the console behind one.)
 */
export function sourceAddressOf(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  if (last && /^[0-9a-fA-F:.]{2,45}$/.test(last)) return last;
  return 'unknown';
}
