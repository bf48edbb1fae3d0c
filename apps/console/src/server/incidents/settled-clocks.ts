import { type ClockEventOutcome, clockEventOutcome } from '@firebreak/db';
import { ClockName, type ClockStatus, type TimelineEvent } from '@firebreak/domain';

/** A deadline as the record left it once the playbook stopped answering: its verdict and when it was reached. */
export interface SettledClock {
  name: ClockName;
  status: ClockStatus;
  /** Absent for a clock stopped without a verdict: its stop event does not repeat the deadline. */
  deadline: string | null;
  settledAt: string;
}

const STATUS_OF: Record<ClockEventOutcome, ClockStatus> = {
  warned: 'warned',
  breached: 'breached',
  met: 'met',
  'met-late': 'breached',
  cancelled: 'cancelled',
};

/**
 * Each clock's final state read from the timeline, for incidents whose playbook has ended and can no longer be
 * asked: a breach stays a breach even when the awaited event came late.
 */
export function settledClocks(events: readonly TimelineEvent[]): SettledClock[] {
  const clocks = new Map<ClockName, SettledClock>();
  for (const event of events) {
    if (event.kind !== 'clock') continue;
    const read = clockEventOutcome(event);
    const name = ClockName.safeParse(read?.clock);
    if (!read || !name.success) continue;
    const previous = clocks.get(name.data);
    if (previous?.status === 'breached') continue;
    const deadline = typeof event.details.deadline === 'string' ? event.details.deadline : (previous?.deadline ?? null);
    clocks.set(name.data, { name: name.data, status: STATUS_OF[read.outcome], deadline, settledAt: event.at });
  }
  return [...clocks.values()];
}
