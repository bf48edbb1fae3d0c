import type { TimelineEvent } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { withGaps } from './timeline-gaps';
import { decisionFacts, filterByKinds, parseKinds } from './timeline-kinds';

const event = (id: string, at: string, kind: TimelineEvent['kind'], details: Record<string, unknown> = {}): TimelineEvent => ({
  id,
  incidentId: 'inc-1',
  at,
  actor: { kind: 'system', id: 'firebreak', name: 'Firebreak' },
  kind,
  summary: id,
  details,
});

describe('timeline view', () => {
  const events = [
    event('a', '2026-11-27T10:00:00.000Z', 'step'),
    event('b', '2026-11-27T10:00:00.400Z', 'ec2-change'),
    event('c', '2026-11-27T10:04:00.000Z', 'decision', { role: 'on-call', choice: 'yes', reason: 'clean image' }),
    event('d', '2026-11-27T11:30:00.000Z', 'clock'),
  ];

  it('shows the gap before each event, and marks long ones', () => {
    expect(withGaps(events).map((i) => i.gapBefore && [i.gapBefore.label, i.gapBefore.long])).toEqual([
      undefined,
      undefined,
      ['+3 min 59 s', false],
      ['+1 h 26 min', true],
    ]);
  });

  it('filters by the kinds in the query string, ignoring unknown ones', () => {
    expect(parseKinds(undefined)).toEqual([]);
    expect(parseKinds(['decision', 'bogus', 'clock,decision'])).toEqual(['decision', 'clock']);
    expect(filterByKinds(events, ['decision', 'clock']).map((e) => e.id)).toEqual(['c', 'd']);
    expect(filterByKinds(events, [])).toHaveLength(4);
  });

  it("reads a decision's role, choice and reason, and whether it was refused", () => {
    expect(decisionFacts(events[2]!)).toEqual({ role: 'on-call', choice: 'yes', reason: 'clean image', refused: false });
    expect(decisionFacts(event('x', events[0]!.at, 'decision', { refusal: 'FORBIDDEN' })).refused).toBe(true);
  });
});
