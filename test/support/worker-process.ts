import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { TestContext } from './test-context';

const REPO_ROOT = join(import.meta.dirname, '../..');
/** Kept after the run (and ignored by git) so a failure can be read. */
const ARTIFACTS_DIR = join(import.meta.dirname, '../artifacts');

export interface WorkerProcessOptions {
  /** The worker's output goes (appended) to test/artifacts/<logName>.log. */
  logName: string;
  /** The SMTP port it sends to; the context's own server unless given. */
  smtpPort?: number;
}

/**
 * The real worker program (apps/worker/src/main.ts) as its own process, wired to the context's Temporal server,
 * database, task queue and EC2 endpoint, so a test can kill it outright.
 */
export function startWorkerProcess(ctx: TestContext, options: WorkerProcessOptions): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      FIREBREAK_DATABASE_PATH: ctx.databasePath,
      TEMPORAL_ADDRESS: ctx.temporalAddress,
      TEMPORAL_TASK_QUEUE: ctx.taskQueue,
      EC2_ENDPOINT: ctx.motoEndpoint,
      AWS_REGION: 'us-east-1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(options.smtpPort ?? ctx.smtp.port),
      SMTP_MAX_MESSAGES_PER_SECOND: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const log = createWriteStream(join(ARTIFACTS_DIR, `${options.logName}.log`), { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

/** SIGKILL: no shutdown hook runs, exactly like a machine that dies. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
