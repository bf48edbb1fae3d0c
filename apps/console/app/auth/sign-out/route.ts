import { FirebreakError } from '@firebreak/domain';

import { assertSameOrigin } from '@/server/auth/check-origin';
import { clearedSessionCookieHeader, sessionIdFromCookieHeader } from '@/server/auth/session-cookie';
import { signOut } from '@/server/auth/sign-out';
import { sourceAddressOf } from '@/server/auth/source-address';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request.headers);
  } catch (error) {
    if (error instanceof FirebreakError) return new Response('Sign out from the console itself.', { status: 403 });
    throw error;
  }
  await signOut(sessionIdFromCookieHeader(request.headers.get('cookie')), sourceAddressOf(request.headers));
  return new Response(null, {
    status: 303,
    headers: { Location: '/sign-in?signed-out=1', 'Set-Cookie': clearedSessionCookieHeader(), 'Cache-Control': 'no-store' },
  });
}
