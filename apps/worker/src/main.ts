import { createMailTransport } from '@firebreak/activities';
import { migrateToLatest, openDatabase } from '@firebreak/db';
import { NativeConnection } from '@temporalio/worker';
import { createPlaybookWorker } from './create-playbook-worker';
import { createEc2ClientFactory } from './ec2-clients';
import { readWorkerEnv } from './env';

const env = readWorkerEnv();
const db = openDatabase(env.FIREBREAK_DATABASE_PATH);
await migrateToLatest(db);
const transport = createMailTransport({
  host: env.SMTP_HOST,
  port: env.SMTP_PORT,
  requireTls: env.smtpRequireTls,
  user: env.SMTP_USER,
  password: env.SMTP_PASSWORD,
  maxMessagesPerSecond: env.SMTP_MAX_MESSAGES_PER_SECOND,
});
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await createPlaybookWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  db,
  ec2For: createEc2ClientFactory({ endpoint: env.EC2_ENDPOINT }),
  transport,
  mailFrom: env.MAIL_FROM,
});

console.log(`worker polling ${env.TEMPORAL_ADDRESS}, namespace ${env.TEMPORAL_NAMESPACE}, task queue ${env.TEMPORAL_TASK_QUEUE}`);
try {
  // Runs until SIGINT/SIGTERM, which the Temporal runtime turns into a graceful shutdown.
  await worker.run();
} finally {
  transport.close();
  await connection.close();
  await db.destroy();
  console.log('worker stopped');
}
