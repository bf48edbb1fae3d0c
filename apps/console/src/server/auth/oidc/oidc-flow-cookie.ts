import { z } from 'zod';

import { getEnv } from '../../../env';

/** How long a sign-in may take at the provider before its state is forgotten. */
export const FLOW_MAX_AGE_SECONDS = 600;

/** What the browser carries from the start of a sign-in to its callback: it proves the callback answers this browser. */
export const OidcFlow = z.object({
  state: z.string().min(20).max(200),
  nonce: z.string().min(20).max(200),
  verifier: z.string().min(43).max(128),
  startedAt: z.number().int(),
});
export type OidcFlow = z.infer<typeof OidcFlow>;

function cookieName(): { name: string; secure: boolean } {
  const secure = getEnv().publicOrigin?.startsWith('https:') ?? false;
  return { name: secure ? '__Host-firebreak_oidc' : 'firebreak_oidc', secure };
}

function attributes(maxAge: number, secure: boolean): string[] {
  // Lax: the provider's redirect back is a top-level GET from another site, which Lax lets through (Strict would not).
  return ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`, ...(secure ? ['Secure'] : [])];
}

export function oidcFlowCookieHeader(flow: OidcFlow): string {
  const { name, secure } = cookieName();
  const value = Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url');
  return [`${name}=${value}`, ...attributes(FLOW_MAX_AGE_SECONDS, secure)].join('; ');
}

/** The callback spends the flow whatever its outcome: a state is good for one attempt. */
export function clearedOidcFlowCookieHeader(): string {
  const { name, secure } = cookieName();
  return [`${name}=`, ...attributes(0, secure)].join('; ');
}

/** The flow in a Cookie header, if it is well formed and young enough. */
export function oidcFlowFromCookieHeader(header: string | null, now: number = Date.now()): OidcFlow | undefined {
  if (!header) return undefined;
  const { name } = cookieName();
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const value = rest.join('=');
    if (!/^[A-Za-z0-9_-]{1,2000}$/.test(value)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const flow = OidcFlow.safeParse(json);
    if (!flow.success) return undefined;
    const age = now - flow.data.startedAt;
    return age >= 0 && age <= FLOW_MAX_AGE_SECONDS * 1000 ? flow.data : undefined;
  }
  return undefined;
}
