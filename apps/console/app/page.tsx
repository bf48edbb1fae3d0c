import './manager-views.css';

import { IncidentStatus, PLAYBOOK_IDS, PLAYBOOKS } from '@firebreak/domain';
import Link from 'next/link';

import { IncidentStatusBadge, SeverityBadge } from '@/components/badges';
import { DataTable } from '@/components/data-table';
import { formatAge } from '@/components/format-time';
import { INCIDENT_STATUS_LABELS } from '@/components/labels';
import { SlaBadge } from '@/components/sla-badge';
import { UtcTime } from '@/components/utc-time';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listCustomerNames } from '@/server/directory/list-customer-names';
import { encodeCursor, incidentListHref, parseIncidentListFilters, searchIncidentList } from '@/server/incidents/search-incident-list';

export const metadata = { title: 'Incidents' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function IncidentsPage({ searchParams }: Props) {
  const caller = await requirePageActor('incidents:read');
  const filters = parseIncidentListFilters(await searchParams);
  const [{ incidents, next }, customerNames] = await Promise.all([searchIncidentList(caller, filters), listCustomerNames(caller)]);
  const filtered = Boolean(filters.status || filters.playbook || filters.customer || filters.from || filters.to);
  const now = new Date();

  return (
    <>
      <div className="page-heading">
        <h1>Incidents</h1>
        <Link className="button" href="/incidents/new">
          Declare incident
        </Link>
      </div>
      <form className="filters" method="get" action="/" aria-label="Filter incidents">
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            {IncidentStatus.options.map((status) => (
              <option key={status} value={status}>
                {INCIDENT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Playbook
          <select name="playbook" defaultValue={filters.playbook ?? ''}>
            <option value="">Any playbook</option>
            {PLAYBOOK_IDS.map((id) => (
              <option key={id} value={id}>
                {PLAYBOOKS[id].title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer
          <select name="customer" defaultValue={filters.customer ?? ''}>
            <option value="">Any customer</option>
            {[...customerNames].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Declared from (UTC)
          <input type="date" name="from" defaultValue={filters.from ?? ''} />
        </label>
        <label>
          to (UTC)
          <input type="date" name="to" defaultValue={filters.to ?? ''} />
        </label>
        <button type="submit">Apply filters</button>
        {filtered && <Link href="/">Clear filters</Link>}
      </form>
      {incidents.length === 0 ? (
        <p className="empty">
          {filtered || filters.before ? (
            <>
              No incidents match. <Link href="/">Show all incidents</Link>.
            </>
          ) : (
            <>
              No incidents yet. When something happens, <Link href="/incidents/new">declare an incident</Link>.
            </>
          )}
        </p>
      ) : (
        <DataTable
          caption="Incidents, newest first"
          rows={incidents}
          rowKey={(incident) => incident.id}
          columns={[
            { header: 'Status', cell: (incident) => <IncidentStatusBadge status={incident.status} /> },
            { header: 'SLA', cell: (incident) => <SlaBadge standing={incident.sla} /> },
            {
              header: 'Incident',
              cell: (incident) => (
                <>
                  <Link href={`/incidents/${incident.id}`}>{PLAYBOOKS[incident.playbook].title}</Link>
                  <div className="muted">
                    <span className="mono">{incident.id}</span> · {incident.summary}
                  </div>
                </>
              ),
            },
            { header: 'Severity', cell: (incident) => <SeverityBadge severity={incident.severity} /> },
            { header: 'Customers', cell: (incident) => incident.customerIds.map((id) => customerNames.get(id) ?? id).join(', ') },
            { header: 'Declared', cell: (incident) => <UtcTime iso={incident.declaredAt} /> },
            { header: 'Age', cell: (incident) => formatAge(incident.declaredAt, now) },
          ]}
        />
      )}
      <nav className="pager" aria-label="Pages">
        {filters.before && <Link href={incidentListHref(filters)}>Newest incidents</Link>}
        {next && (
          <Link href={incidentListHref(filters, encodeCursor(next))} rel="next">
            Older incidents →
          </Link>
        )}
      </nav>
    </>
  );
}
