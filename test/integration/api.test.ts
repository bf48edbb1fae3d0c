import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The console reads its configuration on first use, so the route handlers can be imported before process.env is
// pointed at this file's database and the test Temporal server (in beforeAll).
import { GET as getCustomers } from '@firebreak/console/app/api/v1/customers/route';
import { GET as getDeployments } from '@firebreak/console/app/api/v1/deployments/route';
import { GET as getHealth } from '@firebreak/console/app/api/v1/health/route';
import { POST as closeIncident } from '@firebreak/console/app/api/v1/incidents/[id]/close/route';
import { GET as getIncident } from '@firebreak/console/app/api/v1/incidents/[id]/route';
import { GET as getTimeline } from '@firebreak/console/app/api/v1/incidents/[id]/timeline/route';
import { GET as listIncidents, POST as declareIncident } from '@firebreak/console/app/api/v1/incidents/route';
import { GET as getOpenApi } from '@firebreak/console/app/api/v1/openapi.json/route';
import {
  createApiToken,
  findIdempotencyClaim,
  findIncident,
  type FirebreakDb,
  listTimeline,
  migrateToLatest,
  openDatabase,
  upsertCustomer,
  upsertDeployment,
} from '@firebreak/db';
import {
  type Customer,
  type Deployment,
  type Incident,
  incidentWorkflowId,
  PLAYBOOK_IDS,
  PLAYBOOK_WORKFLOW_TYPES,
  PLAYBOOKS,
  SEARCH_ATTRIBUTES,
  TASK_QUEUE,
} from '@firebreak/domain';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

const BASE = 'http://console.test/api/v1';
const suffix = randomBytes(3).toString('hex');

const customers: Customer[] = [
  {
    id: `acme-${suffix}`,
    name: 'Acme Media',
    tenancy: 'single',
    contacts: [
      { id: `acme-${suffix}-tech`, name: 'Ada Tech', email: 'ada@acme.example', role: 'designated-technical' },
      { id: `acme-${suffix}-boss`, name: 'Bo Manager', email: 'bo@acme.example', role: 'management' },
    ],
  },
  {
    id: `globex-${suffix}`,
    name: 'Globex',
    tenancy: 'multi',
    contacts: [{ id: `globex-${suffix}-tech`, name: 'Gil Tech', email: 'gil@globex.example', role: 'designated-technical' }],
  },
];

const deployments: Deployment[] = [
  {
    id: `acme-prod-${suffix}`,
    name: 'Acme production',
    tenancy: 'single',
    customerIds: [customers[0]!.id],
    region: 'us-east-1',
    vpcId: 'vpc-0abc1234',
    subnetIds: ['subnet-0abc1111', 'subnet-0abc2222'],
    applicationKind: 'faspex',
    allowListedSources: [],
    instanceTag: `acme-prod-${suffix}`,
  },
  {
    id: `shared-${suffix}`,
    name: 'Shared multi-tenant',
    tenancy: 'multi',
    customerIds: [customers[1]!.id],
    region: 'us-east-1',
    vpcId: 'vpc-0def5678',
    subnetIds: ['subnet-0def3333'],
    applicationKind: 'files',
    allowListedSources: [],
    instanceTag: `shared-${suffix}`,
  },
];

let db: FirebreakDb;
let client: Client;
let connection: Connection;
let token: string;
const startedWorkflowIds = new Set<string>();

beforeAll(async () => {
  const databasePath = join(inject('scratchDir'), `console-api-${suffix}.db`);
  process.env.FIREBREAK_DATABASE_PATH = databasePath;
  process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
  process.env.TEMPORAL_NAMESPACE = 'default';

  db = openDatabase(databasePath);
  await migrateToLatest(db);
  for (const customer of customers) await upsertCustomer(db, customer);
  for (const deployment of deployments) await upsertDeployment(db, deployment);
  ({ token } = await createApiToken(db, { name: 'monitoring', role: 'on-call' }));

  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection });
});

afterAll(async () => {
  // Nothing polls the production task queue here: end what this file started rather than leave it waiting.
  for (const workflowId of startedWorkflowIds) {
    await client.workflow.getHandle(workflowId).terminate('api test finished');
  }
  await connection?.close();
  await db?.destroy();
});

function request(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; auth?: string | null } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? `Bearer ${token}` : options.auth;
  if (auth !== null) headers.Authorization = auth;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return new Request(`${BASE}${path}`, { method, headers, body });
}

