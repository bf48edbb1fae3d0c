/**
 * One bulletin to 5,000 designated technical contacts of 1,000 customers: an exploitable-vulnerability incident on
 * 100 deployments, recorded and its playbook workflow started on the worker's task queue, timed until the SMTP server holds
 * every bulletin; then the same 5,000 messages (same recipients, subjects and bodies) sent by nodemailer straight to
 * the same SMTP server with the same pooled transport options. Both counted by recipient and Message-ID.
 * Run: npm run bench:notices   (env BENCH_CUSTOMERS to resize; five designated contacts each)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createMailTransport } from '@firebreak/activities';
import { createIncident, currentPolicy, upsertCustomer, upsertDeployment } from '@firebreak/db';
import {
  type Customer,
  type Deployment,
  incidentWorkflowId,
  PLAYBOOK_WORKFLOW_TYPES,
  PLAYBOOKS,
  type PlaybookInput,
  TASK_QUEUE,
} from '@firebreak/domain';
import type { ReceivedMessage } from '../test/support/smtp-sink';
import { startBenchStack } from './support/bench-stack';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const CONTACTS_PER_CUSTOMER = 5;
const MESSAGES = CUSTOMERS * CONTACTS_PER_CUSTOMER;
/** Multi-tenant deployments hold 19 customers each, single-tenant ones one: 100 deployments for 1,000 customers. */
const CUSTOMERS_PER_SHARED = 19;
/** High enough that neither side is held back by the transport's own rate limit: the same on both sides. */
const MAX_MESSAGES_PER_SECOND = 10_000;
const TARGET_RATIO = 0.7;
const LIMIT_MS = 20 * 60_000;
const KIND = 'bulletin-exploitable';
const START = '<!-- notice-throughput figures: written by npm run bench:notices -->';
const END = '<!-- end of notice-throughput figures -->';

