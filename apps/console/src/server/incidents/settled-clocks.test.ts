import { SYSTEM_ACTOR, type TimelineEvent } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { settledClocks } from './settled-clocks';

let seq = 0;
function clockEvent(at: string, summary: string, details: Record<string, unknown>): TimelineEvent {
  seq += 1;
  return {
    id: `evt-${seq}`,
    incidentId: 'inc-1',
    at,
    kind: 'clock',
    summary,
    actor: SYSTEM_ACTOR,
    details,
  };
}

describe('settledClocks', () => {
  it('reads each clock’s final verdict, keeping a breach when the event came late', () => {
    const deadline = '2026-01-01T02:00:00.000Z';
    const clocks = settledClocks([
      clockEvent('2026-01-01T01:30:00.000Z', 'Clock bulletin-target: 1800 s left', {
        clock: 'bulletin-target',
        deadline,
        outcome: 'warned',
      }),
      clockEvent('2026-01-01T02:00:00.000Z', 'Clock bulletin-target breached', { clock: 'bulletin-target', deadline, outcome: 'breached' }),
      clockEvent('2026-01-01T02:10:00.000Z', 'Clock bulletin-target met late', { clock: 'bulletin-target', deadline, outcome: 'met-late' }),
      clockEvent('2026-01-01T01:00:00.000Z', 'Clock fix-release met', { clock: 'fix-release', deadline, outcome: 'met' }),
      clockEvent('2026-01-01T01:05:00.000Z', 'Clock backup-instance stopped: no backup', {
        clock: 'backup-instance',
        reason: 'no backup',
        outcome: 'cancelled',
      }),
    ]);
    expect(clocks).toEqual([
      { name: 'bulletin-target', status: 'breached', deadline, settledAt: '2026-01-01T02:00:00.000Z' },
      { name: 'fix-release', status: 'met', deadline, settledAt: '2026-01-01T01:00:00.000Z' },
      { name: 'backup-instance', status: 'cancelled', deadline: null, settledAt: '2026-01-01T01:05:00.000Z' },
    ]);
  });

  it('ignores events that are not about a known clock', () => {
    expect(settledClocks([clockEvent('2026-01-01T01:00:00.000Z', 'Clock x met', { clock: 'not-a-clock', outcome: 'met' })])).toEqual([]);
  });
});
