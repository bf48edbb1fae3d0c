import type { CustomerNoticeRecord } from '@firebreak/db';
import { FirebreakError } from '@firebreak/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { NoticeFailure } from '@/components/notice-failure';
import { noticeMessageHref } from '@/components/notice-message-href';
import { UtcTime } from '@/components/utc-time';
import { can } from '@/server/auth/permissions';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { type CustomerNotices, listCustomerNotices } from '@/server/notices/list-customer-notices';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Customer ${(await params).id}` };
}

/** Every notice the customer's contacts received, across incidents, per contact (the same as the API's notices route). */
export default async function CustomerPage({ params }: Props) {
  const caller = await requirePageActor('incidents:read');
  const { id } = await params;
  const { customer, notices } = await findOrNotFound(() => listCustomerNotices(caller, id));
  const contacts = groupByContact(notices);
  return (
    <>
      <p className="muted">
        {can(caller.role, 'directory:read') && (
          <>
            <a href="/directory">Directory</a> ·{' '}
          </>
        )}
        <span className="mono">{customer.id}</span> · {customer.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant'}
      </p>
      <h1>{customer.name}</h1>
      <h2>Notices received</h2>
      {contacts.length === 0 && <p className="empty">No notice has been sent to this customer.</p>}
      {contacts.map(([contactId, rows]) => {
        const first = rows[0]!;
        return (
          <section key={contactId} aria-labelledby={`contact-${contactId}`}>
            <h3 id={`contact-${contactId}`}>
              {first.contactName} <span className="mono muted">{first.recipientEmail}</span>
              {first.contactRetiredAt && (
                <span className="muted">
                  {' '}
                  (retired <UtcTime iso={first.contactRetiredAt} />)
                </span>
              )}
            </h3>
            <div className="table-scroll">
              <table className="notices">
                <thead>
                  <tr>
                    <th scope="col">Incident</th>
                    <th scope="col">Notice</th>
                    <th scope="col">Sent</th>
                    <th scope="col">Delivered</th>
                    <th scope="col">Failed</th>
                    <th scope="col">Acknowledged</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((n) => (
                    <tr key={`${n.incidentId}-${n.kind}-${n.revision}`}>
                      <td>
                        <a className="mono" href={`/incidents/${n.incidentId}`}>
                          {n.incidentId}
                        </a>
                        <div className="muted">{n.incidentSummary}</div>
                      </td>
                      <td>
                        {n.kind}
                        {n.revision > 1 && <span className="muted"> (rev. {n.revision})</span>}
                      </td>
                      <td>
                        <UtcTime iso={n.queuedAt} />
                      </td>
                      <td>{n.deliveredAt ? <UtcTime iso={n.deliveredAt} /> : n.status === 'pending' ? 'sending…' : '—'}</td>
                      <td>
                        <NoticeFailure notice={n} />
                      </td>
                      <td>{n.acknowledgedAt ? <UtcTime iso={n.acknowledgedAt} /> : '—'}</td>
                      <td>
                        <a href={noticeMessageHref(n)}>{n.subject}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}

function groupByContact(notices: CustomerNoticeRecord[]): [string, CustomerNoticeRecord[]][] {
  const groups = new Map<string, CustomerNoticeRecord[]>();
  for (const n of notices) groups.set(n.contactId, [...(groups.get(n.contactId) ?? []), n]);
  return [...groups];
}

async function findOrNotFound(load: () => Promise<CustomerNotices>): Promise<CustomerNotices> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
