import { FirebreakError, type Incident, PLAYBOOKS } from '@firebreak/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IncidentStatusBadge } from '@/components/badges';
import { filterByKinds, parseKinds, TIMELINE_FILTERS } from '@/components/timeline/timeline-kinds';
import { TimelineList } from '@/components/timeline/timeline-list';
import { UtcTime } from '@/components/utc-time';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { getIncident } from '@/server/incidents/get-incident';
import { getTimeline } from '@/server/incidents/get-timeline';
import { AutoRefresh } from '../auto-refresh';
import '../../../manager-views.css';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Timeline of ${(await params).id}` };
}

export default async function IncidentTimelinePage({ params, searchParams }: Props) {
  await requirePageActor('incidents:read');
  const { id } = await params;
  const kinds = parseKinds((await searchParams).kind);
  const incident = await incidentOrNotFound(id);
  const events = await getTimeline(id);
  const shown = filterByKinds(events, kinds);
  const decisions = events.filter((e) => e.kind === 'decision' && typeof e.details.reason === 'string').length;

  return (
    <>
      {/* Live like the incident page: new events appear while the playbook runs, the filter stays as chosen. */}
      <AutoRefresh active={incident.status !== 'closed'} />
      <header className="incident-header">
        <p className="mono muted">
          <Link href={`/incidents/${incident.id}`}>{incident.id}</Link>
        </p>
        <h1>Timeline: {PLAYBOOKS[incident.playbook].title}</h1>
        <p className="incident-badges">
          <IncidentStatusBadge status={incident.status} />
        </p>
        <p className="muted">
          Declared <UtcTime iso={incident.declaredAt} /> by {incident.declaredBy.name}. {events.length} events,{' '}
          {decisions} decisions with reasons. Times are UTC; hover for your local time.
        </p>
      </header>
      <nav aria-label="Filter by kind">
        <ul className="kind-filter">
          <li>
            <Link href={`/incidents/${incident.id}/timeline`} aria-current={kinds.length === 0 ? 'page' : undefined}>
              Everything
            </Link>
          </li>
          {TIMELINE_FILTERS.map(({ kind, label }) => (
            <li key={kind}>
              <Link
                href={`/incidents/${incident.id}/timeline?kind=${kind}`}
                aria-current={kinds.length === 1 && kinds[0] === kind ? 'page' : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="report-actions">
        <Link href={`/incidents/${incident.id}/report`}>Printable report</Link>
        <a href={`/api/v1/incidents/${incident.id}/export.json`} download>
          Export JSON
        </a>
        <a href={`/api/v1/incidents/${incident.id}/export.csv`} download>
          Export CSV
        </a>
      </p>
      {shown.length === 0 ? <p className="empty">No events of this kind.</p> : <TimelineList events={shown} />}
    </>
  );
}

async function incidentOrNotFound(id: string): Promise<Incident> {
  try {
    return await getIncident(id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
