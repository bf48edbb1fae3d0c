import { listCustomers, listDeployments, upsertCustomer, upsertDeployment } from '@firebreak/db';
import { Contact, Customer, FirebreakError } from '@firebreak/domain';
import { z } from 'zod';
import { toFieldErrors } from '../api/field-errors';
import { getDatabase } from '../database';
import { type DirectoryDocument, type DirectoryProblem, directoryToYaml, parseDirectoryYaml } from './directory-document';

/** A customer the directory does not have yet. */
export async function createCustomer(body: unknown): Promise<Customer> {
  const customer = parse(Customer, body);
  const existing = await listCustomers(await getDatabase());
  if (existing.some((c) => c.id === customer.id)) {
    throw new FirebreakError('VALIDATION_FAILED', `Customer ${customer.id} exists already: change it with PATCH.`, [
      { path: 'id', message: 'already in the directory' },
    ]);
  }
  await saveCustomers([customer], existing);
  return customer;
}

/** What a PATCH may change; a new contact list replaces the old one, and contacts left out are retired. */
export const CustomerPatch = z
  .object({ id: Customer.shape.id, name: Customer.shape.name.optional(), tenancy: Customer.shape.tenancy.optional(), contacts: z.array(Contact).optional() })
  .strict();

export async function updateCustomer(body: unknown): Promise<Customer> {
  const patch = parse(CustomerPatch, body);
  const existing = await listCustomers(await getDatabase());
  const current = existing.find((c) => c.id === patch.id);
  if (!current) throw new FirebreakError('NOT_FOUND', `No customer with id ${JSON.stringify(patch.id)}.`);
  const customer = Customer.parse({ ...current, ...patch });
  await saveCustomers([customer], existing);
  return customer;
}

/** Replaces what the document names; customers and deployments it leaves out are kept as they are. */
export async function importDirectory(text: string): Promise<{ customers: number; deployments: number }> {
  const parsed = parseDirectoryYaml(text);
  if (!parsed.ok) throw new FirebreakError('VALIDATION_FAILED', describeProblems(parsed.problems), problemsAsFields(parsed.problems));
  const db = await getDatabase();
  await saveCustomers(parsed.directory.customers, await listCustomers(db));
  for (const deployment of parsed.directory.deployments) await upsertDeployment(db, deployment);
  return { customers: parsed.directory.customers.length, deployments: parsed.directory.deployments.length };
}

export async function exportDirectory(): Promise<string> {
  const db = await getDatabase();
  const directory: DirectoryDocument = { customers: await listCustomers(db), deployments: await listDeployments(db) };
  return directoryToYaml(directory);
}

// A contact id belongs to one customer: taking another customer's contact would move their notices' recipient.
async function saveCustomers(customers: Customer[], existing: Customer[]): Promise<void> {
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
  const db = await getDatabase();
  for (const customer of customers) await upsertCustomer(db, customer);
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
