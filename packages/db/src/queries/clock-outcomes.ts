/** What one `clock` timeline event says happened to an SLA clock. */
export type ClockEventOutcome = 'warned' | 'breached' | 'met' | 'met-late' | 'cancelled';

/** How an incident stands against its deadlines, for a badge: any breach wins, then any open warning. */
export type SlaStanding = 'on-track' | 'warning' | 'breached';

export interface ClockEventLike {
  details: Record<string, unknown>;
}

const OUTCOMES: readonly ClockEventOutcome[] = ['warned', 'breached', 'met', 'met-late', 'cancelled'];

/** Reads a clock event as the workflows' `startClock` records it: the clock's name and the `outcome` it names. */
export function clockEventOutcome(event: ClockEventLike): { clock: string; outcome: ClockEventOutcome } | undefined {
  const { clock, outcome } = event.details;
  if (typeof clock !== 'string' || !OUTCOMES.includes(outcome as ClockEventOutcome)) return undefined;
  return { clock, outcome: outcome as ClockEventOutcome };
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
