import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createApiToken, findContact, listCustomers, migrateToLatest, openDatabase, type FirebreakDb } from '@firebreak/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
// The console reads its configuration on first use: imported before process.env points at this file's database.
import { GET as getCustomers, PATCH as patchCustomer, POST as postCustomer } from '../../apps/console/app/api/v1/customers/route';
import { GET as exportYaml, PUT as importYaml } from '../../apps/console/app/api/v1/directory.yaml/route';

const suffix = randomBytes(3).toString('hex');
let db: FirebreakDb;
let admin: string;
let onCall: string;

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
    expect((await postCustomer(call('POST', '/customers', onCall, JSON.stringify(customer)))).status).toBe(403);
    const created = await postCustomer(call('POST', '/customers', admin, JSON.stringify(customer)));
    expect(created.status).toBe(201);
    expect((await postCustomer(call('POST', '/customers', admin, JSON.stringify(customer)))).status).toBe(400);
    const invalid = await postCustomer(call('POST', '/customers', admin, JSON.stringify({ ...customer, id: 'x2', contacts: [{ ...customer.contacts[0], email: 'nope' }] })));
    expect(invalid.status).toBe(400);

    const patched = await patchCustomer(call('PATCH', '/customers', admin, JSON.stringify({ id: customer.id, contacts: [customer.contacts[0]] })));
    expect(patched.status).toBe(200);
    const listed = (await (await getCustomers(call('GET', '/customers', onCall))).json()) as { customers: { id: string; contacts: { id: string }[] }[] };
    expect(listed.customers.find((c) => c.id === customer.id)!.contacts.map((c) => c.id)).toEqual([customer.contacts[0]!.id]);
    // Retired, not deleted: notices already sent keep their recipient.
    expect(await findContact(db, customer.contacts[1]!.id)).toMatchObject({ email: 'bob@umbrella.example' });
    expect((await patchCustomer(call('PATCH', '/customers', admin, JSON.stringify({ id: `nobody-${suffix}` })))).status).toBe(404);
  });

  it('exports the directory as YAML and imports it back; a bad line is named and nothing is saved', async () => {
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
    const broken = renamed.replace('email: ana@umbrella.example', 'email: ana-at-umbrella').replace('Umbrella Transfers Ltd', 'Umbrella Renamed');
    const refused = await importYaml(call('PUT', '/directory.yaml', admin, broken, 'application/yaml'));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { message: string } };
    expect(JSON.stringify(body)).toContain(`line ${badLine}`);
    expect((await listCustomers(db)).find((c) => c.id === customer.id)!.name).toBe('Umbrella Transfers Ltd');
  });
});
