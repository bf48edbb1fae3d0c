import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(import.meta.dirname, '../..');

export interface WorkerProcessOptions {
  databasePath: string;
  temporalAddress: string;
  taskQueue: string;
  ec2Endpoint: string;
  smtpPort: number;
  /** Where the worker's output goes (appended), so a failure can be read. */
  logFile: string;
}

/** The real worker program (apps/worker/src/main.ts) as its own process, so a test can kill it outright. */
export function startWorkerProcess(options: WorkerProcessOptions): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      FIREBREAK_DATABASE_PATH: options.databasePath,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      EC2_ENDPOINT: options.ec2Endpoint,
      AWS_REGION: 'us-east-1',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(options.smtpPort),
      SMTP_MAX_MESSAGES_PER_SECOND: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
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
