import { createMailTransport } from '@firebreak/activities';
import { createEc2ClientFactory } from '@firebreak/aws';
import { appendAuditEntry, migrateToLatest, openDatabase } from '@firebreak/db';
import { SYSTEM_ACTOR } from '@firebreak/domain';
import { NativeConnection } from '@temporalio/worker';

import { createPlaybookWorker } from './create-playbook-worker';
import { readWorkerEnv } from './env';
import { mailTransportConfig } from './mail-transport-config';

const env = readWorkerEnv();
const db = openDatabase(env.FIREBREAK_DATABASE_PATH);
await migrateToLatest(db);
const transport = createMailTransport(mailTransportConfig(env));
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS, ...env.temporalSecurity });
const worker = await createPlaybookWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  db,
  ec2For: createEc2ClientFactory({ endpoint: env.EC2_ENDPOINT }),
  transport,
  mailFrom: env.MAIL_FROM,
  ...(env.FIREBREAK_LINK_SECRET ? { noticeLinks: { secret: env.FIREBREAK_LINK_SECRET, consoleUrl: env.CONSOLE_PUBLIC_URL } } : {}),
});

console.log(`worker polling ${env.TEMPORAL_ADDRESS}, namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE}`);
const workerDetails = { namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, pid: process.pid };
await appendAuditEntry(db, {
  severity: 'notice',
  component: 'worker',
  eventType: 'worker.started',
  actor: SYSTEM_ACTOR,
  details: workerDetails,
});
try {
  // Runs until SIGINT/SIGTERM, which the Temporal runtime turns into a graceful shutdown.
  await worker.run();
} finally {
  await appendAuditEntry(db, {
    severity: 'notice',
    component: 'worker',
    eventType: 'worker.stopped',
    actor: SYSTEM_ACTOR,
    details: workerDetails,
  }).catch((error: unknown) =>
    console.error('could not record the shutdown in the audit log:', error instanceof Error ? error.message : error),
  );
  transport.close();
  await connection.close();
  await db.destroy();
  console.log('worker stopped');
}
