import { listCustomers, listDeployments, upsertCustomer, upsertDeployment } from '@firebreak/db';
import { Customer, FirebreakError } from '@firebreak/domain';
import { type z } from 'zod';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { CustomerPatch } from './customer-patch';
import { type DirectoryChange, directoryChanges } from './directory-changes';
import { type DirectoryDocument, type DirectoryProblem, directoryToYaml, parseDirectoryYaml } from './directory-document';

/** Who changes or reads the directory, and through what: every change is audited with both. */
export interface DirectoryCall {
  caller: Caller;
  channel: 'api' | 'console';
}

/** A customer the directory does not have yet (administrators). */
export async function createCustomer(call: DirectoryCall, body: unknown): Promise<Customer> {
  assertPermitted(call.caller.role, 'directory:write');
  const customer = parse(Customer, body);
  const existing = await listCustomers(await getDatabase());
  if (existing.some((c) => c.id === customer.id)) {
    throw new FirebreakError('VALIDATION_FAILED', `Customer ${customer.id} exists already: change it with PATCH.`, [
      { path: 'id', message: 'already in the directory' },
    ]);
  }
  await saveCustomers(call, [customer], existing);
  return customer;
}

export async function updateCustomer(call: DirectoryCall, body: unknown): Promise<Customer> {
  assertPermitted(call.caller.role, 'directory:write');
  const patch = parse(CustomerPatch, body);
  const existing = await listCustomers(await getDatabase());
  const current = existing.find((c) => c.id === patch.id);
  if (!current) throw new FirebreakError('NOT_FOUND', `No customer with id ${JSON.stringify(patch.id)}.`);
  const customer = Customer.parse({ ...current, ...patch });
  await saveCustomers(call, [customer], existing);
  return customer;
}

/** Replaces what the document names; customers and deployments it leaves out are kept as they are. */
export async function importDirectory(
  call: DirectoryCall,
  text: string,
): Promise<{ customers: number; deployments: number; changes: number }> {
  assertPermitted(call.caller.role, 'directory:write');
  const parsed = parseDirectoryYaml(text);
  if (!parsed.ok) {
    await audit(call, 'warning', 'directory.import-refused', {
      problems: parsed.problems.length,
      firstProblemLine: parsed.problems[0]?.line,
    });
    throw new FirebreakError('VALIDATION_FAILED', describeProblems(parsed.problems), problemsAsFields(parsed.problems));
  }
  const db = await getDatabase();
  const { customers, deployments } = parsed.directory;
  const before = { customers: await listCustomers(db), deployments: await listDeployments(db) };
  assertContactOwners(customers, before.customers);
  for (const customer of customers) await upsertCustomer(db, customer);
  for (const deployment of deployments) await upsertDeployment(db, deployment);
  const changes = directoryChanges(before, { customers, deployments });
  await auditChanges(call, changes);
  await audit(call, 'notice', 'directory.imported', {
    customers: customers.length,
    deployments: deployments.length,
    changes: changes.length,
  });
  return { customers: customers.length, deployments: deployments.length, changes: changes.length };
}

/** The whole directory as YAML (whoever may read the directory); each export is audited. */
export async function exportDirectory(call: DirectoryCall): Promise<string> {
  assertPermitted(call.caller.role, 'directory:read');
  const db = await getDatabase();
  const directory: DirectoryDocument = { customers: await listCustomers(db), deployments: await listDeployments(db) };
  await audit(call, 'info', 'directory.exported', { customers: directory.customers.length, deployments: directory.deployments.length });
  return directoryToYaml(directory);
}

async function saveCustomers(call: DirectoryCall, customers: Customer[], existing: Customer[]): Promise<void> {
  assertContactOwners(customers, existing);
  const db = await getDatabase();
  for (const customer of customers) await upsertCustomer(db, customer);
  await auditChanges(call, directoryChanges({ customers: existing, deployments: [] }, { customers, deployments: [] }));
}

// A contact id belongs to one customer: taking another customer's contact would move their notices' recipient.
function assertContactOwners(customers: Customer[], existing: Customer[]): void {
  const owner = new Map(existing.flatMap((c) => c.contacts.map((k) => [k.id, c.id] as const)));
  for (const customer of customers) {
    for (const contact of customer.contacts) {
      const current = owner.get(contact.id);
      if (current && current !== customer.id) {
        throw new FirebreakError('VALIDATION_FAILED', `Contact ${contact.id} belongs to customer ${current}.`, [
          { path: 'contacts', message: `contact ${contact.id} belongs to customer ${current}` },
        ]);
      }
    }
  }
}

/** One audit entry per change: `directory.customer.created`, `directory.contact.removed`, ... */
async function auditChanges(call: DirectoryCall, changes: DirectoryChange[]): Promise<void> {
  for (const { entity, change, id, ...details } of changes) {
    await audit(call, change === 'removed' ? 'warning' : 'notice', `directory.${entity}.${change}`, { [`${entity}Id`]: id, ...details });
  }
}

async function audit(
  call: DirectoryCall,
  severity: 'info' | 'notice' | 'warning',
  eventType: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit({
    severity,
    eventType,
    actor: call.caller.actor,
    sourceAddress: call.caller.sourceAddress,
    details: { ...details, channel: call.channel },
  });
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new FirebreakError('VALIDATION_FAILED', 'The customer is not valid.', toFieldErrors(result.error));
  return result.data;
}

function describeProblems(problems: DirectoryProblem[]): string {
  return `The directory is not valid: ${problems.map((p) => `line ${p.line}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('; ')}`;
}

function problemsAsFields(problems: DirectoryProblem[]) {
  return problems.map((p) => ({ path: `line ${p.line}${p.path ? ` ${p.path}` : ''}`, message: p.message }));
}
