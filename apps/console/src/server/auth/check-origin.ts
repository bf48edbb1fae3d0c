import { FirebreakError } from '@firebreak/domain';

import { getEnv } from '../../env';

/**
 * Refuses a cookie-authenticated change that does not come from the console's own pages: browsers send Origin on
 * every cross-site or same-site POST, so a missing or `null` one is refused too. The console's own origin is the
 * configured public URL, or the host the request was addressed to (a browser sets Host itself; another site cannot).
 */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  if (!origin || origin === 'null' || !allowedOrigins(headers).includes(origin)) {
    throw new FirebreakError('FORBIDDEN', 'This change must be made from the console itself.');
  }
}

function allowedOrigins(headers: Headers): string[] {
  const allowed: string[] = [];
  const configured = getEnv().publicOrigin;
  if (configured) allowed.push(configured);
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (host) allowed.push(`${headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http'}://${host}`);
  return allowed;
}
