import { FirebreakError, PLAYBOOKS, type Incident, type TimelineEvent } from '@firebreak/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IncidentStatusBadge, SeverityBadge, StepStatusBadge } from '@/components/badges';
import { STEP_LABELS } from '@/components/labels';
import { UtcTime } from '@/components/utc-time';
import { listCustomers } from '@/server/directory/list-customers';
import { getIncident } from '@/server/incidents/get-incident';
import { getTimeline } from '@/server/incidents/get-timeline';
import { AutoRefresh } from './auto-refresh';
import { CloseForm } from './close-form';

const REFRESH_INTERVAL_MS = 1500;

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Incident ${(await params).id}` };
}

export default async function IncidentPage({ params }: Props) {
  const { id } = await params;
  const incident = await findOrNotFound(id);
  const [timeline, customers] = await Promise.all([getTimeline(id), listCustomers()]);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
  const playbook = PLAYBOOKS[incident.playbook];

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
          <dd>{incident.customerIds.map((c) => customerNames.get(c) ?? c).join(', ')}</dd>
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

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps</h2>
        <Steps incident={incident} />
      </section>

      {incident.status === 'contained' && <CloseForm incidentId={incident.id} />}

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Timeline events={timeline} />
      </section>
    </>
  );
}

async function findOrNotFound(id: string): Promise<Incident> {
  try {
    return await getIncident(id);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

function Steps({ incident }: { incident: Incident }) {
  return (
    <ol className="steps">
      {incident.steps.map((step) => (
        <li key={step.name} className={`step step-row-${step.status}`}>
          <span className="step-name">{STEP_LABELS[step.name]}</span>
          <StepStatusBadge status={step.status} />
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
