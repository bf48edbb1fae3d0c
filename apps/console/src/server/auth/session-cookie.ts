import { getEnv } from '../../env';

/** Cookie attributes for the session: never readable by scripts, not sent on cross-site subrequests. */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = getEnv().publicOrigin?.startsWith('https:') ?? false;
  // `__Host-` makes the browser insist on Secure, Path=/ and no Domain: a sibling host cannot plant or read it.
  return { name: secure ? '__Host-firebreak_session' : 'firebreak_session', secure };
}

export function sessionCookieHeader(value: string, expiresAt: string): string {
  const { name, secure } = sessionCookie();
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${new Date(expiresAt).toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookieHeader(): string {
  const { name, secure } = sessionCookie();
  return [`${name}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The session id in a Cookie header, if any. */
export function sessionIdFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const { name } = sessionCookie();
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
