import { FirebreakError } from '@firebreak/domain';

import { assertSameOrigin } from '@/server/auth/check-origin';
import { sessionCookieHeader, sessionIdFromCookieHeader } from '@/server/auth/session-cookie';
import { signIn } from '@/server/auth/sign-in';
import { sourceAddressOf } from '@/server/auth/source-address';

export const dynamic = 'force-dynamic';

/** The sign-in form posts here; the answer is always a redirect, to the console or back to the form. */
export async function POST(request: Request): Promise<Response> {
  try {
    // Signing someone into the attacker's account from another site (login CSRF) is refused like any other change.
    assertSameOrigin(request.headers);
  } catch (error) {
    if (error instanceof FirebreakError) return new Response('Sign in from the console itself.', { status: 403 });
    throw error;
  }
  const form = await request.formData().catch(() => new FormData());
  const result = await signIn({
    username: String(form.get('username') ?? ''),
    password: String(form.get('password') ?? ''),
    sourceAddress: sourceAddressOf(request.headers),
    previousSessionId: sessionIdFromCookieHeader(request.headers.get('cookie')),
  });
  if (!result.ok) return redirect('/sign-in?failed=1');
  return redirect(result.passwordExpired ? '/account?expired=1' : '/', {
    'Set-Cookie': sessionCookieHeader(result.sessionId, result.expiresAt),
  });
}

function redirect(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
}
