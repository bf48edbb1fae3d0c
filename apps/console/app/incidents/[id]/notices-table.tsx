import { UtcTime } from '@/components/utc-time';
import type { IncidentNoticeRow } from '@/server/notices/list-incident-notices';

/** Per contact: each notice, whether it was delivered, failed or acknowledged, and the message on demand. */
export function NoticesTable({ notices }: { notices: IncidentNoticeRow[] }) {
  if (notices.length === 0) return <p className="muted">No notices sent yet.</p>;
  return (
    <table className="notices">
      <thead>
        <tr>
          <th scope="col">Notice</th>
          <th scope="col">Recipient</th>
          <th scope="col">Delivered</th>
          <th scope="col">Failed</th>
          <th scope="col">Acknowledged</th>
          <th scope="col">Attempts</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr key={`${n.kind}-${n.contactId}-${n.revision}`}>
            <td>
              {n.kind}
              {n.revision > 1 && <span className="muted"> (rev. {n.revision})</span>}
            </td>
            <td>
              {n.contactName} <span className="muted">{n.customerName}</span>
              <br />
              <span className="mono">{n.recipientEmail}</span>
            </td>
            <td>{n.sentAt ? <UtcTime iso={n.sentAt} /> : n.status === 'pending' ? 'sending…' : '—'}</td>
            <td>{n.status === 'failed' ? n.error ?? 'failed' : '—'}</td>
            <td>{n.acknowledgedAt ? <UtcTime iso={n.acknowledgedAt} /> : '—'}</td>
            <td>{n.attempts}</td>
            <td>
              {n.text ? (
                <details>
                  <summary>{n.subject}</summary>
                  <pre className="notice-text">{n.text}</pre>
                </details>
              ) : (
                n.subject
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
