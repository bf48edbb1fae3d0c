import { type TimelineEvent, TimelineEventKind } from '@firebreak/domain';

/** The filters a manager picks from, in words; `status` changes show only under "everything". */
export const TIMELINE_FILTERS = [
  { kind: 'decision', label: 'Decisions' },
  { kind: 'notice', label: 'Notices' },
  { kind: 'ec2-change', label: 'EC2 changes' },
  { kind: 'clock', label: 'Clocks' },
  { kind: 'step', label: 'Steps' },
] as const satisfies readonly { kind: TimelineEventKind; label: string }[];

export const TIMELINE_KIND_LABELS: Record<TimelineEventKind, string> = {
  decision: 'Decision',
  notice: 'Notice',
  'ec2-change': 'EC2 change',
  clock: 'Clock',
  step: 'Step',
  status: 'Status',
};

/** The kinds asked for in the query string (`?kind=decision&kind=clock`); unknown ones are ignored, none means all. */
export function parseKinds(value: string | string[] | undefined): TimelineEventKind[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return [...new Set(values.flatMap((v) => v.split(',')).filter((v) => TimelineEventKind.safeParse(v).success))] as TimelineEventKind[];
}

export function filterByKinds(events: readonly TimelineEvent[], kinds: readonly TimelineEventKind[]): TimelineEvent[] {
  return kinds.length === 0 ? [...events] : events.filter((e) => kinds.includes(e.kind));
}

/** A decision's facts, when the event carries them. */
export function decisionFacts(event: TimelineEvent): { role?: string; choice?: string; reason?: string; refused: boolean } {
  const text = (key: string) => (typeof event.details[key] === 'string' ? (event.details[key] as string) : undefined);
  const facts: { role?: string; choice?: string; reason?: string; refused: boolean } = { refused: text('refusal') !== undefined };
  const role = text('role');
  const choice = text('choice');
  const reason = text('reason');
  if (role) facts.role = role;
  if (choice) facts.choice = choice;
  if (reason) facts.reason = reason;
  return facts;
}
