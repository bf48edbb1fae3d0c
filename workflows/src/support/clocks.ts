import type { ClockName } from '@firebreak/domain';
import { condition } from '@temporalio/workflow';

import { alertOperations } from './alert-operations';
import { now, recordEvent } from './incident-journal';
import type { IncidentRun } from './incident-run';

export interface RunningClock {
  /** The awaited event happened: stops the clock, on time or late. */
  met(): Promise<void>;
  /** The awaited event will not happen (e.g. no backup was deemed safe): stops the clock without a verdict. */
  cancel(reason: string): Promise<void>;
}

/**
 * A durable deadline raced against the event it waits for. A warning goes to on-call when the policy's share of the
 * time is used, a breach is recorded (and alerted) at the deadline; both are timeline events. Timers are Temporal's,
 * so they survive worker restarts and never wait in process memory.
 */
export function startClock(run: IncidentRun, name: ClockName, seconds: number, startedAt = now()): RunningClock {
  const startMs = Date.parse(startedAt);
  const deadlineMs = startMs + seconds * 1000;
  const warnMs = startMs + seconds * 1000 * run.input.policy.warnAtFraction;
  const clock = { name, startedAt, deadline: new Date(deadlineMs).toISOString(), status: 'running' as const, metAt: null };
  run.trackClock(clock);
  const state = run.clock(name)!;
  let met = false;

  const watch = async () => {
    if (await condition(() => met, Math.max(1, warnMs - Date.now()))) return;
    state.status = 'warned';
    const left = Math.round((deadlineMs - Date.now()) / 1000);
    await recordEvent(run.incidentId, 'clock', `Clock ${name}: ${left} s left before ${state.deadline}`, {
      clock: name,
      deadline: state.deadline,
      outcome: 'warned',
    });
    await alertOperations(run, `clock-warning-${name}`, `${name} is due at ${state.deadline}`, [
      `The ${name} target of incident ${run.incidentId} is due at ${state.deadline} (${left} s left).`,
    ]);
    if (await condition(() => met, Math.max(1, deadlineMs - Date.now()))) return;
    state.status = 'breached';
    await recordEvent(run.incidentId, 'clock', `Clock ${name} breached at ${state.deadline}`, {
      clock: name,
      deadline: state.deadline,
      outcome: 'breached',
    });
    await alertOperations(run, `clock-breach-${name}`, `${name} target missed`, [
      `The ${name} target of incident ${run.incidentId} was due at ${state.deadline} and has been missed.`,
    ]);
  };
  const watching = watch();

  return {
    async cancel(reason) {
      if (met) return;
      met = true;
      await watching;
      if (state.status !== 'breached') state.status = 'cancelled';
      await recordEvent(run.incidentId, 'clock', `Clock ${name} stopped: ${reason}`, { clock: name, reason, outcome: 'cancelled' });
    },
    async met() {
      if (met) return;
      met = true;
      await watching;
      state.metAt = now();
      const onTime = state.status !== 'breached';
      if (onTime) state.status = 'met';
      await recordEvent(run.incidentId, 'clock', `Clock ${name} ${onTime ? 'met' : 'met late'} at ${state.metAt}`, {
        clock: name,
        deadline: state.deadline,
        onTime,
        outcome: onTime ? 'met' : 'met-late',
      });
    },
  };
}
