import {
  type Actor,
  type IncidentStatus,
  SEARCH_ATTRIBUTE_KEYS,
  type StepName,
  SYSTEM_ACTOR,
  type TimelineEventKind,
} from '@firebreak/domain';
import { upsertSearchAttributes, uuid4 } from '@temporalio/workflow';

import { journal } from './activity-proxies';

/** Workflow time as ISO-8601: deterministic under replay. */
export function now(): string {
  return new Date().toISOString();
}

/** Writes one timeline event. Its id is a workflow-deterministic UUID, so a retried write is a no-op. */
export async function recordEvent(
  incidentId: string,
  kind: TimelineEventKind,
  summary: string,
  details: Record<string, unknown> = {},
  actor: Actor = SYSTEM_ACTOR,
  at: string = now(),
): Promise<void> {
  await journal.recordTimelineEvent({ id: uuid4(), incidentId, at, actor, kind, summary, details });
}

export async function setStatus(incidentId: string, status: IncidentStatus): Promise<void> {
  upsertSearchAttributes([{ key: SEARCH_ATTRIBUTE_KEYS.status, value: status }]);
  await journal.recordIncidentStatus({ incidentId, status, at: now() });
  await recordEvent(incidentId, 'status', `Incident is ${status}`, { status });
}

/**
 * Runs one playbook step, recording it as running, then completed or failed, on the incident page.
 * The step's error is rethrown so the playbook decides what a failure means. `startedAt` is for a step whose work
 * began before this call (a child started ahead of the bookkeeping): the step is shown as started then.
 */
export async function runStep<T>(incidentId: string, name: StepName, body: () => Promise<T>, startedAt: string = now()): Promise<T> {
  await journal.recordStep({ incidentId, name, status: 'running', at: startedAt });
  await recordEvent(incidentId, 'step', `Step ${name} started`, { step: name }, SYSTEM_ACTOR, startedAt);
  try {
    const result = await body();
    await journal.recordStep({ incidentId, name, status: 'completed', at: now() });
    await recordEvent(incidentId, 'step', `Step ${name} completed`, { step: name });
    return result;
  } catch (error) {
    const message = describeFailure(error);
    await journal.recordStep({ incidentId, name, status: 'failed', at: now(), error: message });
    await recordEvent(incidentId, 'step', `Step ${name} failed: ${message}`, { step: name, error: message });
    throw error;
  }
}

/** Temporal wraps activity and child failures; the innermost cause holds the message worth showing. */
export function describeFailure(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/**
 * Timeline writes that need not hold the next EC2 step back. Each write starts once the one before it finished, so
 * they reach the timeline in the order they were added, with increasing times; `drain()` waits for all of them (and
 * rethrows the first failure), and must run before the caller returns.
 */
export class JournalQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly incidentId: string) {}

  add(kind: TimelineEventKind, summary: string, details: Record<string, unknown> = {}): void {
    this.tail = this.tail.then(() => recordEvent(this.incidentId, kind, summary, details));
    // Seen by drain(); until then a failure must not count as unhandled.
    this.tail.catch(() => {});
  }

  drain(): Promise<void> {
    return this.tail;
  }
}
