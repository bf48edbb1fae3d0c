import { DataTable } from '@/components/data-table';
import { UtcTime } from '@/components/utc-time';
import { exportAuditHead, readAuditLog, verifyAuditLog } from '@/server/audit/read-audit-log';
import { requirePageActor } from '@/server/auth/require-page-actor';

export const metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const caller = await requirePageActor('audit:read');
  const params = await searchParams;
  const before = typeof params.before === 'string' ? params.before : undefined;
  const [page, head, verification] = await Promise.all([
    readAuditLog(caller, { limit: '100', before }),
    exportAuditHead(caller),
    params.verify !== undefined ? verifyAuditLog(caller) : Promise.resolve(undefined),
  ]);
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Every entry carries the SHA-256 of the one before it. Keep the head hash somewhere else: with it, a log cut short is detectable too
        (<span className="mono">npm run audit:verify -- --head &lt;seq&gt;:&lt;hash&gt;</span>).
      </p>
      {head && (
        <p>
          Head: entry <strong>{head.seq}</strong>, <span className="mono">{head.hash}</span>
        </p>
      )}
      <form method="get">
        <button type="submit" name="verify" value="1">
          Verify the chain
        </button>
      </form>
      {verification &&
        (verification.ok ? (
          <p role="status" className="form-ok">
            The chain holds: {verification.entries} entries checked.
          </p>
        ) : (
          <p role="alert" className="form-error">
            The chain is broken at entry {verification.firstBadSeq}: {verification.reason}.
          </p>
        ))}
      <DataTable
        rows={page.entries}
        rowKey={(entry) => entry.seq}
        columns={[
          { header: '#', cell: (entry) => entry.seq },
          { header: 'Time (UTC)', cell: (entry) => <UtcTime iso={entry.at} /> },
          { header: 'Severity', cell: (entry) => entry.severity },
          { header: 'Component', cell: (entry) => entry.component },
          { header: 'Event', cell: (entry) => entry.eventType, className: 'mono' },
          { header: 'Actor', cell: (entry) => entry.actor.name },
          { header: 'Source', cell: (entry) => entry.sourceAddress ?? '', className: 'mono' },
          { header: 'Details', cell: (entry) => JSON.stringify(entry.details), className: 'mono' },
        ]}
      />
      {page.nextBefore !== null && <a href={`/admin/audit?before=${page.nextBefore}`}>Older entries</a>}
    </>
  );
}
