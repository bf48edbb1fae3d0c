import '../../../manager-views.css';

import { FirebreakError, type Incident, PLAYBOOKS } from '@firebreak/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { IncidentStatusBadge } from '@/components/badges';
import { parseKinds, TIMELINE_FILTERS } from '@/components/timeline/timeline-kinds';
import { TimelineList } from '@/components/timeline/timeline-list';
import { UtcTime } from '@/components/utc-time';
import type { Caller } from '@/server/auth/require-actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { getIncident } from '@/server/incidents/get-incident';
import { getTimelinePage, TIMELINE_EVENTS_PER_PAGE } from '@/server/incidents/get-timeline-page';

import { AutoRefresh } from '../auto-refresh';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Timeline of ${(await params).id}` };
}

export default async function IncidentTimelinePage({ params, searchParams }: Props) {
  const caller = await requirePageActor('incidents:read');
  const { id } = await params;
  const search = await searchParams;
  const kinds = parseKinds(search.kind);
  const incident = await incidentOrNotFound(caller, id);
  // A page of events, filtered and cut in SQL: an incident that wrote to thousands of contacts has tens of thousands.
  const timeline = await getTimelinePage(caller, id, {
    kinds,
    page: Number(Array.isArray(search.page) ? search.page[0] : search.page) || 1,
  });
  const shown = timeline.events;
  const pageHref = (page: number) => {
    const params = new URLSearchParams(kinds.map((k) => ['kind', k]));
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `/incidents/${incident.id}/timeline${query ? `?${query}` : ''}`;
  };
  const first = (timeline.page - 1) * TIMELINE_EVENTS_PER_PAGE + 1;

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
          Declared <UtcTime iso={incident.declaredAt} /> by {incident.declaredBy.name}. {timeline.eventsTotal} events,{' '}
          {timeline.decisionsWithReasons} decisions with reasons. Times are UTC; hover for your local time.
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
      {shown.length === 0 ? (
        <p className="empty">No events of this kind.</p>
      ) : (
        <>
          {timeline.pageCount > 1 && (
            <p className="muted">
              Events {first.toLocaleString('en')}–{(first + shown.length - 1).toLocaleString('en')} of{' '}
              {timeline.matching.toLocaleString('en')}, oldest first; {TIMELINE_EVENTS_PER_PAGE} per page.
            </p>
          )}
          <TimelineList events={shown} />
          {timeline.pageCount > 1 && (
            <nav className="timeline-pager" aria-label="Timeline pages">
              {timeline.page > 1 ? <Link href={pageHref(1)}>First</Link> : <span className="muted">First</span>}
              {timeline.page > 1 ? (
                <Link href={pageHref(timeline.page - 1)} rel="prev">
                  Previous
                </Link>
              ) : (
                <span className="muted">Previous</span>
              )}
              <span>
                Page {timeline.page} of {timeline.pageCount}
              </span>
              {timeline.page < timeline.pageCount ? (
                <Link href={pageHref(timeline.page + 1)} rel="next">
                  Next
                </Link>
              ) : (
                <span className="muted">Next</span>
              )}
              {timeline.page < timeline.pageCount ? (
                <Link href={pageHref(timeline.pageCount)}>Latest</Link>
              ) : (
                <span className="muted">Latest</span>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

async function incidentOrNotFound(caller: Caller, id: string): Promise<Incident> {
  try {
    return await getIncident(caller, id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
