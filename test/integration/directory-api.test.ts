import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// The console reads its configuration on first use: imported before process.env points at this file's database.
import { GET as getCustomers, PATCH as patchCustomer, POST as postCustomer } from '@firebreak/console/app/api/v1/customers/route';
import { GET as exportYaml, PUT as importYaml } from '@firebreak/console/app/api/v1/directory.yaml/route';
import { requireActor } from '@firebreak/console/server/auth/require-actor';
import { importDirectory } from '@firebreak/console/server/directory/save-directory';
import {
  type AuditEntry,
  createApiToken,
  findContact,
  type FirebreakDb,
  listAuditEntries,
  listCustomers,
  migrateToLatest,
  openDatabase,
} from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const suffix = randomBytes(3).toString('hex');
let db: FirebreakDb;
let admin: string;
let onCall: string;

/** The audit entries recorded since `afterSeq`, oldest first. */
async function auditSince(afterSeq: number): Promise<AuditEntry[]> {
  return (await listAuditEntries(db, { limit: 500 })).filter((e) => e.seq > afterSeq).reverse();
}

async function lastSeq(): Promise<number> {
  return (await listAuditEntries(db, { limit: 1 }))[0]?.seq ?? 0;
}

function call(method: string, path: string, token: string, body?: string, type = 'application/json') {
  return new Request(`http://console.test/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': type } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
}

const customer = {
  id: `umbrella-${suffix}`,
  name: 'Umbrella Transfers',
  tenancy: 'single',
  contacts: [
    { id: `umbrella-${suffix}-ana`, name: 'Ana Tech', email: 'ana@umbrella.example', role: 'designated-technical' },
    { id: `umbrella-${suffix}-bob`, name: 'Bob Boss', email: 'bob@umbrella.example', role: 'management' },
  ],
};

describe('customer directory API and YAML import/export', () => {
  beforeAll(async () => {
    const databasePath = join(inject('scratchDir'), `directory-api-${suffix}.db`);
    process.env.FIREBREAK_DATABASE_PATH = databasePath;
    db = openDatabase(databasePath);
    await migrateToLatest(db);
    ({ token: admin } = await createApiToken(db, { name: 'admin', role: 'administrator' }));
    ({ token: onCall } = await createApiToken(db, { name: 'on-call', role: 'on-call' }));
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('adds and changes customers as an administrator; removing a contact retires it', async () => {
    const start = await lastSeq();
    expect((await postCustomer(call('POST', '/customers', onCall, JSON.stringify(customer)))).status).toBe(403);
    const created = await postCustomer(call('POST', '/customers', admin, JSON.stringify(customer)));
    expect(created.status).toBe(201);
    expect((await postCustomer(call('POST', '/customers', admin, JSON.stringify(customer)))).status).toBe(400);
    const invalid = await postCustomer(
      call('POST', '/customers', admin, JSON.stringify({ ...customer, id: 'x2', contacts: [{ ...customer.contacts[0], email: 'nope' }] })),
    );
    expect(invalid.status).toBe(400);

    const patched = await patchCustomer(
      call('PATCH', '/customers', admin, JSON.stringify({ id: customer.id, contacts: [customer.contacts[0]] })),
    );
    expect(patched.status).toBe(200);
    const listed = (await (await getCustomers(call('GET', '/customers', onCall))).json()) as {
      customers: { id: string; contacts: { id: string }[] }[];
    };
    expect(listed.customers.find((c) => c.id === customer.id)!.contacts.map((c) => c.id)).toEqual([customer.contacts[0]!.id]);
    // Retired, not deleted: notices already sent keep their recipient.
    expect(await findContact(db, customer.contacts[1]!.id)).toMatchObject({ email: 'bob@umbrella.example' });
    expect((await patchCustomer(call('PATCH', '/customers', admin, JSON.stringify({ id: `nobody-${suffix}` })))).status).toBe(404);

    // Each change is audited with the token as actor, naming what changed and never the values.
    const changes = (await auditSince(start)).filter((e) => e.eventType.startsWith('directory.'));
    expect(changes.map((e) => [e.eventType, e.details])).toEqual([
      ['directory.customer.created', { customerId: customer.id, channel: 'api' }],
      ['directory.contact.created', { contactId: customer.contacts[0]!.id, customerId: customer.id, channel: 'api' }],
      ['directory.contact.created', { contactId: customer.contacts[1]!.id, customerId: customer.id, channel: 'api' }],
      ['directory.contact.removed', { contactId: customer.contacts[1]!.id, customerId: customer.id, channel: 'api' }],
    ]);
    expect(changes.every((e) => e.actor.kind === 'api-token' && e.actor.name === 'admin')).toBe(true);
    expect(JSON.stringify(changes)).not.toContain('@umbrella.example');
  });

  it('exports the directory as YAML and imports it back; a bad line is named and nothing is saved', async () => {
    const start = await lastSeq();
    const exported = await exportYaml(call('GET', '/directory.yaml', onCall));
    expect(exported.headers.get('content-type')).toContain('application/yaml');
    const yaml = await exported.text();
    expect(yaml).toContain(`id: ${customer.id}`);

    const renamed = yaml.replace('name: Umbrella Transfers', 'name: Umbrella Transfers Ltd');
    expect((await importYaml(call('PUT', '/directory.yaml', onCall, renamed, 'application/yaml'))).status).toBe(403);
    const imported = await importYaml(call('PUT', '/directory.yaml', admin, renamed, 'application/yaml'));
    expect(imported.status).toBe(200);
    expect((await listCustomers(db)).find((c) => c.id === customer.id)!.name).toBe('Umbrella Transfers Ltd');

    const lines = renamed.split('\n');
    const badLine = lines.findIndex((l) => l.includes('email: ana@umbrella.example')) + 1;
    const broken = renamed
      .replace('email: ana@umbrella.example', 'email: ana-at-umbrella')
      .replace('Umbrella Transfers Ltd', 'Umbrella Renamed');
    const refused = await importYaml(call('PUT', '/directory.yaml', admin, broken, 'application/yaml'));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { message: string } };
    expect(JSON.stringify(body)).toContain(`line ${badLine}`);
    expect((await listCustomers(db)).find((c) => c.id === customer.id)!.name).toBe('Umbrella Transfers Ltd');

    const audited = (await auditSince(start)).filter((e) => e.eventType.startsWith('directory.'));
    expect(audited.map((e) => e.eventType)).toEqual([
      'directory.exported',
      'directory.customer.updated',
      'directory.imported',
      'directory.import-refused',
    ]);
    expect(audited[0]).toMatchObject({ actor: { kind: 'api-token', name: 'on-call' }, details: { channel: 'api' } });
    expect(audited[1]!.details).toEqual({ customerId: customer.id, fields: ['name'], channel: 'api' });
    expect(audited[2]!.details).toMatchObject({ changes: 1, channel: 'api' });
    expect(audited[3]).toMatchObject({ severity: 'warning', details: { problems: 1, firstProblemLine: badLine } });
  });

  it('audits an import through the console the same way, one entry per change', async () => {
    const caller = await requireActor(call('GET', '/directory.yaml', admin), 'directory:write');
    const start = await lastSeq();
    const deploymentId = `umbrella-${suffix}-prod`;
    const ana = customer.contacts[0]!;
    // The customer as it stands (no change to record), and a deployment of it that is new.
    const yaml = [
      'customers:',
      `  - id: ${customer.id}`,
      '    name: Umbrella Transfers Ltd',
      '    tenancy: single',
      '    contacts:',
      `      - { id: ${ana.id}, name: ${ana.name}, email: ${ana.email}, role: ${ana.role} }`,
      'deployments:',
      `  - id: ${deploymentId}`,
      '    name: Umbrella production',
      '    tenancy: single',
      `    customerIds: [${customer.id}]`,
      '    region: eu-west-1',
      '    vpcId: vpc-0abc',
      '    subnetIds: [subnet-0abc]',
      '    applicationKind: faspex',
      `    instanceTag: ${deploymentId}`,
      '',
    ].join('\n');
    expect(await importDirectory({ caller, channel: 'console' }, yaml)).toEqual({ customers: 1, deployments: 1, changes: 1 });
    expect(await importDirectory({ caller, channel: 'console' }, yaml.replace('eu-west-1', 'eu-west-2'))).toMatchObject({ changes: 1 });
    const audited = (await auditSince(start)).filter((e) => e.eventType.startsWith('directory.'));
    expect(audited.map((e) => [e.eventType, e.details])).toEqual([
      ['directory.deployment.created', { deploymentId, channel: 'console' }],
      ['directory.imported', { customers: 1, deployments: 1, changes: 1, channel: 'console' }],
      ['directory.deployment.updated', { deploymentId, fields: ['region'], channel: 'console' }],
      ['directory.imported', { customers: 1, deployments: 1, changes: 1, channel: 'console' }],
    ]);
  });
});
