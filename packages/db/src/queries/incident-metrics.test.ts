import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { type IncidentFacts, loadIncidentMetrics, summarizeIncidentMetrics } from './incident-metrics';
import { createIncident, recordStep } from './incidents';
import { appendTimelineEvent } from './timeline';

const MIN = 60_000;
const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * MIN).toISOString();

function facts(
  id: string,
  playbook: IncidentFacts['playbook'],
  declaredAt: string,
  ended: Partial<Record<'contain' | 'notify' | 'restore', number>>,
  clocks: [string, string][] = [],
): IncidentFacts {
  return {
    id,
    playbook,
    declaredAt,
    endedAt: Object.fromEntries(Object.entries(ended).map(([metric, minutes]) => [metric, at(declaredAt, minutes)])),
    clocks: new Map(clocks),
  };
}

describe('incident metrics', () => {
  it('summarizes spans per playbook and per month with nearest-rank medians', () => {
    const metrics = summarizeIncidentMetrics([
      facts('a', 'infrastructure-compromise', '2026-10-03T10:00:00.000Z', { contain: 2, notify: 5, restore: 600 }),
      facts('b', 'infrastructure-compromise', '2026-11-03T10:00:00.000Z', { contain: 4, notify: 9 }),
      facts('c', 'infrastructure-compromise', '2026-11-20T10:00:00.000Z', { contain: 10 }),
      facts('d', 'application-compromise', '2026-11-21T10:00:00.000Z', { contain: 3, restore: 120 }),
    ]);
    expect(metrics.incidents).toBe(4);
    expect(metrics.durations.contain.byPlaybook).toEqual([
      { playbook: 'application-compromise', count: 1, medianMs: 3 * MIN, p90Ms: 3 * MIN, maxMs: 3 * MIN },
      { playbook: 'infrastructure-compromise', count: 3, medianMs: 4 * MIN, p90Ms: 10 * MIN, maxMs: 10 * MIN },
    ]);
    expect(metrics.durations.contain.byMonth.map((m) => [m.month, m.count, m.medianMs])).toEqual([
      ['2026-10', 1, 2 * MIN],
      ['2026-11', 3, 4 * MIN],
    ]);
    expect(metrics.durations.notify.byPlaybook).toEqual([
      { playbook: 'infrastructure-compromise', count: 2, medianMs: 5 * MIN, p90Ms: 9 * MIN, maxMs: 9 * MIN },
    ]);
    expect(metrics.durations.restore.byMonth.map((m) => [m.month, m.medianMs])).toEqual([
      ['2026-10', 600 * MIN],
      ['2026-11', 120 * MIN],
    ]);
  });

  it('counts clocks met and breached, leaving open and cancelled ones out', () => {
    const metrics = summarizeIncidentMetrics([
      facts('a', 'exploitable-vulnerability', '2026-11-01T00:00:00.000Z', {}, [
        ['bulletin-target', 'met'],
        ['bulletin-limit', 'met'],
        ['fix-release', 'breached'],
      ]),
      facts('b', 'exploitable-vulnerability', '2026-12-01T00:00:00.000Z', {}, [
        ['bulletin-target', 'warned'],
        ['fix-release', 'cancelled'],
      ]),
      facts('c', 'infrastructure-compromise', '2026-12-02T00:00:00.000Z', {}, [['backup-instance', 'breached']]),
    ]);
    expect(metrics.sla.byPlaybook).toEqual([
      { playbook: 'exploitable-vulnerability', met: 2, breached: 1 },
      { playbook: 'infrastructure-compromise', met: 0, breached: 1 },
    ]);
    expect(metrics.sla.byMonth).toEqual([
      { month: '2026-11', met: 2, breached: 1 },
      { month: '2026-12', met: 0, breached: 1 },
    ]);
  });

  describe('from the database', () => {
    let db: FirebreakDb;
    beforeEach(async () => {
      db = openDatabase(':memory:');
      await migrateToLatest(db);
    });
    afterEach(() => db.destroy());

    it('reads completed steps and clock events of incidents declared in the range', async () => {
      const declare = (id: string, declaredAt: string) =>
        createIncident(db, {
          id,
          playbook: 'infrastructure-compromise',
          severity: 'high',
          summary: 's',
          deploymentIds: ['d1'],
          customerIds: ['acme'],
          workflowId: `incident-${id}`,
          declaredBy: { kind: 'user', id: 'u', name: 'U' },
          declaredAt,
          steps: ['disconnect', 'notify', 'rebuild'],
        });
      const t0 = '2026-11-27T10:00:00.000Z';
      await declare('inc-in', t0);
      await declare('inc-out', '2026-09-01T10:00:00.000Z');
      await recordStep(db, { incidentId: 'inc-in', name: 'disconnect', status: 'completed', at: at(t0, 3) });
      await recordStep(db, { incidentId: 'inc-in', name: 'notify', status: 'running', at: at(t0, 4) });
      await recordStep(db, { incidentId: 'inc-out', name: 'disconnect', status: 'completed', at: at('2026-09-01T10:00:00.000Z', 1) });
      const deadline = at(t0, 60);
      await appendTimelineEvent(db, {
        id: 'clock-1',
        incidentId: 'inc-in',
        at: at(t0, 61),
        actor: { kind: 'system', id: 'firebreak', name: 'Firebreak' },
        kind: 'clock',
        summary: `Clock backup-instance breached at ${deadline}`,
        details: { clock: 'backup-instance', deadline, outcome: 'breached' },
      });

      const metrics = await loadIncidentMetrics(db, { from: '2026-11-01T00:00:00.000Z' });
      expect(metrics.incidents).toBe(1);
      expect(metrics.durations.contain.byPlaybook).toEqual([
        { playbook: 'infrastructure-compromise', count: 1, medianMs: 3 * MIN, p90Ms: 3 * MIN, maxMs: 3 * MIN },
      ]);
      expect(metrics.durations.notify.byPlaybook).toEqual([]);
      expect(metrics.sla.byPlaybook).toEqual([{ playbook: 'infrastructure-compromise', met: 0, breached: 1 }]);
    });
  });
});
