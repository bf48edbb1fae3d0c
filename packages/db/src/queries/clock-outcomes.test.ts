import { describe, expect, it } from 'vitest';
import { clockEventOutcome, clockVerdicts, slaStandingOf } from './clock-outcomes';

const deadline = '2026-11-28T10:00:00.000Z';
const warned = { summary: `Clock backup-instance: 600 s left before ${deadline}`, details: { clock: 'backup-instance', deadline } };
const breached = { summary: `Clock backup-instance breached at ${deadline}`, details: { clock: 'backup-instance', deadline } };
const met = (onTime: boolean) => ({ summary: 'Clock backup-instance met', details: { clock: 'backup-instance', deadline, onTime } });
const stopped = { summary: 'Clock backup-instance stopped: no backup', details: { clock: 'backup-instance', reason: 'no backup' } };

describe('clock outcomes', () => {
  it('reads each kind of clock event', () => {
    expect(clockEventOutcome(warned)?.outcome).toBe('warned');
    expect(clockEventOutcome(breached)?.outcome).toBe('breached');
    expect(clockEventOutcome(met(true))?.outcome).toBe('met');
    expect(clockEventOutcome(met(false))?.outcome).toBe('met-late');
    expect(clockEventOutcome(stopped)?.outcome).toBe('cancelled');
    expect(clockEventOutcome({ summary: 'x', details: {} })).toBeUndefined();
  });

  it('trusts the outcome an event names over its wording', () => {
    const reworded = { summary: 'Deadline passed', details: { clock: 'fix-release', deadline, outcome: 'breached' } };
    expect(clockEventOutcome(reworded)?.outcome).toBe('breached');
    const unknown = { summary: 'Clock fix-release breached at x', details: { clock: 'fix-release', outcome: 'exploded' } };
    expect(clockEventOutcome(unknown)?.outcome).toBe('breached');
  });

  it('keeps a breach even when the clock is met afterwards', () => {
    expect(clockVerdicts([warned, breached, met(false)]).get('backup-instance')).toBe('breached');
    expect(clockVerdicts([warned, met(true)]).get('backup-instance')).toBe('met');
  });

  it('stands on track without events, warns while a warning is open, and shows any breach', () => {
    expect(slaStandingOf([])).toBe('on-track');
    expect(slaStandingOf([warned])).toBe('warning');
    expect(slaStandingOf([warned, met(true)])).toBe('on-track');
    const otherMet = { summary: 'Clock fix-release met', details: { clock: 'fix-release', deadline, onTime: true } };
    expect(slaStandingOf([otherMet, warned, breached])).toBe('breached');
  });
});
