import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

import { z } from 'zod';

import { repoRoot } from './repo-root';

/** The only place in this package that reads process.env. */

const PORT_MESSAGE = 'expected a TCP port number between 1 and 65535';
const port = (fallback: number) =>
  z.coerce
    .number({ error: PORT_MESSAGE })
    .int({ error: PORT_MESSAGE })
    .min(1, { error: PORT_MESSAGE })
    .max(65535, { error: PORT_MESSAGE })
    .default(fallback);

/** Unset and empty mean the same thing: shells often export `VAR=` to "clear" a value. */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const stackEnvSchema = z.object({
  FIREBREAK_DATA_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  FIREBREAK_TOOLS_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  TEMPORAL_PORT: z.preprocess(blankAsUnset, port(7233)),
  TEMPORAL_UI_PORT: z.preprocess(blankAsUnset, port(8233)),
  TEMPORAL_NAMESPACE: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/, 'letters, digits, ".", "_" or "-", starting with a letter or digit')
      .default('default'),
  ),
  MOTO_PORT: z.preprocess(blankAsUnset, port(5001)),
  SMTP_PORT: z.preprocess(blankAsUnset, port(1025)),
  MAILDEV_WEB_PORT: z.preprocess(blankAsUnset, port(1080)),
  CONSOLE_PORT: z.preprocess(blankAsUnset, port(3000)),
  MAIL_FROM: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((value) => z.email().safeParse(/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value.trim()).success, {
        error: 'expected an address, optionally with a display name: "Name <address@example.com>"',
      })
      .default('Firebreak Security Operations <security-operations@firebreak.invalid>'),
  ),
  FIREBREAK_API_TOKEN: z.preprocess(
    blankAsUnset,
    // The message names the rule, never the value: this is a secret.
    z.string().min(24, 'must be at least 24 characters long').optional(),
  ),
  FIREBREAK_LINK_SECRET: z.preprocess(blankAsUnset, z.string().min(32, 'must be at least 32 characters long').optional()),
  // Checked against the password policy when the first administrator is created; never printed.
  FIREBREAK_ADMIN_PASSWORD: z.preprocess(blankAsUnset, z.string().max(1024).optional()),
  FIREBREAK_ADMIN_USERNAME: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[a-zA-Z0-9._@-]{2,64}$/, 'letters, digits and . _ @ - only, 2 to 64 of them')
      .default('admin'),
  ),
});

export interface StackEnv {
  dataDir: string;
  toolsDir: string;
  temporalPort: number;
  temporalUiPort: number;
  temporalNamespace: string;
  motoPort: number;
  smtpPort: number;
  maildevWebPort: number;
  consolePort: number;
  mailFrom: string;
  apiToken: string | undefined;
  /** Signs notice links; generated into the data directory when unset. */
  linkSecret: string | undefined;
  /** The first administrator's password, when the operator chooses it rather than taking a generated one. */
  adminPassword: string | undefined;
  adminUsername: string;
}

export class StackEnvError extends Error {
  override readonly name = 'StackEnvError';
}

type EnvSource = Record<string, string | undefined>;

/** The per-user cache that outlives clones, so every clone and CI run reuses one Temporal CLI build. */
export function toolsDirFrom(env: EnvSource = process.env): string {
  const configured = blankAsUnset(env.FIREBREAK_TOOLS_DIR);
  return typeof configured === 'string' ? resolve(configured) : join(homedir(), '.cache', 'firebreak', 'tools');
}

export function readStackEnv(env: EnvSource = process.env, root: string = repoRoot()): StackEnv {
  const parsed = stackEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new StackEnvError(`invalid environment:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const ports = {
    TEMPORAL_PORT: values.TEMPORAL_PORT,
    TEMPORAL_UI_PORT: values.TEMPORAL_UI_PORT,
    MOTO_PORT: values.MOTO_PORT,
    SMTP_PORT: values.SMTP_PORT,
    MAILDEV_WEB_PORT: values.MAILDEV_WEB_PORT,
    CONSOLE_PORT: values.CONSOLE_PORT,
  };
  const clashes = Object.entries(ports).filter(([, value], _, all) => all.filter(([, v]) => v === value).length > 1);
  if (clashes.length > 0) {
    throw new StackEnvError(
      `invalid environment: these ports must differ: ${clashes.map(([name, value]) => `${name}=${value}`).join(', ')}`,
    );
  }
  const dataDir = values.FIREBREAK_DATA_DIR ?? join(root, '.data');
  return {
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(root, dataDir),
    toolsDir: toolsDirFrom(env),
    temporalPort: values.TEMPORAL_PORT,
    temporalUiPort: values.TEMPORAL_UI_PORT,
    temporalNamespace: values.TEMPORAL_NAMESPACE,
    motoPort: values.MOTO_PORT,
    smtpPort: values.SMTP_PORT,
    maildevWebPort: values.MAILDEV_WEB_PORT,
    consolePort: values.CONSOLE_PORT,
    mailFrom: values.MAIL_FROM,
    apiToken: values.FIREBREAK_API_TOKEN,
    linkSecret: values.FIREBREAK_LINK_SECRET,
    adminPassword: values.FIREBREAK_ADMIN_PASSWORD,
    adminUsername: values.FIREBREAK_ADMIN_USERNAME,
  };
}

/**
 * The environment children inherit (PATH, HOME, locale...), minus what only this process may hold:
 * the API token and the first administrator's password live in the database (hashed) once provisioned.
 */
const SECRETS_FOR_THIS_PROCESS_ONLY = new Set(['FIREBREAK_API_TOKEN', 'FIREBREAK_ADMIN_PASSWORD']);

export function inheritedEnv(env: EnvSource = process.env): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !SECRETS_FOR_THIS_PROCESS_ONLY.has(name)) copy[name] = value;
  }
  return copy;
}
