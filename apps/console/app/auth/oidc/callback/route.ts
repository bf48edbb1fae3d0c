import { getEnv } from '@/env';
import { completeOidcSignIn } from '@/server/auth/oidc/complete-oidc-sign-in';
import { clearedOidcFlowCookieHeader, oidcFlowFromCookieHeader } from '@/server/auth/oidc/oidc-flow-cookie';
import { sessionCookieHeader, sessionIdFromCookieHeader } from '@/server/auth/session-cookie';
import { sourceAddressOf } from '@/server/auth/source-address';

export const dynamic = 'force-dynamic';

/**
 * The provider sends the browser back here. No Origin check: this is a cross-site top-level navigation by design;
 * the state in the flow cookie is what ties it to a sign-in this browser started. The answer is always a redirect.
 */
export async function GET(request: Request): Promise<Response> {
  const settings = getEnv().oidc;
  if (!settings) return new Response('Single sign-on is not configured.', { status: 404 });
  const cookies = request.headers.get('cookie');
  const result = await completeOidcSignIn(settings, {
    callbackUrl: new URL(request.url),
    flow: oidcFlowFromCookieHeader(cookies),
    sourceAddress: sourceAddressOf(request.headers),
    previousSessionId: sessionIdFromCookieHeader(cookies),
  });
  const headers = new Headers({ 'Cache-Control': 'no-store', 'Set-Cookie': clearedOidcFlowCookieHeader() });
  if (result.ok) {
    headers.set('Location', '/');
    headers.append('Set-Cookie', sessionCookieHeader(result.sessionId, result.expiresAt));
  } else {
    headers.set('Location', '/sign-in?failed=sso');
  }
  return new Response(null, { status: 303, headers });
}
