import '../../../manager-views.css';

import { FirebreakError, PLAYBOOKS } from '@firebreak/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { IncidentStatusBadge, SeverityBadge, StepStatusBadge } from '@/components/badges';
import { DataTable } from '@/components/data-table';
import { formatDuration } from '@/components/format-time';
import { CLOCK_LABELS, STEP_LABELS } from '@/components/labels';
import { SlaBadge } from '@/components/sla-badge';
import { decisionFacts } from '@/components/timeline/timeline-kinds';
import { TimelineList } from '@/components/timeline/timeline-list';
import { UtcTime } from '@/components/utc-time';
import type { Caller } from '@/server/auth/require-actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listCustomerNames } from '@/server/directory/list-customer-names';
import { buildIncidentExport, type IncidentExport } from '@/server/reports/build-incident-export';

import { PrintButton } from './print-button';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Report on ${(await params).id}` };
}

const VERDICT_WORDS: Record<string, string> = {
  met: 'Met',
  breached: 'Breached',
  warned: 'Warned, still open',
  cancelled: 'Not needed',
};

export default async function IncidentReportPage({ params }: Props) {
  const caller = await requirePageActor('reports:export');
  const { id } = await params;
  const report = await exportOrNotFound(caller, id);
  const customerNames = await listCustomerNames(caller);
  const { incident, timeline, notices, sla } = report;
  const decisions = timeline.filter((e) => e.kind === 'decision' && decisionFacts(e).reason !== undefined);

  return (
    <article className="report">
      <p className="report-actions">
        <PrintButton />
        <Link href={`/incidents/${incident.id}/timeline`}>Timeline view</Link>
        <a href={`/api/v1/incidents/${incident.id}/export.json`} download>
          Export JSON
        </a>
        <a href={`/api/v1/incidents/${incident.id}/export.csv`} download>
          Export CSV
        </a>
      </p>
      <header className="incident-header">
        <p className="mono muted">{incident.id}</p>
        <h1>Incident report: {PLAYBOOKS[incident.playbook].title}</h1>
        <p className="incident-badges">
          <IncidentStatusBadge status={incident.status} /> <SeverityBadge severity={incident.severity} />{' '}
          <SlaBadge standing={sla.standing} />
        </p>
        <p className="summary">{incident.summary}</p>
        <dl className="facts">
          <dt>Customers</dt>
          <dd>{incident.customerIds.map((c) => customerNames.get(c) ?? c).join(', ')}</dd>
          <dt>Deployments</dt>
          <dd className="mono">{incident.deploymentIds.join(', ')}</dd>
          <dt>Declared</dt>
          <dd>
            <UtcTime iso={incident.declaredAt} /> by {incident.declaredBy.name}
          </dd>
          <dt>Closed</dt>
          <dd>{incident.closedAt ? <UtcTime iso={incident.closedAt} /> : 'not yet'}</dd>
          <dt>Report generated</dt>
          <dd>
            <UtcTime iso={report.exportedAt} />
          </dd>
        </dl>
      </header>

      <section aria-labelledby="report-clocks">
        <h2 id="report-clocks">Deadlines</h2>
        <DataTable
          scroll={false}
          rows={Object.entries(sla.clocks)}
          rowKey={([name]) => name}
          empty="No deadline was warned, missed or met on this incident's timeline."
          columns={[
            { header: 'Clock', cell: ([name]) => CLOCK_LABELS[name as keyof typeof CLOCK_LABELS] ?? name },
            { header: 'Outcome', cell: ([, verdict]) => VERDICT_WORDS[verdict] ?? verdict },
          ]}
        />
      </section>

      <section aria-labelledby="report-steps">
        <h2 id="report-steps">Steps</h2>
        <DataTable
          scroll={false}
          rows={incident.steps}
          rowKey={(step) => step.name}
          columns={[
            { header: 'Step', cell: (step) => STEP_LABELS[step.name] },
            {
              header: 'Status',
              cell: (step) => <StepStatusBadge status={step.status} notRun={incident.status === 'closed' && step.status === 'pending'} />,
            },
            { header: 'Started', cell: (step) => (step.startedAt ? <UtcTime iso={step.startedAt} /> : '—') },
            { header: 'Finished', cell: (step) => (step.completedAt ? <UtcTime iso={step.completedAt} /> : '—') },
            {
              header: 'Took',
              cell: (step) =>
                step.startedAt && step.completedAt ? formatDuration(Date.parse(step.completedAt) - Date.parse(step.startedAt)) : '—',
            },
          ]}
        />
      </section>

      <section aria-labelledby="report-decisions">
        <h2 id="report-decisions">Decisions</h2>
        <DataTable
          scroll={false}
          rows={decisions.map((event) => ({ event, facts: decisionFacts(event) }))}
          rowKey={({ event }) => event.id}
          empty="No decision was taken."
          columns={[
            { header: 'When', cell: ({ event }) => <UtcTime iso={event.at} /> },
            { header: 'Who', cell: ({ event }) => event.actor.name },
            { header: 'Role', cell: ({ facts }) => facts.role ?? '—' },
            {
              header: 'Decision',
              cell: ({ event, facts }) => (
                <>
                  {event.summary}
                  {facts.refused && <strong> (refused)</strong>}
                </>
              ),
            },
            { header: 'Reason', cell: ({ facts }) => facts.reason },
          ]}
        />
      </section>

      <section aria-labelledby="report-notices">
        <h2 id="report-notices">Notices</h2>
        <DataTable
          scroll={false}
          rows={notices}
          rowKey={(notice) => `${notice.kind}/${notice.contactId}/${notice.revision}`}
          empty="No notice was sent."
          columns={[
            { header: 'Recipient', cell: (notice) => notice.recipientEmail },
            { header: 'Notice', cell: (notice) => notice.subject },
            { header: 'Delivery', cell: (notice) => notice.status },
            { header: 'Sent', cell: (notice) => (notice.sentAt ? <UtcTime iso={notice.sentAt} /> : '—') },
            { header: 'Acknowledged', cell: (notice) => (notice.acknowledgedAt ? <UtcTime iso={notice.acknowledgedAt} /> : '—') },
          ]}
        />
      </section>

      <section aria-labelledby="report-timeline">
        <h2 id="report-timeline">Timeline</h2>
        <TimelineList events={timeline} showDetails={false} />
      </section>
    </article>
  );
}

async function exportOrNotFound(caller: Caller, id: string): Promise<IncidentExport> {
  try {
    return await buildIncidentExport(caller, id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
