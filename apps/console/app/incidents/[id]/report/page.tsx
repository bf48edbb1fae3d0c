import { FirebreakError, PLAYBOOKS } from '@firebreak/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { IncidentStatusBadge, SeverityBadge, StepStatusBadge } from '@/components/badges';
import { formatDuration } from '@/components/format-time';
import { CLOCK_LABELS, STEP_LABELS } from '@/components/labels';
import { SlaBadge } from '@/components/sla-badge';
import { decisionFacts } from '@/components/timeline/timeline-kinds';
import { TimelineList } from '@/components/timeline/timeline-list';
import { UtcTime } from '@/components/utc-time';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listCustomers } from '@/server/directory/list-customers';
import { buildIncidentExport, type IncidentExport } from '@/server/reports/build-incident-export';
import { PrintButton } from './print-button';
import '../../../manager-views.css';

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
  await requirePageActor('reports:export');
  const { id } = await params;
  const report = await exportOrNotFound(id);
  const customers = await listCustomers();
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
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
          <IncidentStatusBadge status={incident.status} /> <SeverityBadge severity={incident.severity} /> <SlaBadge standing={sla.standing} />
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
        {Object.keys(sla.clocks).length === 0 ? (
          <p>No deadline was warned, missed or met on this incident&apos;s timeline.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Clock</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(sla.clocks).map(([name, verdict]) => (
                <tr key={name}>
                  <td>{CLOCK_LABELS[name as keyof typeof CLOCK_LABELS] ?? name}</td>
                  <td>{VERDICT_WORDS[verdict] ?? verdict}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-steps">
        <h2 id="report-steps">Steps</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {incident.steps.map((step) => (
              <tr key={step.name}>
                <td>{STEP_LABELS[step.name]}</td>
                <td>
                  <StepStatusBadge status={step.status} notRun={incident.status === 'closed' && step.status === 'pending'} />
                </td>
                <td>{step.startedAt ? <UtcTime iso={step.startedAt} /> : '—'}</td>
                <td>{step.completedAt ? <UtcTime iso={step.completedAt} /> : '—'}</td>
                <td>
                  {step.startedAt && step.completedAt
                    ? formatDuration(Date.parse(step.completedAt) - Date.parse(step.startedAt))
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="report-decisions">
        <h2 id="report-decisions">Decisions</h2>
        {decisions.length === 0 ? (
          <p>No decision was taken.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">Decision</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((event) => {
                const facts = decisionFacts(event);
                return (
                  <tr key={event.id}>
                    <td>
                      <UtcTime iso={event.at} />
                    </td>
                    <td>{event.actor.name}</td>
                    <td>{facts.role ?? '—'}</td>
                    <td>
                      {event.summary}
                      {facts.refused && <strong> (refused)</strong>}
                    </td>
                    <td>{facts.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-notices">
        <h2 id="report-notices">Notices</h2>
        {notices.length === 0 ? (
          <p>No notice was sent.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Notice</th>
                <th scope="col">Delivery</th>
                <th scope="col">Sent</th>
                <th scope="col">Acknowledged</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((notice) => (
                <tr key={`${notice.kind}/${notice.contactId}/${notice.revision}`}>
                  <td>{notice.recipientEmail}</td>
                  <td>{notice.subject}</td>
                  <td>{notice.status}</td>
                  <td>{notice.sentAt ? <UtcTime iso={notice.sentAt} /> : '—'}</td>
                  <td>{notice.acknowledgedAt ? <UtcTime iso={notice.acknowledgedAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="report-timeline">
        <h2 id="report-timeline">Timeline</h2>
        <TimelineList events={timeline} showDetails={false} />
      </section>
    </article>
  );
}

async function exportOrNotFound(id: string): Promise<IncidentExport> {
  try {
    return await buildIncidentExport(id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
