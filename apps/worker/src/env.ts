import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { TASK_QUEUE, type TemporalConnectionSecurity, temporalConnectionSecurity, TemporalSecurityVariables } from '@firebreak/domain';
import { z } from 'zod';

const repoRoot = resolve(import.meta.dirname, '../../..');

const schema = z.object({
  FIREBREAK_DATABASE_PATH: z.string().min(1).default(resolve(repoRoot, '.data/firebreak.db')),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  /** Set only for the local EC2 emulator; unset means AWS itself with the default credential chain. */
  EC2_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** STARTTLS with a verified certificate; may be off only for a local SMTP sink on loopback. */
  SMTP_REQUIRE_TLS: z.enum(['true', 'false']).optional(),
  /** Implicit TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS. */
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  /** PEM file of the CA that signed the relay's certificate (a private CA; it replaces the system's roots). */
  SMTP_TLS_CA_FILE: z.string().min(1).optional(),
  /** The name the relay's certificate is checked against, when it differs from SMTP_HOST. */
  SMTP_TLS_SERVER_NAME: z.string().min(1).optional(),
  SMTP_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  MAIL_FROM: z.string().min(3).default('Firebreak Security Operations <security-operations@firebreak.invalid>'),
  /** Signs the link in every notice (HS256); the console verifies with the same secret. Required in production. */
  FIREBREAK_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Where contacts open the console: notice links point there. */
  CONSOLE_PUBLIC_URL: z.url().default('http://localhost:3000'),
  NODE_ENV: z.string().optional(),
  ...TemporalSecurityVariables.shape,
});

export type WorkerEnv = z.infer<typeof schema> & {
  smtpRequireTls: boolean;
  /** Implicit TLS (SMTPS) rather than STARTTLS. */
  smtpImplicitTls: boolean;
  /** The private CA's certificate, when SMTP_TLS_CA_FILE names one. */
  smtpTlsCa: Buffer | undefined;
  /** TLS (always verified) and API key for Temporal; empty for the local dev server on loopback. */
  temporalSecurity: TemporalConnectionSecurity;
};

/** Reads and validates the worker's environment; the only place in the worker that touches process.env. */
export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`The worker's environment is not valid:\n${problems}`);
  }
  const env = parsed.data;
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(env.SMTP_HOST);
  const smtpImplicitTls = env.SMTP_SECURE === 'true';
  const asksForTls = smtpImplicitTls || env.SMTP_TLS_CA_FILE !== undefined || env.SMTP_TLS_SERVER_NAME !== undefined;
  const smtpRequireTls = env.SMTP_REQUIRE_TLS ? env.SMTP_REQUIRE_TLS === 'true' : !loopback || asksForTls;
  if (!smtpRequireTls && !loopback) {
    throw new Error('SMTP_REQUIRE_TLS=false is allowed only for an SMTP server on loopback');
  }
  if (!smtpRequireTls && asksForTls) {
    throw new Error('SMTP_REQUIRE_TLS=false contradicts SMTP_SECURE / SMTP_TLS_CA_FILE / SMTP_TLS_SERVER_NAME');
  }
  let smtpTlsCa: Buffer | undefined;
  if (env.SMTP_TLS_CA_FILE) {
    try {
      smtpTlsCa = readFileSync(env.SMTP_TLS_CA_FILE);
    } catch (error) {
      throw new Error(`SMTP_TLS_CA_FILE: cannot read ${env.SMTP_TLS_CA_FILE} (${(error as { code?: string }).code ?? 'error'})`, {
        cause: error,
      });
    }
  }
  const temporalSecurity = temporalConnectionSecurity(env.TEMPORAL_ADDRESS, env, (path) => readFileSync(path));
  if (!env.FIREBREAK_LINK_SECRET && env.NODE_ENV === 'production') {
    throw new Error('FIREBREAK_LINK_SECRET is required in production: notices must carry signed links');
  }
  return { ...env, smtpRequireTls, smtpImplicitTls, smtpTlsCa, temporalSecurity };
}
