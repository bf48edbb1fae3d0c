import type { Contact, Customer, Deployment } from '@firebreak/domain';

/** One change a save makes to the directory, as the audit log records it: which fields, never their values. */
export interface DirectoryChange {
  entity: 'customer' | 'contact' | 'deployment';
  change: 'created' | 'updated' | 'removed';
  id: string;
  /** The customer a contact belongs to. */
  customerId?: string;
  /** For an update: the fields whose values changed. */
  fields?: string[];
}

interface DirectoryState {
  customers: Customer[];
  deployments: Deployment[];
}

/**
 * What saving `saved` over `before` changes. Customers and deployments absent from `saved` are kept as they are;
 * contacts absent from a saved customer are removed (retired).
 */
export function directoryChanges(before: DirectoryState, saved: DirectoryState): DirectoryChange[] {
  const changes: DirectoryChange[] = [];
  const customersBefore = new Map(before.customers.map((c) => [c.id, c]));
  for (const customer of saved.customers) {
    const previous = customersBefore.get(customer.id);
    changes.push(...changed('customer', customer.id, previous && withoutContacts(previous), withoutContacts(customer)));
    changes.push(...contactChanges(customer, previous?.contacts ?? []));
  }
  const deploymentsBefore = new Map(before.deployments.map((d) => [d.id, d]));
  for (const deployment of saved.deployments) {
    const previous = deploymentsBefore.get(deployment.id);
    changes.push(...changed('deployment', deployment.id, previous && comparable(previous), comparable(deployment)));
  }
  return changes;
}

function withoutContacts({ contacts: _contacts, ...customer }: Customer): Omit<Customer, 'contacts'> {
  return customer;
}

// The database lists a deployment's customers by id: another order is not a change.
function comparable(deployment: Deployment): Deployment {
  return { ...deployment, customerIds: [...deployment.customerIds].sort() };
}

function contactChanges(customer: Customer, before: Contact[]): DirectoryChange[] {
  const previous = new Map(before.map((k) => [k.id, k]));
  const kept = new Set(customer.contacts.map((k) => k.id));
  return [
    ...customer.contacts.flatMap((k) => changed('contact', k.id, previous.get(k.id), k).map((c) => ({ ...c, customerId: customer.id }))),
    ...before
      .filter((k) => !kept.has(k.id))
      .map((k) => ({ entity: 'contact' as const, change: 'removed' as const, id: k.id, customerId: customer.id })),
  ];
}

function changed(entity: DirectoryChange['entity'], id: string, before: object | undefined, after: object): DirectoryChange[] {
  if (!before) return [{ entity, change: 'created', id }];
  const fields = differingFields(before as Record<string, unknown>, after as Record<string, unknown>);
  return fields.length > 0 ? [{ entity, change: 'updated', id, fields }] : [];
}

function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}
