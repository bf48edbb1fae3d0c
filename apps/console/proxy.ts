import { type NextRequest, NextResponse } from 'next/server';

import { isDevelopmentServer } from './src/env';
import { securityHeaders } from './src/security-headers';

/**
 * Security headers on every response, with a fresh CSP nonce per request. Only headers: who may do what is decided
 * in the server code that does it, never here.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders(nonce, request.nextUrl.pathname, { development: isDevelopmentServer() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|icon.svg).*)' }],
};
