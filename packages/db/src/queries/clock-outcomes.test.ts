import { describe, expect, it } from 'vitest';

import { clockEventOutcome, clockVerdicts, slaStandingOf } from './clock-outcomes';

const deadline = '2026-11-28T10:00:00.000Z';
const event = (clock: string, outcome: string, extra: Record<string, unknown> = {}) => ({
  details: { clock, deadline, outcome, ...extra },
});
const warned = event('backup-instance', 'warned');
const breached = event('backup-instance', 'breached');
const met = (onTime: boolean) => event('backup-instance', onTime ? 'met' : 'met-late', { onTime });
const stopped = event('backup-instance', 'cancelled', { reason: 'no backup' });

describe('clock outcomes', () => {
  it('reads each kind of clock event by the outcome it names', () => {
    expect(clockEventOutcome(warned)).toEqual({ clock: 'backup-instance', outcome: 'warned' });
    expect(clockEventOutcome(breached)?.outcome).toBe('breached');
    expect(clockEventOutcome(met(true))?.outcome).toBe('met');
    expect(clockEventOutcome(met(false))?.outcome).toBe('met-late');
    expect(clockEventOutcome(stopped)?.outcome).toBe('cancelled');
  });

  it('reads nothing from an event without a clock or a known outcome', () => {
    expect(clockEventOutcome({ details: {} })).toBeUndefined();
    expect(clockEventOutcome({ details: { clock: 'fix-release', deadline, onTime: true } })).toBeUndefined();
    expect(clockEventOutcome(event('fix-release', 'exploded'))).toBeUndefined();
    expect(clockEventOutcome({ details: { outcome: 'met' } })).toBeUndefined();
  });

  it('keeps a breach even when the clock is met afterwards', () => {
    expect(clockVerdicts([warned, breached, met(false)]).get('backup-instance')).toBe('breached');
    expect(clockVerdicts([warned, met(true)]).get('backup-instance')).toBe('met');
  });

  it('stands on track without events, warns while a warning is open, and shows any breach', () => {
    expect(slaStandingOf([])).toBe('on-track');
    expect(slaStandingOf([warned])).toBe('warning');
    expect(slaStandingOf([warned, met(true)])).toBe('on-track');
    const otherMet = event('fix-release', 'met', { onTime: true });
    expect(slaStandingOf([otherMet, warned, breached])).toBe('breached');
  });
});
