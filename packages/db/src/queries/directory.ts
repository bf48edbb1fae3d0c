import type { Contact, Customer, Deployment } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';

/**
 * Writes a customer and its current contacts. Contacts missing from the new list are retired (removed_at set),
 * never deleted, so notices already sent to them keep their recipient.
 */
export async function upsertCustomer(db: FirebreakDb, customer: Customer, now = new Date().toISOString()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('customers')
      .values({ id: customer.id, name: customer.name, tenancy: customer.tenancy, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: customer.name, tenancy: customer.tenancy }))
      .execute();
    for (const contact of customer.contacts) {
      await trx
        .insertInto('contacts')
        .values({ ...contactRow(contact), customer_id: customer.id, removed_at: null })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...contactRow(contact), customer_id: customer.id, removed_at: null }))
        .execute();
    }
    const keep = customer.contacts.map((c) => c.id);
    let retire = trx
      .updateTable('contacts')
      .set({ removed_at: now })
      .where('customer_id', '=', customer.id)
      .where('removed_at', 'is', null);
    if (keep.length > 0) retire = retire.where('id', 'not in', keep);
    await retire.execute();
  });
}

function contactRow(contact: Contact) {
  return { id: contact.id, name: contact.name, email: contact.email, role: contact.role };
}

export async function upsertDeployment(db: FirebreakDb, deployment: Deployment, now = new Date().toISOString()): Promise<void> {
  const row = {
    name: deployment.name,
    tenancy: deployment.tenancy,
    region: deployment.region,
    vpc_id: deployment.vpcId,
    subnet_ids: JSON.stringify(deployment.subnetIds),
    application_kind: deployment.applicationKind,
    instance_tag: deployment.instanceTag,
    application_host_cidr: deployment.applicationHostCidr ?? null,
    allow_listed_sources: JSON.stringify(deployment.allowListedSources ?? []),
    known_good_image_id: deployment.knownGoodImageId ?? null,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deployments')
      .values({ id: deployment.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await trx.deleteFrom('deployment_customers').where('deployment_id', '=', deployment.id).execute();
    await trx
      .insertInto('deployment_customers')
      .values(deployment.customerIds.map((customer_id) => ({ deployment_id: deployment.id, customer_id })))
      .execute();
  });
}

export async function listCustomers(db: FirebreakDb): Promise<Customer[]> {
  const customers = await db.selectFrom('customers').selectAll().orderBy('name').execute();
  const contacts = await db.selectFrom('contacts').selectAll().where('removed_at', 'is', null).orderBy('name').execute();
  return customers.map((c) => ({
    id: c.id,
    name: c.name,
    tenancy: c.tenancy,
    contacts: contacts.filter((k) => k.customer_id === c.id).map((k) => ({ id: k.id, name: k.name, email: k.email, role: k.role })),
  }));
}

export async function listDeployments(db: FirebreakDb): Promise<Deployment[]> {
  return findDeployments(db, undefined);
}

/** The deployments with these ids, in no particular order; unknown ids are simply absent. */
export async function findDeploymentsByIds(db: FirebreakDb, ids: readonly string[]): Promise<Deployment[]> {
  if (ids.length === 0) return [];
  return findDeployments(db, ids);
}

async function findDeployments(db: FirebreakDb, ids: readonly string[] | undefined): Promise<Deployment[]> {
  let query = db.selectFrom('deployments').selectAll().orderBy('name');
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('deployment_customers')
    .selectAll()
    .where(
      'deployment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('customer_id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    tenancy: r.tenancy,
    customerIds: links.filter((l) => l.deployment_id === r.id).map((l) => l.customer_id),
    region: r.region,
    vpcId: r.vpc_id,
    subnetIds: JSON.parse(r.subnet_ids) as string[],
    applicationKind: r.application_kind,
    instanceTag: r.instance_tag,
    allowListedSources: JSON.parse(r.allow_listed_sources) as string[],
    ...(r.application_host_cidr ? { applicationHostCidr: r.application_host_cidr } : {}),
    ...(r.known_good_image_id ? { knownGoodImageId: r.known_good_image_id } : {}),
  }));
}

export interface NoticeRecipient extends Contact {
  customerId: string;
  customerName: string;
}

/** Current designated technical contacts of these customers: the people every incident notice goes to. */
export async function listDesignatedContacts(db: FirebreakDb, customerIds: readonly string[]): Promise<NoticeRecipient[]> {
  return listNoticeRecipients(db, customerIds, ['designated-technical']);
}

/** Current contacts of these customers with one of these roles (risk communication also goes to management). */
export async function listNoticeRecipients(
  db: FirebreakDb,
  customerIds: readonly string[],
  roles: readonly Contact['role'][],
): Promise<NoticeRecipient[]> {
  if (customerIds.length === 0 || roles.length === 0) return [];
  const rows = await recipients(db)
    .where('contacts.customer_id', 'in', customerIds)
    .where('contacts.role', 'in', roles)
    .where('contacts.removed_at', 'is', null)
    .orderBy('contacts.customer_id')
    .orderBy('contacts.id')
    .execute();
  return rows.map(toRecipient);
}

/** One contact by id, retired or not: a notice must still reach the address it was written for. */
export async function findContact(db: FirebreakDb, contactId: string): Promise<NoticeRecipient | undefined> {
  const row = await recipients(db).where('contacts.id', '=', contactId).executeTakeFirst();
  return row && toRecipient(row);
}

function recipients(db: FirebreakDb) {
  return db
    .selectFrom('contacts')
    .innerJoin('customers', 'customers.id', 'contacts.customer_id')
    .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.role', 'contacts.customer_id', 'customers.name as customer_name']);
}

function toRecipient(r: {
  id: string;
  name: string;
  email: string;
  role: Contact['role'];
  customer_id: string;
  customer_name: string;
}): NoticeRecipient {
  return { id: r.id, name: r.name, email: r.email, role: r.role, customerId: r.customer_id, customerName: r.customer_name };
}
