import type { ContactRole } from '@firebreak/domain';

import { DataTable } from '@/components/data-table';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listCustomers } from '@/server/directory/list-customers';
import { listDeployments } from '@/server/directory/list-deployments';

export const metadata = { title: 'Directory' };

const ROLE_LABELS: Record<ContactRole, string> = {
  'designated-technical': 'Designated technical contact',
  management: 'Management',
  other: 'Other',
};

export default async function DirectoryPage() {
  const caller = await requirePageActor('directory:read');
  const [deployments, customers] = await Promise.all([listDeployments(caller), listCustomers(caller)]);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));

  return (
    <>
      <h1>Directory</h1>
      <section aria-labelledby="deployments-heading">
        <h2 id="deployments-heading">Deployments</h2>
        <DataTable
          rows={deployments}
          rowKey={(d) => d.id}
          empty="No deployments yet."
          columns={[
            {
              header: 'Deployment',
              cell: (d) => (
                <>
                  {d.name}
                  <div className="mono muted">{d.id}</div>
                </>
              ),
            },
            { header: 'Tenancy', cell: (d) => (d.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant') },
            {
              header: 'Customers',
              cell: (d) =>
                d.customerIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <a href={`/customers/${id}`}>{customerNames.get(id) ?? id}</a>
                  </span>
                )),
            },
            { header: 'Region', cell: (d) => d.region, className: 'mono' },
            { header: 'VPC', cell: (d) => d.vpcId, className: 'mono' },
            { header: 'Subnets', cell: (d) => d.subnetIds.join(', '), className: 'mono' },
          ]}
        />
      </section>

      <section aria-labelledby="customers-heading">
        <h2 id="customers-heading">Customers</h2>
        {customers.length === 0 && <p className="empty">No customers yet.</p>}
        <div className="cards">
          {customers.map((customer) => (
            <article className="card" key={customer.id} aria-labelledby={`customer-${customer.id}`}>
              <h3 id={`customer-${customer.id}`}>
                <a href={`/customers/${customer.id}`}>{customer.name}</a>
              </h3>
              <p className="muted">
                <span className="mono">{customer.id}</span> · {customer.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant'}
              </p>
              {customer.contacts.length === 0 ? (
                <p className="field-error">No contacts: this customer cannot be notified.</p>
              ) : (
                <ul className="contacts">
                  {customer.contacts.map((contact) => (
                    <li key={contact.id}>
                      <strong>{contact.name}</strong> <a href={`mailto:${contact.email}`}>{contact.email}</a>
                      <div className="muted">{ROLE_LABELS[contact.role]}</div>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </div>
      </section>
    </>
  );
}