function routeParams(id: string) {
  return { params: Promise.resolve({ id }) };
}

async function countIncidents(): Promise<number> {
  const row = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

interface ErrorJson {
  error: { code: string; message: string; fieldErrors?: { path: string; message: string }[]; correlationId: string };
}

const validDeclaration = () => ({
  playbook: 'infrastructure-compromise',
  deploymentIds: [deployments[0]!.id],
  severity: 'critical',
  summary: 'Unexpected outbound traffic from the transfer hosts',
});

describe('authentication', () => {
  it('refuses a request without a token with 401 and a Bearer challenge', async () => {
    const response = await listIncidents(request('GET', '/incidents', { auth: null }));
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.correlationId).toBe(response.headers.get('X-Correlation-Id'));
  });

  it('refuses a wrong token with 401, and never echoes it', async () => {
    const wrong = 'fbk_this-is-not-a-token-we-issued-000000';
    const response = await declareIncident(request('POST', '/incidents', { auth: `Bearer ${wrong}`, body: validDeclaration() }));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(wrong);
    expect(await countIncidents()).toBe(0);
  });
});

describe('POST /incidents refuses bad requests and starts nothing', () => {
  it('answers 400 with field errors for an invalid body', async () => {
    const response = await declareIncident(
      request('POST', '/incidents', {
        body: { playbook: 'infrastructure-compromise', deploymentIds: [], severity: 'urgent', summary: ' ' },
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fieldErrors?.map((e) => e.path).sort()).toEqual(['deploymentIds', 'severity', 'summary']);
    expect(await countIncidents()).toBe(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await declareIncident(request('POST', '/incidents', { body: '{"playbook": ' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers 400 UNKNOWN_PLAYBOOK for a playbook that does not exist', async () => {
    const response = await declareIncident(request('POST', '/incidents', { body: { ...validDeclaration(), playbook: 'ransomware' } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('UNKNOWN_PLAYBOOK');
    expect(body.error.fieldErrors?.[0]?.path).toBe('playbook');
    expect(await countIncidents()).toBe(0);
  });

  it('answers 400 PLAYBOOK_NOT_AVAILABLE for every playbook that is not automated yet', async () => {
    // Playbooks become available one by one (the refusal itself is unit-tested against an injected table); the
    // body carries what every playbook needs, so only availability decides.
    const complete = {
      ...validDeclaration(),
      sourceAddress: '203.0.113.7',
      vulnerability: {
        reference: 'CVE-2025-0001',
        title: 'Path traversal in the transfer server',
        component: 'transfer server',
        discoveredAt: '2025-11-27T10:00:00Z',
        notExploitableBecause: 'the vulnerable code path is disabled in every deployment',
      },
    };
    for (const playbook of PLAYBOOK_IDS.filter((id) => !PLAYBOOKS[id].available)) {
      const response = await declareIncident(request('POST', '/incidents', { body: { ...complete, playbook } }));
      expect(response.status, playbook).toBe(400);
      const body = (await response.json()) as ErrorJson;
      expect(body.error.code).toBe('PLAYBOOK_NOT_AVAILABLE');
      expect(body.error.message).toContain('not automated yet');
    }
    expect(await countIncidents()).toBe(0);
  });

  it('answers 400 naming the field a playbook needs', async () => {
    const response = await declareIncident(
      request('POST', '/incidents', { body: { ...validDeclaration(), playbook: 'suspicious-activity', sourceAddress: '203.0.113.300' } }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fieldErrors?.map((e) => e.path)).toEqual(['sourceAddress']);
    expect(await countIncidents()).toBe(0);
  });

  it('answers 404 naming the deployment that does not exist', async () => {
    const response = await declareIncident(
      request('POST', '/incidents', { body: { ...validDeclaration(), deploymentIds: [deployments[0]!.id, 'no-such-deployment'] } }),
    );
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('no-such-deployment');
    expect(await countIncidents()).toBe(0);
  });

  it('answers 400 for an unusable Idempotency-Key', async () => {
    const response = await declareIncident(
      request('POST', '/incidents', { body: validDeclaration(), headers: { 'Idempotency-Key': 'k'.repeat(201) } }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.fieldErrors?.[0]?.path).toBe('Idempotency-Key');
    expect(await countIncidents()).toBe(0);
  });
});

describe('declaring an incident', () => {
  it('answers 201 with the incident and really starts its playbook workflow', async () => {
    const response = await declareIncident(request('POST', '/incidents', { body: validDeclaration() }));
    expect(response.status).toBe(201);
    const incident = (await response.json()) as Incident;
    startedWorkflowIds.add(incident.workflowId);
    expect(incident).toMatchObject({
      playbook: 'infrastructure-compromise',
      status: 'declared',
      severity: 'critical',
      deploymentIds: [deployments[0]!.id],
      customerIds: [customers[0]!.id],
      workflowId: incidentWorkflowId(incident.id),
      declaredBy: { kind: 'api-token', name: 'monitoring' },
    });
    expect(incident.id).toMatch(/^inc-[a-z0-9]{12}$/);
    expect(incident.steps.map((s) => [s.name, s.status])).toEqual(
      PLAYBOOKS['infrastructure-compromise'].stepNames.map((name) => [name, 'pending']),
    );

    const description = await client.workflow.getHandle(incident.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe(PLAYBOOK_WORKFLOW_TYPES['infrastructure-compromise']);
    expect(description.taskQueue).toBe(TASK_QUEUE);
    expect(description.searchAttributes[SEARCH_ATTRIBUTES.status]).toEqual(['declared']);
    expect(description.searchAttributes[SEARCH_ATTRIBUTES.deploymentIds]).toEqual([deployments[0]!.id]);

    // Nothing polls the production task queue in this file: the playbook cannot answer, and the read says so.
    const fetched = await getIncident(request('GET', `/incidents/${incident.id}`), routeParams(incident.id));
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toMatchObject({ id: incident.id, pendingDecisions: [], clocks: [], live: false });

    const timeline = await getTimeline(request('GET', `/incidents/${incident.id}/timeline`), routeParams(incident.id));
    expect(timeline.status).toBe(200);
    const { events } = (await timeline.json()) as { events: { summary: string }[] };
    expect(events[0]?.summary).toMatch(/^Incident declared/);
    // A page at a time: the cursor continues where the previous page ended; bad paging is refused, not ignored.
    type TimelinePage = { events: { id: string }[]; nextCursor: string | null };
    const all = events as unknown as { id: string }[];
    const timelinePage = async (query: string) =>
      getTimeline(request('GET', `/incidents/${incident.id}/timeline?${query}`), routeParams(incident.id));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await timelinePage(`limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()) as TimelinePage;
      expect(page.events).toHaveLength(1);
      walked.push(page.events[0]!.id);
      cursor = page.nextCursor;
    } while (cursor !== null && walked.length <= all.length);
    expect(walked).toEqual(all.map((e) => e.id));
    expect(((await (await timelinePage('limit=1000')).json()) as TimelinePage).nextCursor).toBeNull();
    for (const bad of ['limit=0', 'limit=1001', 'limit=ten', 'cursor=not-a-cursor']) {
      const refused = await timelinePage(bad);
      expect(refused.status, bad).toBe(400);
    }

    const list = await listIncidents(request('GET', '/incidents?limit=10'));
    const page = (await list.json()) as { incidents: Incident[] };
    expect(page.incidents.map((i) => i.id)).toContain(incident.id);
  });

  it('answers the same Idempotency-Key twice with one incident, one workflow and one row', async () => {
    const key = `retry-${suffix}`;
    const body = { ...validDeclaration(), deploymentIds: [deployments[1]!.id], severity: 'high' };
    const before = await countIncidents();

    const first = await declareIncident(request('POST', '/incidents', { body, headers: { 'Idempotency-Key': key } }));
    expect(first.status).toBe(201);
    const incident = (await first.json()) as Incident;
    startedWorkflowIds.add(incident.workflowId);
    const handle = client.workflow.getHandle(incident.workflowId);
    const firstRun = (await handle.describe()).runId;

    const repeat = await declareIncident(request('POST', '/incidents', { body, headers: { 'Idempotency-Key': key } }));
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await repeat.json()) as Incident).id).toBe(incident.id);

    expect(await countIncidents()).toBe(before + 1);
    expect((await findIdempotencyClaim(db, key))?.incidentId).toBe(incident.id);
    expect((await handle.describe()).runId).toBe(firstRun);
    const runs = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = '${incident.workflowId}'` })) runs.push(run.runId);
    expect(runs).toEqual([firstRun]);
    expect((await listTimeline(db, incident.id)).filter((e) => e.summary.startsWith('Incident declared'))).toHaveLength(1);

    const reused = await declareIncident(
      request('POST', '/incidents', { body: { ...body, summary: 'something else' }, headers: { 'Idempotency-Key': key } }),
    );
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as ErrorJson).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countIncidents()).toBe(before + 1);
  });

  it('answers 404 for an incident that does not exist', async () => {
    const response = await getIncident(request('GET', '/incidents/inc-000000000000'), routeParams('inc-000000000000'));
    expect(response.status).toBe(404);
    const close = await closeIncident(
      request('POST', '/incidents/inc-000000000000/close', { body: { reason: 'done' } }),
      routeParams('inc-000000000000'),
    );
    expect(close.status).toBe(404);
  });

  it('refuses to close without a reason, before asking the playbook', async () => {
    const [incident] = ((await (await listIncidents(request('GET', '/incidents?limit=1'))).json()) as { incidents: Incident[] }).incidents;
    const response = await closeIncident(
      request('POST', `/incidents/${incident!.id}/close`, { body: { reason: '  ' } }),
      routeParams(incident!.id),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.fieldErrors?.[0]?.path).toBe('reason');
  });
});

describe('directory and service endpoints', () => {
  it('lists deployments and customers with their contacts', async () => {
    const deploymentsResponse = await getDeployments(request('GET', '/deployments'));
    const { deployments: listed } = (await deploymentsResponse.json()) as { deployments: Deployment[] };
    expect(listed.find((d) => d.id === deployments[0]!.id)).toMatchObject({
      customerIds: [customers[0]!.id],
      tenancy: 'single',
      region: 'us-east-1',
      vpcId: 'vpc-0abc1234',
      subnetIds: ['subnet-0abc1111', 'subnet-0abc2222'],
    });

    const customersResponse = await getCustomers(request('GET', '/customers'));
    const { customers: listedCustomers } = (await customersResponse.json()) as { customers: Customer[] };
    const acme = listedCustomers.find((c) => c.id === customers[0]!.id);
    expect(acme?.contacts.map((c) => [c.email, c.role]).sort()).toEqual([
      ['ada@acme.example', 'designated-technical'],
      ['bo@acme.example', 'management'],
    ]);
  });

  it('reports health without a token', async () => {
    const response = await getHealth();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
  });

  it('serves an OpenAPI 3.1 document that describes every endpoint', async () => {
    const response = await getOpenApi();
    expect(response.status).toBe(200);
    const document = JSON.parse(await response.text()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/incidents',
        '/incidents/{id}',
        '/incidents/{id}/timeline',
        '/incidents/{id}/close',
        '/incidents/{id}/decisions',
        '/policy',
        '/policy/history',
        '/deployments',
        '/customers',
        '/health',
      ]),
    );
  });
});

describe('when the orchestrator is unreachable', () => {
  it('keeps the incident declared, answers 503, and starts that same incident when the request is repeated', async () => {
    const key = `outage-${suffix}`;
    const body = { ...validDeclaration(), summary: 'Declared while the orchestrator was down' };
    const before = await countIncidents();

    // A fresh module graph reads the configuration again: the console now points at a port nobody listens on.
    vi.resetModules();
    process.env.TEMPORAL_ADDRESS = `127.0.0.1:${await closedPort()}`;
    const down = await import('@firebreak/console/app/api/v1/incidents/route');
    const refused = await down.POST(request('POST', '/incidents', { body, headers: { 'Idempotency-Key': key } }));
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as ErrorJson).error.code).toBe('ORCHESTRATOR_UNAVAILABLE');
    const claim = await findIdempotencyClaim(db, key);
    expect(claim).toBeDefined();
    expect((await findIncident(db, claim!.incidentId))?.status).toBe('declared');

    vi.resetModules();
    process.env.TEMPORAL_ADDRESS = inject('temporalAddress');
    const up = await import('@firebreak/console/app/api/v1/incidents/route');
    const retried = await up.POST(request('POST', '/incidents', { body, headers: { 'Idempotency-Key': key } }));
    expect(retried.status).toBe(200);
    const incident = (await retried.json()) as Incident;
    expect(incident.id).toBe(claim!.incidentId);
    startedWorkflowIds.add(incident.workflowId);
    expect((await client.workflow.getHandle(incident.workflowId).describe()).status.name).toBe('RUNNING');
    expect(await countIncidents()).toBe(before + 1);
  });
});

/** A loopback port that was free a moment ago and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