const stack = await startBenchStack('notices', {
  throttled: false,
  maxMessagesPerSecond: MAX_MESSAGES_PER_SECOND,
  noticeLinks: { secret: 'firebreak-bench-link-secret-0123456789abcdef', consoleUrl: 'https://console.bench.invalid' },
});
try {
  const seedStarted = Date.now();
  const deployments = await seedDirectory();
  console.log(
    `${CUSTOMERS} customers, ${MESSAGES} designated contacts (and ${CUSTOMERS} management contacts, not notified), ` +
      `${deployments.length} deployments seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  const contacts = new Set(
    (await stack.db.selectFrom('contacts').select(['email', 'role']).execute())
      .filter((c) => c.role === 'designated-technical')
      .map((c) => c.email),
  );

  // --- through the workflow. Recorded and started as the console's declare handler does, minus the customer-ids
  // search attribute: for 1,000 customers it exceeds Temporal's 2 KiB limit per search attribute value, so the console
  // cannot declare this incident today (see the README's figures).
  const incidentId = `inc-${randomBytes(6).toString('hex')}`;
  const input: PlaybookInput = {
    incidentId,
    playbook: 'exploitable-vulnerability',
    severity: 'high',
    summary: 'Benchmark: path traversal in the node API',
    deployments,
    declaredBy: { kind: 'user', id: 'benchmark', name: 'Benchmark' },
    policy: await currentPolicy(stack.db),
    vulnerability: {
      reference: 'CVE-2026-31337',
      title: 'Path traversal in the node API',
      component: 'asperanoded',
      discoveredAt: new Date().toISOString(),
    },
  };
  const workflowStarted = Date.now();
  await createIncident(stack.db, {
    id: incidentId,
    playbook: input.playbook,
    severity: input.severity,
    summary: input.summary,
    deploymentIds: deployments.map((d) => d.id),
    customerIds: [...new Set(deployments.flatMap((d) => d.customerIds))].sort(),
    workflowId: incidentWorkflowId(incidentId),
    declaredBy: input.declaredBy,
    declaredAt: new Date().toISOString(),
    steps: PLAYBOOKS[input.playbook].stepNames,
  });
  const handle = await stack.client.workflow.start(PLAYBOOK_WORKFLOW_TYPES[input.playbook], {
    workflowId: incidentWorkflowId(incidentId),
    taskQueue: TASK_QUEUE,
    args: [input],
  });
  const workflowMs = await waitForBulletins(workflowStarted, () => stack.smtp.ofKind(KIND).length);
  const viaWorkflow = stack.smtp.ofKind(KIND);
  const workflowCheck = check(viaWorkflow, contacts);
  const outboxSent = Number(
    (
      await stack.db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('incident_id', '=', incidentId)
        .where('kind', '=', KIND)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const historyEvents = (await handle.fetchHistory()).events?.length ?? 0;
  await handle.terminate('benchmark finished').catch(() => {});
  const workflowRate = MESSAGES / (workflowMs / 1000);
  console.log(`through the workflow: ${MESSAGES} bulletins in ${(workflowMs / 1000).toFixed(1)} s, ${workflowRate.toFixed(0)} msg/s`);

  // --- straight to the SMTP server: the very messages the workflow sent, with the same transport options
  const direct = viaWorkflow.map((m) => ({
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId.replace('@', '.direct@'),
  }));
  stack.smtp.clear();
  const transport = createMailTransport({
    host: '127.0.0.1',
    port: stack.smtp.port,
    requireTls: false,
    maxMessagesPerSecond: MAX_MESSAGES_PER_SECOND,
  });
  const directStarted = Date.now();
  await Promise.all(
    direct.map((m) =>
      transport.sendMail({
        from: 'Firebreak Benchmark <bench@firebreak.invalid>',
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: { 'X-Firebreak-Incident': incidentId, 'X-Firebreak-Notice': KIND },
      }),
    ),
  );
  const directMs = await waitForBulletins(directStarted, () => stack.smtp.ofKind(KIND).length);
  transport.close();
  const directCheck = check(stack.smtp.ofKind(KIND), contacts);
  const directRate = MESSAGES / (directMs / 1000);
  const ratio = workflowRate / directRate;
  console.log(`straight to SMTP: ${MESSAGES} messages in ${(directMs / 1000).toFixed(1)} s, ${directRate.toFixed(0)} msg/s`);

  const cpu = cpus();
  const result = {
    benchmark: 'notice-throughput',
    at: new Date().toISOString(),
    machine: { cores: cpu.length, model: cpu[0]?.model.trim(), node: process.version },
    customers: CUSTOMERS,
    contacts: MESSAGES,
    deployments: deployments.length,
    transport: { pool: true, maxConnections: 2, maxMessagesPerSecond: MAX_MESSAGES_PER_SECOND },
    workflow: { seconds: workflowMs / 1000, messagesPerSecond: round(workflowRate), ...workflowCheck, outboxSent, historyEvents },
    direct: { seconds: directMs / 1000, messagesPerSecond: round(directRate), ...directCheck },
    ratio: round(ratio, 2),
    target: TARGET_RATIO,
    met: ratio >= TARGET_RATIO && workflowCheck.duplicated + workflowCheck.lost + directCheck.duplicated + directCheck.lost === 0,
  };
  console.log(`\n${MESSAGES} bulletins, ${CUSTOMERS} customers; ${cpu.length} cores (${result.machine.model}); pooled SMTP, 2 connections, rate limit ${MAX_MESSAGES_PER_SECOND}/s both sides`);
  console.log('| path | time | messages/s | duplicated | lost |');
  console.log('|---|---|---|---|---|');
  console.log(`| through the workflow | ${result.workflow.seconds.toFixed(1)} s | ${result.workflow.messagesPerSecond} | ${workflowCheck.duplicated} | ${workflowCheck.lost} |`);
  console.log(`| nodemailer straight to SMTP | ${result.direct.seconds.toFixed(1)} s | ${result.direct.messagesPerSecond} | ${directCheck.duplicated} | ${directCheck.lost} |`);
  console.log(`ratio ${result.ratio} (target ≥ ${TARGET_RATIO}): ${result.met ? 'met' : 'missed'}; outbox rows sent ${outboxSent}; workflow history ${historyEvents} events`);

  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `notice-throughput-${result.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written ${file}`);
  if (CUSTOMERS === 1000) writeFigures(result);
} finally {
  await stack.stop();
}
process.exit(0);

/** Customers with five designated technical contacts and one manager each, on shared and single-tenant deployments. */
async function seedDirectory(): Promise<Deployment[]> {
  const deployments: Deployment[] = [];
  const pad = (n: number) => String(n).padStart(4, '0');
  let c = 0;
  for (let d = 0; c < CUSTOMERS; d++) {
    const shared = d % 2 === 0;
    const customerIds: string[] = [];
    for (let k = 0; k < (shared ? CUSTOMERS_PER_SHARED : 1) && c < CUSTOMERS; k++, c++) {
      const id = `bench-customer-${pad(c)}`;
      const customer: Customer = {
        id,
        name: `Customer ${pad(c)}`,
        tenancy: shared ? 'multi' : 'single',
        contacts: [
          ...Array.from({ length: CONTACTS_PER_CUSTOMER }, (_, i) => ({
            id: `${id}-tech-${i + 1}`,
            name: `Engineer ${i + 1} of Customer ${pad(c)}`,
            email: `tech-${i + 1}@customer-${pad(c)}.example`,
            role: 'designated-technical' as const,
          })),
          { id: `${id}-manager`, name: `Manager of Customer ${pad(c)}`, email: `manager@customer-${pad(c)}.example`, role: 'management' },
        ],
      };
      await upsertCustomer(stack.db, customer);
      customerIds.push(id);
    }
    const deployment: Deployment = {
      id: `bench-deployment-${pad(d)}`,
      name: `Bench deployment ${pad(d)}`,
      tenancy: shared ? 'multi' : 'single',
      customerIds,
      region: 'us-east-1',
      vpcId: `vpc-${(0xb000 + d).toString(16)}`,
      subnetIds: [`subnet-${(0xb000 + d).toString(16)}`],
      applicationKind: 'faspex',
      instanceTag: `bench-deployment-${pad(d)}`,
      allowListedSources: [],
    };
    await upsertDeployment(stack.db, deployment);
    deployments.push(deployment);
  }
  return deployments;
}

/** Milliseconds from `started` until `count()` reaches MESSAGES, polled every 20 ms. */
async function waitForBulletins(started: number, count: () => number): Promise<number> {
  let last = 0;
  let lastReport = Date.now();
  for (;;) {
    const n = count();
    if (n >= MESSAGES) return Date.now() - started;
    if (Date.now() - started > LIMIT_MS) throw new Error(`only ${n} of ${MESSAGES} messages after ${LIMIT_MS / 1000} s`);
    if (Date.now() - lastReport > 10_000) {
      console.log(`  ${n} of ${MESSAGES} after ${((Date.now() - started) / 1000).toFixed(0)} s (+${n - last})`);
      last = n;
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Duplicates (the same recipient and Message-ID more than once) and contacts without their message. */
function check(messages: ReceivedMessage[], contacts: Set<string>): { received: number; duplicated: number; lost: number } {
  const seen = new Map<string, number>();
  for (const m of messages) seen.set(`${m.to} ${m.messageId}`, (seen.get(`${m.to} ${m.messageId}`) ?? 0) + 1);
  const duplicated = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  const reached = new Set(messages.map((m) => m.to));
  const lost = [...contacts].filter((email) => !reached.has(email)).length;
  return { received: messages.length, duplicated, lost };
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Replaces this benchmark's block under "## Figures" (appended there if missing), leaving anything else as it is. */
function writeFigures(r: {
  at: string;
  machine: { cores: number; model: string | undefined };
  workflow: { seconds: number; messagesPerSecond: number; duplicated: number; lost: number; historyEvents: number };
  direct: { seconds: number; messagesPerSecond: number; duplicated: number; lost: number };
  ratio: number;
  met: boolean;
}): void {
  const readmePath = join(import.meta.dirname, '..', 'README.md');
  const block = [
    START,
    `### Notices (\`npm run bench:notices\`, ${r.at.slice(0, 10)})`,
    '',
    `One exploitable-vulnerability bulletin to ${MESSAGES.toLocaleString('en')} designated technical contacts of ` +
      `${CUSTOMERS.toLocaleString('en')} customers (100 deployments; each customer's manager is not a recipient), its ` +
      `playbook workflow started directly (see below) and timed until the SMTP server (a real one on loopback, in the benchmark ` +
      `process) holds every bulletin; then nodemailer sends the same ${MESSAGES.toLocaleString('en')} messages straight to it. ` +
      `Both use the worker's pooled transport (2 connections, rate limit ${MAX_MESSAGES_PER_SECOND.toLocaleString('en')}/s, ` +
      `so not the limit). ${r.machine.cores} cores (${r.machine.model ?? 'unknown CPU'}); run at ${r.at.slice(11, 16)} UTC.`,
    '',
    '| path | time | messages/s | duplicated | lost |',
    '|---|---|---|---|---|',
    `| through the workflow (send + outbox + timeline per contact) | ${r.workflow.seconds.toFixed(1)} s | ${r.workflow.messagesPerSecond} | ${r.workflow.duplicated} | ${r.workflow.lost} |`,
    `| nodemailer straight to the SMTP server | ${r.direct.seconds.toFixed(1)} s | ${r.direct.messagesPerSecond} | ${r.direct.duplicated} | ${r.direct.lost} |`,
    '',
    `Workflow rate / direct rate: **${r.ratio}** (target ≥ ${TARGET_RATIO}) — **${r.met ? 'met' : 'missed'}**. ` +
      `Duplicates counted by recipient and Message-ID. Both rates are bounded by the transport: each pooled connection ` +
      `carries about 22 messages/s to this server on loopback, so the ratio shows that the workflow keeps the pool busy.`,
    '',
    `Found on the way: sends are now scheduled 200 at a time (patch \`notice-send-window\`); all 5,000 in one workflow ` +
      `task exceeded gRPC's 4 MiB message limit and the bulletin never left. Still open: the console cannot declare ` +
      `this incident (the \`FirebreakCustomerIds\` search attribute for 1,000 customers is 22 KB, over Temporal's 2 KiB ` +
      `per value), so the benchmark starts the workflow itself; and one round to 5,000 contacts writes ` +
      `${r.workflow.historyEvents.toLocaleString('en')} history events, so a second round in the same run (the maintenance ` +
      `schedule) would pass Temporal's 51,200-event limit.`,
    END,
  ].join('\n');
  let readme = readFileSync(readmePath, 'utf8');
  if (readme.includes(START) && readme.includes(END)) {
    readme = readme.slice(0, readme.indexOf(START)) + block + readme.slice(readme.indexOf(END) + END.length);
  } else {
    const at = readme.search(/^## Figures$/m);
    if (at < 0) throw new Error('README.md has no "## Figures" section');
    const next = readme.slice(at + 1).search(/^## /m);
    const end = next < 0 ? readme.length : at + 1 + next;
    readme = `${readme.slice(0, end).trimEnd()}\n\n${block}\n\n${readme.slice(end)}`.trimEnd() + '\n';
  }
  writeFileSync(readmePath, readme);
  console.log('README.md: Figures updated');
}
