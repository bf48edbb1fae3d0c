import { FirebreakError } from '@firebreak/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { requirePageActor } from '@/server/auth/require-page-actor';
import { getNoticeMessage, type NoticeMessage } from '@/server/notices/get-notice-message';

export const metadata: Metadata = { title: 'Notice' };

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** One notice as its contact received it (without their personal link), reached from the notices tables. */
export default async function NoticeMessagePage({ params, searchParams }: Props) {
  const caller = await requirePageActor('incidents:read');
  const { id } = await params;
  const query = await searchParams;
  const message = await findOrNotFound(() =>
    getNoticeMessage(caller, { incidentId: id, kind: query.kind, contactId: query.contact, revision: query.revision }),
  );
  return (
    <article aria-labelledby="notice-subject">
      <p className="muted">
        <a href={`/incidents/${message.incidentId}`}>Incident {message.incidentId}</a> · {message.kind}
        {message.revision > 1 && ` (rev. ${message.revision})`}
      </p>
      <h1 id="notice-subject">{message.subject}</h1>
      <dl className="facts">
        <dt>To</dt>
        <dd>
          {message.contactName} <span className="mono">&lt;{message.recipientEmail}&gt;</span>
        </dd>
        {message.customerId && (
          <>
            <dt>Customer</dt>
            <dd>
              <a href={`/customers/${message.customerId}`}>{message.customerName}</a>
            </dd>
          </>
        )}
      </dl>
      {message.text ? <pre className="notice-text">{message.text}</pre> : <p className="empty">The text of this notice was not kept.</p>}
    </article>
  );
}

async function findOrNotFound(load: () => Promise<NoticeMessage>): Promise<NoticeMessage> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
