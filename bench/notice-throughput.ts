/**
 * Two notice rounds to 5,000 designated technical contacts of 1,000 customers, as the service runs them: an
 * exploitable-vulnerability incident on 100 deployments declared through the console's POST /api/v1/incidents handler
 * (in-process), timed until the SMTP server holds every bulletin; then the fix recorded as released through the
 * console's decisions handler, timed until it holds every maintenance schedule. The workflow's history is measured
 * after each round (event count, largest payload). Then the round-1 messages (same recipients, subjects and bodies) are
 * sent by nodemailer straight to the same SMTP server with the same pooled transport options. All counted by recipient
 * and Message-ID.
 * Run: npm run bench:notices   (env BENCH_CUSTOMERS to resize; five designated contacts each)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { createMailTransport } from '@firebreak/activities';
import { upsertCustomer, upsertDeployment } from '@firebreak/db';
import { type Customer, type Deployment, INCIDENT_QUERIES, type PendingDecision } from '@firebreak/domain';
import type { ReceivedMessage } from '@firebreak/test/support/smtp-sink';
import type { WorkflowHandle } from '@temporalio/client';

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
/** How long the workflow may take, after a round's last message arrived, to finish the round's bookkeeping. */
const SETTLE_LIMIT_MS = 5 * 60_000;
const BULLETIN = 'bulletin-exploitable';
const SCHEDULE = 'maintenance-schedule';
/** Temporal's defaults: a workflow is terminated at 51,200 history events; a payload over 2 MB is refused, over 512 KB warned. */
const HISTORY_EVENT_LIMIT = 51_200;
const PAYLOAD_REFUSED_BYTES = 2 * 1024 * 1024;
const PAYLOAD_WARNED_BYTES = 512 * 1024;
const START = '<!-- notice-throughput figures: written by npm run bench:notices -->';
const END = '<!-- end of notice-throughput figures -->';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];
interface HistoryFigures {
  events: number;
  largestPayload: { bytes: number; kb: number; where: string; eventId: number };
}
interface RoundFigures {
  seconds: number;
  messagesPerSecond: number;
  received: number;
  duplicated: number;
  lost: number;
  outboxSent: number;
}

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
  const headers = { Authorization: `Bearer ${stack.apiToken}`, 'Content-Type': 'application/json' };

  // --- round 1: declared through the console's POST /api/v1/incidents handler, in-process, as an engineer would.
  const { POST: declareIncident } = await import('@firebreak/console/app/api/v1/incidents/route');
  const declareStarted = Date.now();
  const declared = await declareIncident(
    new Request('http://console.bench/api/v1/incidents', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        playbook: 'exploitable-vulnerability',
        deploymentIds: deployments.map((d) => d.id),
        severity: 'high',
        summary: 'Benchmark: path traversal in the node API',
        vulnerability: {
          reference: 'CVE-2026-31337',
          title: 'Path traversal in the node API',
          component: 'asperanoded',
          discoveredAt: new Date().toISOString(),
        },
      }),
    }),
  );
  const declareMs = Date.now() - declareStarted;
  if (declared.status !== 201 && declared.status !== 200) {
    throw new Error(`declaring the incident failed: HTTP ${declared.status} ${await declared.text()}`);
  }
  const incident = (await declared.json()) as { id: string; workflowId: string };
  const handle = stack.client.workflow.getHandle(incident.workflowId);
  console.log(`declared ${incident.id} through the console: HTTP ${declared.status} in ${(declareMs / 1000).toFixed(2)} s`);

  const bulletinMs = await waitForMessages(BULLETIN, declareStarted, handle);
  const bulletins = stack.smtp.ofKind(BULLETIN);
  const bulletin = await roundFigures(bulletinMs, bulletins, contacts, incident.id, BULLETIN);
  console.log(`round 1: ${MESSAGES} bulletins in ${bulletin.seconds.toFixed(1)} s, ${bulletin.messagesPerSecond} msg/s`);
  // The round is over in the workflow once it waits for the fix: every send and its bookkeeping is in the history.
  await settle('the fix-released decision is pending', async () =>
    (await handle.query<{ pendingDecisions: PendingDecision[] }>(INCIDENT_QUERIES.state)).pendingDecisions.some(
      (p) => p.gate === 'fix-released',
    ),
  );
  const afterBulletin = measureHistory((await handle.fetchHistory()).events ?? []);
  console.log(`history after round 1: ${formatHistory(afterBulletin)}`);

  // --- round 2: the fix recorded as released through the console's decisions handler, in-process.
  const { POST: submitDecision } = await import('@firebreak/console/app/api/v1/incidents/[id]/decisions/route');
  const decisionStarted = Date.now();
  const decided = await submitDecision(
    new Request(`http://console.bench/api/v1/incidents/${incident.id}/decisions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        gate: 'fix-released',
        choice: 'released',
        reason: 'Benchmark: the fixed build is released',
        parameters: { version: '4.4.3', imageId: 'ami-0b3e0c4f1a2d5e6f7' },
      }),
    }),
    { params: Promise.resolve({ id: incident.id }) },
  );
  const decisionMs = Date.now() - decisionStarted;
  if (decided.status !== 200) throw new Error(`the fix-released decision failed: HTTP ${decided.status} ${await decided.text()}`);
  console.log(`fix-released decided through the console: HTTP ${decided.status} in ${(decisionMs / 1000).toFixed(2)} s`);
  const scheduleMs = await waitForMessages(SCHEDULE, decisionStarted, handle);
  const schedule = await roundFigures(scheduleMs, stack.smtp.ofKind(SCHEDULE), contacts, incident.id, SCHEDULE);
  console.log(`round 2: ${MESSAGES} maintenance schedules in ${schedule.seconds.toFixed(1)} s, ${schedule.messagesPerSecond} msg/s`);
  // Upgrades start only once the schedule round is over; the bench seeds no instances, so they may fail: not measured.
  const scheduleSettled = await settle(
    'an upgrade has started',
    async () =>
      (await stack.db
        .selectFrom('timeline_events')
        .select('id')
        .where('incident_id', '=', incident.id)
        .where('summary', 'like', 'Upgrading %')
        .executeTakeFirst()) !== undefined,
    { required: false },
  );
  const afterSchedule = measureHistory((await handle.fetchHistory()).events ?? []);
  await handle.terminate('benchmark finished');
  console.log(
    `history after round 2${scheduleSettled ? '' : ` (no upgrade seen within ${SETTLE_LIMIT_MS / 60_000} min: the round may not be over in the workflow)`}: ${formatHistory(afterSchedule)}; workflow terminated`,
  );

  // --- straight to the SMTP server: the very bulletins the workflow sent, with the same transport options
  stack.smtp.clear();
  const transport = createMailTransport({
    host: '127.0.0.1',
    port: stack.smtp.port,
    requireTls: false,
    maxMessagesPerSecond: MAX_MESSAGES_PER_SECOND,
  });
  const directStarted = Date.now();
  await Promise.all(
    bulletins.map((m) =>
      transport.sendMail({
        from: 'Firebreak Benchmark <bench@firebreak.invalid>',
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId.replace('@', '.direct@'),
        headers: { 'X-Firebreak-Incident': incident.id, 'X-Firebreak-Notice': BULLETIN },
      }),
    ),
  );
  const directMs = await waitForMessages(BULLETIN, directStarted);
  transport.close();
  const directCheck = check(stack.smtp.ofKind(BULLETIN), contacts);
  const directRate = MESSAGES / (directMs / 1000);
  const ratio = bulletin.messagesPerSecond / directRate;
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
    declare: { status: declared.status, seconds: declareMs / 1000 },
    /** Round 1, the bulletin, timed from the declare request; historyEvents counted once the round is over. */
    workflow: { ...bulletin, historyEvents: afterBulletin.events },
    decision: { status: decided.status, seconds: decisionMs / 1000 },
    /** Round 2, the maintenance schedule, timed from the decision request. */
    maintenance: { ...schedule, historyEvents: afterSchedule.events, settled: scheduleSettled },
    history: {
      afterBulletin,
      afterMaintenance: afterSchedule,
      eventLimit: HISTORY_EVENT_LIMIT,
      payloadRefusedBytes: PAYLOAD_REFUSED_BYTES,
      payloadWarnedBytes: PAYLOAD_WARNED_BYTES,
    },
    direct: { seconds: directMs / 1000, messagesPerSecond: round(directRate), ...directCheck },
    ratio: round(ratio, 2),
    target: TARGET_RATIO,
    met:
      ratio >= TARGET_RATIO &&
      bulletin.duplicated + bulletin.lost + schedule.duplicated + schedule.lost + directCheck.duplicated + directCheck.lost === 0,
  };
  console.log(
    `\n${MESSAGES} contacts, ${CUSTOMERS} customers; ${cpu.length} cores (${result.machine.model}); pooled SMTP, 2 connections, rate limit ${MAX_MESSAGES_PER_SECOND}/s both sides`,
  );
  console.log(
    `declare (POST /api/v1/incidents): HTTP ${declared.status} in ${(declareMs / 1000).toFixed(2)} s; decision (fix-released): HTTP ${decided.status} in ${(decisionMs / 1000).toFixed(2)} s`,
  );
  console.log('| round | time | messages/s | duplicated | lost | outbox rows sent | history events after |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| 1 bulletin (from declare) | ${bulletin.seconds.toFixed(1)} s | ${bulletin.messagesPerSecond} | ${bulletin.duplicated} | ${bulletin.lost} | ${bulletin.outboxSent} | ${afterBulletin.events} |`,
  );
  console.log(
    `| 2 maintenance schedule (from decision) | ${schedule.seconds.toFixed(1)} s | ${schedule.messagesPerSecond} | ${schedule.duplicated} | ${schedule.lost} | ${schedule.outboxSent} | ${afterSchedule.events} |`,
  );
  console.log(
    `| nodemailer straight to SMTP (round 1's messages) | ${result.direct.seconds.toFixed(1)} s | ${result.direct.messagesPerSecond} | ${directCheck.duplicated} | ${directCheck.lost} | | |`,
  );
  console.log(`ratio round 1 / direct ${result.ratio} (target ≥ ${TARGET_RATIO}): ${result.met ? 'met' : 'missed'}`);
  console.log(
    `history: ${afterSchedule.events} of Temporal's ${HISTORY_EVENT_LIMIT} events after both rounds (${afterBulletin.events} after round 1)`,
  );
  console.log(
    `largest payload: ${afterSchedule.largestPayload.kb} KB (${afterSchedule.largestPayload.where}, event ${afterSchedule.largestPayload.eventId}); ` +
      `Temporal warns over ${PAYLOAD_WARNED_BYTES / 1024} KB and refuses over ${PAYLOAD_REFUSED_BYTES / 1024 / 1024} MB`,
  );

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

/**
 * Milliseconds from `started` until the SMTP server holds MESSAGES notices of `kind`, polled every 20 ms. With a
 * workflow to watch, fails at once (rather than at the time limit) when it stops running.
 */
async function waitForMessages(kind: string, started: number, workflow?: WorkflowHandle): Promise<number> {
  let last = 0;
  let lastReport = Date.now();
  let lastLook = Date.now();
  for (;;) {
    const n = stack.smtp.ofKind(kind).length;
    if (n >= MESSAGES) return Date.now() - started;
    if (Date.now() - started > LIMIT_MS) throw new Error(`only ${n} of ${MESSAGES} ${kind} messages after ${LIMIT_MS / 1000} s`);
    if (Date.now() - lastReport > 10_000) {
      console.log(`  ${n} of ${MESSAGES} ${kind} after ${((Date.now() - started) / 1000).toFixed(0)} s (+${n - last})`);
      last = n;
      lastReport = Date.now();
    }
    if (workflow && Date.now() - lastLook > 2_000) {
      lastLook = Date.now();
      const { status } = await workflow.describe();
      if (status.name !== 'RUNNING') {
        const events = (await workflow.fetchHistory()).events?.length ?? 0;
        throw new Error(`the workflow is ${status.name} with ${n} of ${MESSAGES} ${kind} messages sent (history: ${events} events)`);
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls `probe` every 200 ms until it holds; past SETTLE_LIMIT_MS fails, or answers false when not `required`. */
async function settle(what: string, probe: () => Promise<boolean>, { required = true } = {}): Promise<boolean> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) {
      if (required) throw new Error(`gave up waiting until ${what}`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function roundFigures(
  ms: number,
  messages: ReceivedMessage[],
  contacts: Set<string>,
  incidentId: string,
  kind: string,
): Promise<RoundFigures> {
  const outboxSent = Number(
    (
      await stack.db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('incident_id', '=', incidentId)
        .where('kind', '=', kind)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return { seconds: ms / 1000, messagesPerSecond: round(MESSAGES / (ms / 1000)), ...check(messages, contacts), outboxSent };
}

/** Event count and the largest payload (bytes of data) among activity inputs and results and the workflow's input. */
function measureHistory(events: HistoryEvent[]): HistoryFigures {
  const activityOf = new Map<string, string>();
  let largest = { bytes: 0, where: 'none', eventId: 0 };
  const consider = (payloads: { payloads?: { data?: Uint8Array | null }[] | null } | null | undefined, where: string, eventId: number) => {
    const bytes = (payloads?.payloads ?? []).reduce((sum, p) => sum + (p.data?.length ?? 0), 0);
    if (bytes > largest.bytes) largest = { bytes, where, eventId };
  };
  for (const event of events) {
    const id = Number(String(event.eventId ?? 0));
    const started = event.workflowExecutionStartedEventAttributes;
    const scheduled = event.activityTaskScheduledEventAttributes;
    const completed = event.activityTaskCompletedEventAttributes;
    if (started) consider(started.input, 'workflow input', id);
    if (scheduled) {
      const name = scheduled.activityType?.name ?? 'activity';
      activityOf.set(String(id), name);
      consider(scheduled.input, `${name} input`, id);
    }
    if (completed) consider(completed.result, `${activityOf.get(String(completed.scheduledEventId ?? '')) ?? 'activity'} result`, id);
  }
  return { events: events.length, largestPayload: { ...largest, kb: round(largest.bytes / 1024, 1) } };
}

function formatHistory(h: HistoryFigures): string {
  return (
    `${h.events} events (limit ${HISTORY_EVENT_LIMIT}); largest payload ${h.largestPayload.kb} KB ` +
    `(${h.largestPayload.where}, event ${h.largestPayload.eventId}; warned over ${PAYLOAD_WARNED_BYTES / 1024} KB, refused over ${PAYLOAD_REFUSED_BYTES / 1024 / 1024} MB)`
  );
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
  declare: { status: number; seconds: number };
  workflow: RoundFigures;
  decision: { status: number; seconds: number };
  maintenance: RoundFigures & { settled: boolean };
  history: { afterBulletin: HistoryFigures; afterMaintenance: HistoryFigures };
  direct: { seconds: number; messagesPerSecond: number; duplicated: number; lost: number };
  ratio: number;
  met: boolean;
}): void {
  const readmePath = join(import.meta.dirname, '..', 'README.md');
  const n = (x: number) => x.toLocaleString('en');
  const { afterBulletin, afterMaintenance } = r.history;
  const largest = afterMaintenance.largestPayload;
  const block = [
    START,
    `### Notices (\`npm run bench:notices\`, ${r.at.slice(0, 10)})`,
    '',
    `An exploitable-vulnerability incident over ${n(CUSTOMERS)} customers (${n(MESSAGES)} designated technical contacts; ` +
      `100 deployments; each customer's manager is not a recipient), declared through the console's ` +
      `\`POST /api/v1/incidents\` handler (HTTP ${r.declare.status} in ${r.declare.seconds.toFixed(2)} s). Round 1, the ` +
      `bulletin, is timed from the declare request until the SMTP server (a real one on loopback, in the benchmark process) ` +
      `holds every bulletin; round 2, the maintenance schedule, from the \`fix-released\` decision taken through the ` +
      `console's decisions handler (HTTP ${r.decision.status} in ${r.decision.seconds.toFixed(2)} s) until it holds every ` +
      `schedule. Then nodemailer sends round 1's ${n(MESSAGES)} messages straight to it. All use the worker's pooled ` +
      `transport (2 connections, rate limit ${n(MAX_MESSAGES_PER_SECOND)}/s, so not the limit). ${r.machine.cores} cores ` +
      `(${r.machine.model ?? 'unknown CPU'}); run at ${r.at.slice(11, 16)} UTC.`,
    '',
    '| path | time | messages/s | duplicated | lost |',
    '|---|---|---|---|---|',
    `| round 1, bulletin, through the workflow | ${r.workflow.seconds.toFixed(1)} s | ${r.workflow.messagesPerSecond} | ${r.workflow.duplicated} | ${r.workflow.lost} |`,
    `| round 2, maintenance schedule, through the workflow | ${r.maintenance.seconds.toFixed(1)} s | ${r.maintenance.messagesPerSecond} | ${r.maintenance.duplicated} | ${r.maintenance.lost} |`,
    `| round 1's messages, nodemailer straight to the SMTP server | ${r.direct.seconds.toFixed(1)} s | ${r.direct.messagesPerSecond} | ${r.direct.duplicated} | ${r.direct.lost} |`,
    '',
    `Round 1 rate / direct rate: **${r.ratio}** (target ≥ ${TARGET_RATIO}) — **${r.met ? 'met' : 'missed'}** ` +
      `(met also requires no duplicate and no loss in any row). Duplicates counted by recipient and Message-ID.`,
    '',
    `Workflow history: ${n(afterBulletin.events)} events after round 1, ${n(afterMaintenance.events)} after round 2` +
      `${r.maintenance.settled ? '' : ' (counted before the workflow was seen to finish the round)'}, against Temporal's ` +
      `limit of ${n(HISTORY_EVENT_LIMIT)}. Largest single payload in it: ${largest.kb} KB (${largest.where}), against ` +
      `Temporal's ${PAYLOAD_WARNED_BYTES / 1024} KB warning and ${PAYLOAD_REFUSED_BYTES / 1024 / 1024} MB refusal.`,
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
