import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { type TemporalConnectionSecurity, temporalConnectionSecurity, TemporalSecurityVariables } from '@firebreak/domain';
import { z } from 'zod';

import { type OidcSettings, oidcSettings, OidcVariables } from './oidc-env';

/** The console's configuration. This module is the only place in the console that reads process.env. */
const EnvSchema = z.object({
  FIREBREAK_DATABASE_PATH: z.string().min(1).optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'use host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  EC2_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  FIREBREAK_SANDBOX: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Where people reach the console, e.g. https://firebreak.example.com: decides Secure cookies and the allowed Origin. */
  CONSOLE_PUBLIC_URL: z.url().optional(),
  /** Verifies the signed links in customer notices (the worker signs them with the same secret). */
  FIREBREAK_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ...TemporalSecurityVariables.shape,
  ...OidcVariables.shape,
});

export interface ConsoleEnv {
  databasePath: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** TLS (always verified) and API key for Temporal; empty for the local dev server on loopback. */
  temporalSecurity: TemporalConnectionSecurity;
  ec2Endpoint: string | undefined;
  awsRegion: string;
  /** True when EC2 calls go to the local emulator: the console says so on every page. */
  sandbox: boolean;
  /** The console's origin as people reach it, when configured; otherwise the request's own Host is trusted. */
  publicOrigin: string | undefined;
  /** Without it, notice links open nothing. */
  linkSecret: string | undefined;
  /** Single sign-on through an OpenID Connect provider; undefined (off) unless FIREBREAK_OIDC_ISSUER is set. */
  oidc: OidcSettings | undefined;
}

let cached: ConsoleEnv | undefined;

export function getEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function parseEnv(source: Record<string, string | undefined>): ConsoleEnv {
  // Empty strings come from `VAR=` in shells and .env files; they mean "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`invalid console configuration: ${problems}`);
  }
  const env = result.data;
  let temporalSecurity: TemporalConnectionSecurity;
  let oidc: OidcSettings | undefined;
  try {
    temporalSecurity = temporalConnectionSecurity(env.TEMPORAL_ADDRESS, env, (path) => readFileSync(path));
    oidc = oidcSettings(env, env.CONSOLE_PUBLIC_URL);
  } catch (error) {
    throw new Error(`invalid console configuration: ${(error as Error).message}`, { cause: error });
  }
  const sandboxFlag = env.FIREBREAK_SANDBOX === '1' || env.FIREBREAK_SANDBOX === 'true';
  return {
    databasePath: env.FIREBREAK_DATABASE_PATH ?? join(findRepoRoot(process.cwd()), '.data', 'firebreak.db'),
    temporalAddress: env.TEMPORAL_ADDRESS,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    temporalSecurity,
    ec2Endpoint: env.EC2_ENDPOINT,
    awsRegion: env.AWS_REGION,
    sandbox: sandboxFlag || env.EC2_ENDPOINT !== undefined,
    publicOrigin: env.CONSOLE_PUBLIC_URL === undefined ? undefined : new URL(env.CONSOLE_PUBLIC_URL).origin,
    linkSecret: env.FIREBREAK_LINK_SECRET,
    oidc,
  };
}

/** The monorepo root: the nearest directory upwards whose package.json declares workspaces. */
function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

/** `next dev` needs eval for its fast refresh; production never allows it. */
export function isDevelopmentServer(): boolean {
  return process.env.NODE_ENV === 'development';
}
