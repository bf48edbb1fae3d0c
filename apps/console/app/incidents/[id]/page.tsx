import { randomUUID } from 'node:crypto';

import {
  type Clock,
  type ClockName,
  type ClockStatus,
  FirebreakError,
  type IncidentStep,
  PLAYBOOKS,
  type TimelineEvent,
} from '@firebreak/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { ClockStatusBadge, IncidentStatusBadge, SeverityBadge, StepStatusBadge } from '@/components/badges';
import { CLOCK_LABELS, STEP_LABELS } from '@/components/labels';
import { TimeLeft } from '@/components/time-left';
import { UtcTime } from '@/components/utc-time';
import { can } from '@/server/auth/permissions';
import type { Caller } from '@/server/auth/require-actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { findCustomerNames } from '@/server/directory/find-customer-names';
import { getIncidentDetail, type IncidentDetail } from '@/server/incidents/get-incident-detail';
import { getLatestTimeline, INCIDENT_PAGE_EVENTS } from '@/server/incidents/get-latest-timeline';
import type { SettledClock } from '@/server/incidents/settled-clocks';
import { listIncidentNoticePage } from '@/server/notices/list-incident-notice-page';

import { AutoRefresh } from './auto-refresh';
import { CloseForm } from './close-form';
import { DecisionCard } from './decision-card';
import { NoticesSection } from './notices-section';

const REFRESH_INTERVAL_MS = 1500;
/** Customers named in the header; a bulletin to every customer lists the rest in its notices. */
const HEADER_CUSTOMERS = 20;

interface Props {
  params: Promise<{ id: string }>;
  /** The notices table's filter and page: `?notices=failed|unacknowledged&q=…&page=N`. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Incident ${(await params).id}` };
}

export default async function IncidentPage({ params, searchParams }: Props) {
  const caller = await requirePageActor('incidents:read');
  const { id } = await params;
  const search = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const incident = await findOrNotFound(caller, id);
  // Only what the page shows is read: the latest events and one page of notices, however large the incident grows.
  const namedCustomers = incident.customerIds.slice(0, HEADER_CUSTOMERS);
  const [timeline, customerNames, notices] = await Promise.all([
    getLatestTimeline(caller, id, { deadlines: incident.status === 'closed' }),
    // Decision cards name their customer too, wherever it stands in the list.
    findCustomerNames(caller, [
      ...new Set([...namedCustomers, ...incident.pendingDecisions.flatMap((d) => (d.customerId ? [d.customerId] : []))]),
    ]),
    listIncidentNoticePage(caller, id, search),
  ]);
  const playbook = PLAYBOOKS[incident.playbook];
  const deadlines = timeline.deadlines;

  return (
    <>
      <AutoRefresh active={incident.status !== 'closed'} intervalMs={REFRESH_INTERVAL_MS} />
      <header className="incident-header">
        <p className="mono muted">{incident.id}</p>
        <h1>{playbook.title}</h1>
        <p className="incident-badges" aria-live="polite">
          <IncidentStatusBadge status={incident.status} /> <SeverityBadge severity={incident.severity} />
        </p>
        <p className="summary">{incident.summary}</p>
        <dl className="facts">
          <dt>Deployments</dt>
          <dd className="mono">{incident.deploymentIds.join(', ')}</dd>
          <dt>Customers</dt>
          <dd>
            {namedCustomers.map((c, i) => (
              <span key={c}>
                {i > 0 && ', '}
                <a href={`/customers/${c}`}>{customerNames.get(c) ?? c}</a>
              </span>
            ))}
            {incident.customerIds.length > namedCustomers.length && (
              <>
                {' '}
                and <a href="#notices-heading">{incident.customerIds.length - namedCustomers.length} more</a>
              </>
            )}
          </dd>
          <dt>Declared</dt>
          <dd>
            <UtcTime iso={incident.declaredAt} /> by {incident.declaredBy.name}
          </dd>
          {incident.closedAt && (
            <>
              <dt>Closed</dt>
              <dd>
                <UtcTime iso={incident.closedAt} />
              </dd>
            </>
          )}
        </dl>
      </header>

      {incident.status !== 'closed' && (
        <section aria-labelledby="decisions-heading">
          <h2 id="decisions-heading">Decisions waiting</h2>
          {!incident.live ? (
            <p className="empty">
              The playbook is not answering right now, so its pending decisions and clocks cannot be shown. They appear here as soon as it
              answers.
            </p>
          ) : incident.pendingDecisions.length === 0 ? (
            <p className="empty">The playbook is not waiting for a decision.</p>
          ) : (
            <div className="cards">
              {incident.pendingDecisions.map((decision) => (
                <DecisionCard
                  key={`${decision.gate}/${decision.customerId ?? ''}/${decision.openedAt}`}
                  incidentId={incident.id}
                  decision={decision}
                  decisionId={randomUUID()}
                  {...(decision.customerId ? { customerName: customerNames.get(decision.customerId) ?? decision.customerId } : {})}
                />
              ))}
            </div>
          )}
        </section>
      )}

      {incident.clocks.length > 0 && (
        <section aria-labelledby="clocks-heading">
          <h2 id="clocks-heading">Clocks</h2>
          <Clocks clocks={incident.clocks} />
        </section>
      )}

      {/* A closed playbook no longer answers for its clocks; the timeline still says how each deadline ended. */}
      {deadlines.length > 0 && (
        <section aria-labelledby="deadlines-heading">
          <h2 id="deadlines-heading">Deadlines</h2>
          <Deadlines clocks={deadlines} />
        </section>
      )}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <Steps incident={incident} />
      </section>

      {/* Playbooks close themselves; only one stopped by a failed step is closed by hand. */}
      {incident.status === 'failed' && <CloseForm incidentId={incident.id} />}

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">Notices</h2>
        <NoticesSection incidentId={incident.id} page={notices} canRevoke={can(caller.role, 'links:revoke')} />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p>
          {timeline.total > timeline.events.length && (
            <>
              The latest {timeline.events.length.toLocaleString('en')} of {timeline.total.toLocaleString('en')} events.{' '}
            </>
          )}
          <a href={`/incidents/${incident.id}/timeline`}>
            {timeline.total > INCIDENT_PAGE_EVENTS ? `Full timeline (all ${timeline.total.toLocaleString('en')} events)` : 'Timeline view'}{' '}
            with gaps and filters
          </a>
          {' · '}
          <a href={`/incidents/${incident.id}/report`}>Printable report</a>
        </p>
        <Timeline events={timeline.events} />
      </section>
    </>
  );
}

