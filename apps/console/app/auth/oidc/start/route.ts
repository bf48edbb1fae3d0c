import { getEnv } from '@/env';
import { recordAudit } from '@/server/audit/record-audit';
import { describeOidcError } from '@/server/auth/oidc/describe-oidc-error';
import { startOidcSignIn } from '@/server/auth/oidc/start-oidc-sign-in';
import { sourceAddressOf } from '@/server/auth/source-address';

export const dynamic = 'force-dynamic';

/** The sign-in page's single sign-on button links here: off to the provider, with this browser's flow cookie. */
export async function GET(request: Request): Promise<Response> {
  const settings = getEnv().oidc;
  if (!settings) return new Response('Single sign-on is not configured.', { status: 404 });
  try {
    const { authorizationUrl, flowCookie } = await startOidcSignIn(settings);
    return redirect(authorizationUrl.href, flowCookie);
  } catch (error) {
    await recordAudit({
      severity: 'warning',
      eventType: 'sign-in.failed',
      actor: { kind: 'user', id: 'unauthenticated', name: '(single sign-on)' },
      sourceAddress: sourceAddressOf(request.headers),
      details: { method: 'single-sign-on', reason: 'provider-unreachable', error: describeOidcError(error) },
    });
    return redirect('/sign-in?failed=sso');
  }
}

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (cookie) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}
