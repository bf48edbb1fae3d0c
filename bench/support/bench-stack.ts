import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EC2Client } from '@aws-sdk/client-ec2';
import { createMailTransport } from '@firebreak/activities';
import { createEc2Client, createEc2ClientFactory } from '@firebreak/aws';
import { createApiToken, type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { TASK_QUEUE } from '@firebreak/domain';
import {
  ensureTemporalCli,
  findFreePort,
  type MotoServer,
  startMotoServer,
  startTemporalDevServer,
  type TemporalDevServer,
  toolsDirFrom,
} from '@firebreak/stack';
import { SmtpSink } from '@firebreak/test/support/smtp-sink';
import { ThrottlingProxy } from '@firebreak/test/support/throttling-proxy';
import { createPlaybookWorker, workflowsPath } from '@firebreak/worker';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';

/** Everything a benchmark runs against, on loopback, started fresh and stopped at the end. */
export interface BenchStack {
  scratch: string;
  db: FirebreakDb;
  databasePath: string;
  moto: MotoServer;
  temporal: TemporalDevServer;
  proxy: ThrottlingProxy;
  /** Straight to moto, without any limiter: for seeding and for the probes that observe. */
  observer: EC2Client;
  client: Client;
  smtp: SmtpSink;
  apiToken: string;
  worker: Worker;
  stop(): Promise<void>;
}

const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) };

export interface BenchStackOptions {
  throttled: boolean;
  /** The worker's mail transport rate limit (createMailTransport's maxMessagesPerSecond); 100 when not given. */
  maxMessagesPerSecond?: number;
  /** Signs a link into every notice, as production does. */
  noticeLinks?: { secret: string; consoleUrl: string };
}

export async function startBenchStack(name: string, options: BenchStackOptions): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const scratch = mkdtempSync(join(tmpdir(), `firebreak-bench-${name}-`));
  const moto = await startMotoServer({ port: await findFreePort(), logFile: join(scratch, 'moto.log') });
  const temporal = await startTemporalDevServer({
    binary: await ensureTemporalCli({ toolsDir: toolsDirFrom() }),
    port: await findFreePort(),
    uiPort: await findFreePort(),
    dbFile: join(scratch, 'temporal.db'),
    logFile: join(scratch, 'temporal.log'),
  });
  const proxy = await ThrottlingProxy.start({ target: moto.endpoint });
  const databasePath = join(scratch, 'firebreak.db');
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  const { token: apiToken } = await createApiToken(db, { name: 'benchmark', role: 'on-call' });
  const smtp = await SmtpSink.start();
  const connection = await Connection.connect({ address: temporal.address });
  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  const transport = createMailTransport({
    host: '127.0.0.1',
    port: smtp.port,
    requireTls: false,
    maxMessagesPerSecond: options.maxMessagesPerSecond ?? 100,
  });
  const bundle = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietLogger });
  const worker = await createPlaybookWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue: TASK_QUEUE,
    workflowBundle: { code: bundle.code },
    db,
    // The worker as in production: AWS's buckets, spent through the shared limiter; the proxy plays AWS.
    ec2For: createEc2ClientFactory(
      options.throttled ? { endpoint: proxy.endpoint, rateLimit: true } : { endpoint: moto.endpoint, rateLimit: true },
    ),
    transport,
    mailFrom: 'Firebreak Benchmark <bench@firebreak.invalid>',
    ...(options.noticeLinks ? { noticeLinks: options.noticeLinks } : {}),
  });
  const running = worker.run();
  // The console's route handlers read these on first use.
  process.env.FIREBREAK_DATABASE_PATH = databasePath;
  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.TEMPORAL_NAMESPACE = 'default';
  return {
    scratch,
    db,
    databasePath,
    moto,
    temporal,
    proxy,
    observer: createEc2Client('us-east-1', { endpoint: moto.endpoint }),
    client: new Client({ connection }),
    smtp,
    apiToken,
    worker,
    async stop() {
      worker.shutdown();
      await running.catch(() => {});
      transport.close();
      await nativeConnection.close();
      await connection.close();
      await smtp.stop();
      await proxy.stop();
      await db.destroy();
      await temporal.stop();
      await moto.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Resident set size of a process, from /proc (Linux), in MiB. */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
