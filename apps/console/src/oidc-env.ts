import { isLoopbackAddress, StaffRole } from '@firebreak/domain';
import { z } from 'zod';

/** The variables that configure single sign-on (read by env.ts, the console's only reader of process.env). */
export const OidcVariables = z.object({
  /** The provider's issuer URL; setting it turns single sign-on on. */
  FIREBREAK_OIDC_ISSUER: z.url().optional(),
  FIREBREAK_OIDC_CLIENT_ID: z.string().min(1).optional(),
  FIREBREAK_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Registered at the provider; defaults to CONSOLE_PUBLIC_URL + /auth/oidc/callback. */
  FIREBREAK_OIDC_REDIRECT_URL: z.url().optional(),
  /** Shown on the sign-in button: "Sign in with <name>". */
  FIREBREAK_OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('single sign-on'),
  FIREBREAK_OIDC_SCOPES: z
    .string()
    .regex(/(^|\s)openid(\s|$)/, 'must include openid')
    .default('openid profile email'),
  /** The claim (ID token or userinfo) whose value, or list of values, decides the role. */
  FIREBREAK_OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  /** JSON object from claim value to role, e.g. {"firebreak-admins":"administrator"}; the first match in this order wins. */
  FIREBREAK_OIDC_ROLE_MAP: z.string().min(2).optional(),
  /** Role for a new account whose claim maps to none; `none` creates it disabled, for an administrator to decide. */
  FIREBREAK_OIDC_DEFAULT_ROLE: z.union([StaffRole, z.literal('none')]).default('none'),
});
export type OidcVariables = z.infer<typeof OidcVariables>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  providerName: string;
  scopes: string;
  roleClaim: string | undefined;
  /** In the administrator's order of precedence. */
  roleMap: Array<[claimValue: string, role: StaffRole]>;
  /** undefined: a new account without a mapped role gets no access until an administrator gives it one. */
  defaultRole: StaffRole | undefined;
  /** Plain http is tolerated only for a provider on loopback (local development and the tests). */
  allowHttp: boolean;
}

const RoleMap = z.record(z.string().min(1), StaffRole);

/** Single sign-on settings, or undefined when no issuer is configured. Throws an Error naming what is wrong. */
export function oidcSettings(variables: OidcVariables, consolePublicUrl: string | undefined): OidcSettings | undefined {
  if (!variables.FIREBREAK_OIDC_ISSUER) {
    const stray = (
      [
        'FIREBREAK_OIDC_CLIENT_ID',
        'FIREBREAK_OIDC_CLIENT_SECRET',
        'FIREBREAK_OIDC_REDIRECT_URL',
        'FIREBREAK_OIDC_ROLE_CLAIM',
        'FIREBREAK_OIDC_ROLE_MAP',
      ] as const
    ).filter((name) => variables[name] !== undefined);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} set without FIREBREAK_OIDC_ISSUER`);
    return undefined;
  }
  const issuer = new URL(variables.FIREBREAK_OIDC_ISSUER);
  const redirectUrl = variables.FIREBREAK_OIDC_REDIRECT_URL ?? (consolePublicUrl && new URL('/auth/oidc/callback', consolePublicUrl).href);
  const missing = [
    ...(variables.FIREBREAK_OIDC_CLIENT_ID ? [] : ['FIREBREAK_OIDC_CLIENT_ID']),
    ...(variables.FIREBREAK_OIDC_CLIENT_SECRET ? [] : ['FIREBREAK_OIDC_CLIENT_SECRET']),
    ...(redirectUrl ? [] : ['FIREBREAK_OIDC_REDIRECT_URL (or CONSOLE_PUBLIC_URL)']),
  ];
  if (missing.length > 0) throw new Error(`single sign-on needs ${missing.join(', ')}`);
  for (const [name, url] of [
    ['FIREBREAK_OIDC_ISSUER', issuer],
    ['FIREBREAK_OIDC_REDIRECT_URL', new URL(redirectUrl!)],
  ] as const) {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackAddress(url.hostname))) {
      throw new Error(`${name} must use https (plain http only on loopback)`);
    }
  }
  let roleMap: OidcSettings['roleMap'] = [];
  if (variables.FIREBREAK_OIDC_ROLE_MAP) {
    if (!variables.FIREBREAK_OIDC_ROLE_CLAIM) throw new Error('FIREBREAK_OIDC_ROLE_MAP needs FIREBREAK_OIDC_ROLE_CLAIM');
    let json: unknown;
    try {
      json = JSON.parse(variables.FIREBREAK_OIDC_ROLE_MAP);
    } catch {
      throw new Error('FIREBREAK_OIDC_ROLE_MAP is not JSON: write {"claim value":"role", ...}');
    }
    const parsed = RoleMap.safeParse(json);
    if (!parsed.success) throw new Error(`FIREBREAK_OIDC_ROLE_MAP: each value must be one of ${StaffRole.options.join(', ')}`);
    roleMap = Object.entries(parsed.data);
  }
  return {
    issuer: variables.FIREBREAK_OIDC_ISSUER,
    clientId: variables.FIREBREAK_OIDC_CLIENT_ID!,
    clientSecret: variables.FIREBREAK_OIDC_CLIENT_SECRET!,
    redirectUrl: redirectUrl!,
    providerName: variables.FIREBREAK_OIDC_PROVIDER_NAME,
    scopes: variables.FIREBREAK_OIDC_SCOPES,
    roleClaim: variables.FIREBREAK_OIDC_ROLE_CLAIM,
    roleMap,
    defaultRole: variables.FIREBREAK_OIDC_DEFAULT_ROLE === 'none' ? undefined : variables.FIREBREAK_OIDC_DEFAULT_ROLE,
    allowHttp: issuer.protocol === 'http:',
  };
}