async function findOrNotFound(caller: Caller, id: string): Promise<IncidentDetail> {
  try {
    return await getIncidentDetail(caller, id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** The playbook's steps in its order; a step the incident has no record of yet is pending. */
function Steps({ incident }: { incident: IncidentDetail }) {
  const ended = incident.status === 'closed';
  const recorded = new Map(incident.steps.map((step) => [step.name, step]));
  const steps: IncidentStep[] = PLAYBOOKS[incident.playbook].stepNames.map(
    (name) => recorded.get(name) ?? { name, status: 'pending', startedAt: null, completedAt: null, error: null },
  );
  return (
    <ol className="steps">
      {steps.map((step) => (
        <li key={step.name} className={`step step-row-${step.status}`}>
          <span className="step-name">{STEP_LABELS[step.name]}</span>
          <StepStatusBadge status={step.status} notRun={ended && step.status === 'pending'} />
          <span className="step-times muted">
            {step.startedAt && (
              <>
                started <UtcTime iso={step.startedAt} />
              </>
            )}
            {step.completedAt && (
              <>
                {' · '}finished <UtcTime iso={step.completedAt} />
              </>
            )}
          </span>
          {step.error && <p className="step-error">{step.error}</p>}
        </li>
      ))}
    </ol>
  );
}

/** One row of a clock table: the clock, its status, its deadline, and a last cell that depends on the table. */
interface ClockRow {
  name: ClockName;
  status: ClockStatus;
  deadline: string | null;
  last: ReactNode;
}

function ClockTable({ rows, lastHeading }: { rows: ClockRow[]; lastHeading: string }) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Clock</th>
            <th scope="col">Status</th>
            <th scope="col">Deadline</th>
            <th scope="col">{lastHeading}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <td>{CLOCK_LABELS[row.name]}</td>
              <td>
                <ClockStatusBadge status={row.status} />
              </td>
              <td>{row.deadline ? <UtcTime iso={row.deadline} /> : '—'}</td>
              <td>{row.last}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The playbook's running clocks, counting down. */
function Clocks({ clocks }: { clocks: Clock[] }) {
  const renderedAt = new Date().toISOString();
  const rows = clocks.map((clock) => ({
    ...clock,
    last:
      clock.status === 'met' ? (
        <>
          met
          {clock.metAt && (
            <>
              {' '}
              at <UtcTime iso={clock.metAt} />
            </>
          )}
        </>
      ) : clock.status === 'breached' ? (
        <span className="time-left overdue">missed</span>
      ) : (
        <TimeLeft deadline={clock.deadline} renderedAt={renderedAt} />
      ),
  }));
  return <ClockTable rows={rows} lastHeading="Time left" />;
}

/** How each deadline of a closed incident ended, as the timeline recorded it. */
function Deadlines({ clocks }: { clocks: SettledClock[] }) {
  const rows = clocks.map((clock) => ({ ...clock, last: <UtcTime iso={clock.settledAt} /> }));
  return <ClockTable rows={rows} lastHeading="Settled" />;
}

function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="empty">Nothing recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <div className="timeline-line">
            <UtcTime iso={event.at} />
            <span className="actor">{event.actor.name}</span>
            <span className="timeline-summary">{event.summary}</span>
          </div>
          {Object.keys(event.details).length > 0 && (
            <details>
              <summary>Details</summary>
              <pre>{JSON.stringify(event.details, null, 2)}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
