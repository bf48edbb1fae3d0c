import type { TimelineEvent } from '@firebreak/domain';

import { UtcTime } from '../utc-time';
import { withGaps } from './timeline-gaps';
import { decisionFacts, TIMELINE_KIND_LABELS } from './timeline-kinds';

const ACTOR_KINDS: Record<TimelineEvent['actor']['kind'], string> = {
  system: 'system',
  user: 'staff',
  'api-token': 'API token',
  contact: 'customer contact',
};

/** Every event in order, the time between them, and each decision's who, role, choice and reason spelled out. */
export function TimelineList({ events, showDetails = true }: { events: readonly TimelineEvent[]; showDetails?: boolean }) {
  return (
    <ol className="manager-timeline">
      {withGaps(events).map(({ event, gapBefore }) => {
        const decision = event.kind === 'decision' ? decisionFacts(event) : undefined;
        return (
          <li key={event.id}>
            {gapBefore && (
              <p className={gapBefore.long ? 'gap gap-long' : 'gap'}>
                {gapBefore.label}
                {gapBefore.long && ' — long pause'}
              </p>
            )}
            <div className={`event event-${event.kind}${decision?.refused ? ' event-refused' : ''}`} data-kind={event.kind}>
              <UtcTime iso={event.at} />
              <span className="event-kind">{TIMELINE_KIND_LABELS[event.kind]}</span>
              <span>
                {event.summary}
                <span className="muted">
                  {' — '}
                  {event.actor.name} ({ACTOR_KINDS[event.actor.kind]})
                </span>
              </span>
              {decision && (decision.role || decision.reason || decision.choice) && (
                <dl className="facts decision-facts">
                  <dt>Decided by</dt>
                  <dd>
                    {event.actor.name}
                    {decision.role && <> as {decision.role}</>}
                    {decision.refused && <strong> (refused)</strong>}
                  </dd>
                  {decision.choice && (
                    <>
                      <dt>Choice</dt>
                      <dd>{decision.choice}</dd>
                    </>
                  )}
                  {decision.reason && (
                    <>
                      <dt>Reason</dt>
                      <dd>{decision.reason}</dd>
                    </>
                  )}
                </dl>
              )}
              {showDetails && event.kind !== 'decision' && Object.keys(event.details).length > 0 && (
                <details className="decision-facts no-print">
                  <summary>Details</summary>
                  <pre>{JSON.stringify(event.details, null, 2)}</pre>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
