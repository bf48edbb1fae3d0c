import type { IncidentNoticePage, IncidentNoticeQuery } from '@/server/notices/list-incident-notice-page';

import { NoticesTable } from './notices-table';

const STATUS_LABELS: Record<IncidentNoticeQuery['notices'], string> = {
  all: 'All notices',
  failed: 'Failed',
  unacknowledged: 'Delivered, not acknowledged',
};

/** The notices table's address with some of its state changed; a new filter starts again at page 1. */
export function noticesHref(incidentId: string, query: IncidentNoticeQuery, change: Partial<IncidentNoticeQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.notices !== 'all') params.set('notices', next.notices);
  if (next.q) params.set('q', next.q);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return `/incidents/${incidentId}${search ? `?${search}` : ''}#notices-heading`;
}

interface Props {
  incidentId: string;
  page: IncidentNoticePage;
  canRevoke: boolean;
}

/**
 * Per kind, what became of the notices; then one page of them, failed ones first, filtered by status and by
 * contact, address or customer through the page's URL, so a filtered view can be shared and survives the refresh.
 */
export function NoticesSection({ incidentId, page, canRevoke }: Props) {
  const { query, summary } = page;
  if (summary.length === 0) return <p className="muted">No notices sent yet.</p>;
  const failed = summary.reduce((sum, s) => sum + s.failed, 0);
  const href = (change: Partial<IncidentNoticeQuery>) => noticesHref(incidentId, query, change);
  const lastRow = page.firstRow + page.notices.length - 1;
  return (
    <>
      {failed > 0 && query.notices !== 'failed' && (
        <p className="notice-failures" role="status">
          <strong>
            {failed.toLocaleString('en')} notice{failed === 1 ? '' : 's'} could not be delivered.
          </strong>{' '}
          <a href={href({ notices: 'failed', q: '', page: 1 })}>Show the failed notices</a>
        </p>
      )}
      <div className="table-scroll">
        <table className="notice-summary">
          <caption className="muted">Every notice of this incident, per kind</caption>
          <thead>
            <tr>
              <th scope="col">Notice</th>
              <th scope="col">Written</th>
              <th scope="col">Delivered</th>
              <th scope="col">Failed</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Pending</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr key={s.kind}>
                <th scope="row">{s.kind}</th>
                <td>{s.written.toLocaleString('en')}</td>
                <td>{s.delivered.toLocaleString('en')}</td>
                <td className={s.failed > 0 ? 'count-failed' : undefined}>
                  {s.failed > 0 ? <a href={href({ notices: 'failed', q: '', page: 1 })}>{s.failed.toLocaleString('en')}</a> : 0}
                </td>
                <td>{s.acknowledged.toLocaleString('en')}</td>
                <td>{s.pending.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form
        className="notice-filter"
        method="get"
        action={`/incidents/${incidentId}#notices-heading`}
        role="search"
        aria-label="Filter notices"
      >
        <label>
          Show{' '}
          <select name="notices" defaultValue={query.notices}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Contact, email or customer <input type="search" name="q" defaultValue={query.q} maxLength={200} />
        </label>{' '}
        <button type="submit">Filter</button>
        {(query.notices !== 'all' || query.q) && (
          <>
            {' '}
            <a href={href({ notices: 'all', q: '', page: 1 })}>Clear</a>
          </>
        )}
      </form>

      {page.total === 0 ? (
        <p className="empty">No notice matches this filter.</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {STATUS_LABELS[query.notices]}
            {query.q && <> matching “{query.q}”</>}: {page.firstRow.toLocaleString('en')}–{lastRow.toLocaleString('en')} of{' '}
            {page.total.toLocaleString('en')}
            {query.notices === 'all' && ', failed first'}.
          </p>
          <NoticesTable incidentId={incidentId} notices={page.notices} canRevoke={canRevoke} />
          {page.pageCount > 1 && (
            <nav className="notice-pager" aria-label="Notice pages">
              {page.page > 1 ? (
                <a href={href({ page: page.page - 1 })} rel="prev">
                  Previous
                </a>
              ) : (
                <span className="muted">Previous</span>
              )}
              <span>
                Page {page.page} of {page.pageCount}
              </span>
              {page.page < page.pageCount ? (
                <a href={href({ page: page.page + 1 })} rel="next">
                  Next
                </a>
              ) : (
                <span className="muted">Next</span>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
