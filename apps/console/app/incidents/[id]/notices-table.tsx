import { NoticeFailure } from '@/components/notice-failure';
import { noticeMessageHref } from '@/components/notice-message-href';
import { UtcTime } from '@/components/utc-time';
import type { IncidentNoticeRow } from '@/server/notices/list-incident-notice-page';

import { RevokeLinkForm } from './revoke-link-form';

const LINK_STATES: Record<NonNullable<IncidentNoticeRow['link']>, string> = {
  issued: 'issued',
  used: 'used',
  revoked: 'withdrawn',
};

interface Props {
  incidentId: string;
  notices: IncidentNoticeRow[];
  /** On-call engineers and administrators may withdraw a contact's link. */
  canRevoke: boolean;
}

/** Per contact: each notice, whether it was delivered, failed or acknowledged, its link, and a link to the message. */
export function NoticesTable({ incidentId, notices, canRevoke }: Props) {
  if (notices.length === 0) return <p className="muted">No notices sent yet.</p>;
  return (
    <div className="table-scroll">
      <table className="notices">
        <thead>
          <tr>
            <th scope="col">Notice</th>
            <th scope="col">Recipient</th>
            <th scope="col">Delivered</th>
            <th scope="col">Failed</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Attempts</th>
            <th scope="col">Link</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => {
            const key = { incidentId, kind: n.kind, contactId: n.contactId, revision: n.revision };
            return (
              <tr key={`${n.kind}-${n.contactId}-${n.revision}`}>
                <td>
                  {n.kind}
                  {n.revision > 1 && <span className="muted"> (rev. {n.revision})</span>}
                </td>
                <td>
                  {n.contactName}{' '}
                  {n.customerId ? (
                    <a className="muted" href={`/customers/${n.customerId}`}>
                      {n.customerName}
                    </a>
                  ) : (
                    <span className="muted">{n.customerName}</span>
                  )}
                  <br />
                  <span className="mono">{n.recipientEmail}</span>
                </td>
                <td>{n.sentAt ? <UtcTime iso={n.sentAt} /> : n.status === 'pending' ? 'sending…' : '—'}</td>
                <td>
                  <NoticeFailure notice={n} />
                </td>
                <td>{n.acknowledgedAt ? <UtcTime iso={n.acknowledgedAt} /> : '—'}</td>
                <td>{n.attempts}</td>
                <td>
                  {n.link ? LINK_STATES[n.link] : '—'}
                  {canRevoke && n.link === 'issued' && <RevokeLinkForm notice={key} contactName={n.contactName} />}
                </td>
                <td>
                  <a href={noticeMessageHref(key)}>{n.subject}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
