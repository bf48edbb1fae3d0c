/** What one `clock` timeline event says happened to an SLA clock. */
export type ClockEventOutcome = 'warned' | 'breached' | 'met' | 'met-late' | 'cancelled';

/** How an incident stands against its deadlines, for a badge: any breach wins, then any open warning. */
export type SlaStanding = 'on-track' | 'warning' | 'breached';

export interface ClockEventLike {
  summary: string;
  details: Record<string, unknown>;
}

const OUTCOMES: readonly ClockEventOutcome[] = ['warned', 'breached', 'met', 'met-late', 'cancelled'];

/**
 * Reads a clock event recorded by the workflows' `startClock`, which names its `outcome`. Events recorded before the
 * outcome was named are read from what they carry: `met` has `onTime`, `stopped` has `reason`, and warning and breach
 * differ only in their wording.
 */
export function clockEventOutcome(event: ClockEventLike): { clock: string; outcome: ClockEventOutcome } | undefined {
  const clock = event.details.clock;
  if (typeof clock !== 'string') return undefined;
  const named = event.details.outcome;
  if (OUTCOMES.includes(named as ClockEventOutcome)) return { clock, outcome: named as ClockEventOutcome };
  if (typeof event.details.onTime === 'boolean') return { clock, outcome: event.details.onTime ? 'met' : 'met-late' };
  if (typeof event.details.reason === 'string') return { clock, outcome: 'cancelled' };
  if (/ breached at /.test(event.summary)) return { clock, outcome: 'breached' };
  return { clock, outcome: 'warned' };
}

/** Each clock's final verdict from its events in order: `breached` sticks, even when the event came late. */
export function clockVerdicts(events: readonly ClockEventLike[]): Map<string, ClockEventOutcome> {
  const verdicts = new Map<string, ClockEventOutcome>();
  for (const event of events) {
    const read = clockEventOutcome(event);
    if (!read) continue;
    const previous = verdicts.get(read.clock);
    if (previous === 'breached' || previous === 'met-late') continue;
    verdicts.set(read.clock, read.outcome === 'met-late' ? 'breached' : read.outcome);
  }
  return verdicts;
}

export function slaStandingOf(events: readonly ClockEventLike[]): SlaStanding {
  const verdicts = [...clockVerdicts(events).values()];
  if (verdicts.includes('breached')) return 'breached';
  if (verdicts.includes('warned')) return 'warning';
  return 'on-track';
}
