import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { createIncident, setIncidentStatus } from './incidents';
import { searchIncidents } from './search-incidents';
import { appendTimelineEvent } from './timeline';

describe('searchIncidents', () => {
  let db: FirebreakDb;
  const declare = (
    id: string,
    declaredAt: string,
    customerIds: string[],
    playbook: 'infrastructure-compromise' | 'suspicious-activity' = 'infrastructure-compromise',
  ) =>
    createIncident(db, {
      id,
      playbook,
      severity: 'high',
      summary: 's',
      deploymentIds: ['d1'],
      customerIds,
      workflowId: `incident-${id}`,
      declaredBy: { kind: 'user', id: 'u', name: 'U' },
      declaredAt,
      steps: ['disconnect'],
    });

  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await declare('inc-1', '2026-11-01T10:00:00.000Z', ['acme']);
    await declare('inc-2', '2026-11-02T10:00:00.000Z', ['acme_eu', 'globex'], 'suspicious-activity');
    // Two incidents declared in the same millisecond still page apart.
    await declare('inc-3', '2026-11-03T10:00:00.000Z', ['globex']);
    await declare('inc-4', '2026-11-03T10:00:00.000Z', ['acme']);
    await setIncidentStatus(db, 'inc-4', 'contained', '2026-11-03T10:01:00.000Z');
  });
  afterEach(() => db.destroy());

  it('pages newest first with a cursor that survives equal declaration times', async () => {
    const first = await searchIncidents(db, { limit: 2 });
    expect(first.incidents.map((i) => i.id)).toEqual(['inc-4', 'inc-3']);
    expect(first.next).toEqual({ declaredAt: '2026-11-03T10:00:00.000Z', id: 'inc-3' });
    const second = await searchIncidents(db, { limit: 2, before: first.next! });
    expect(second.incidents.map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
    expect(second.next).toBeNull();
  });

  it('filters by status, playbook, customer (exact id, wildcards taken literally) and time', async () => {
    const ids = async (search: Parameters<typeof searchIncidents>[1]) => (await searchIncidents(db, search)).incidents.map((i) => i.id);
    expect(await ids({ limit: 10, status: 'contained' })).toEqual(['inc-4']);
    expect(await ids({ limit: 10, playbook: 'suspicious-activity' })).toEqual(['inc-2']);
    expect(await ids({ limit: 10, customerId: 'acme' })).toEqual(['inc-4', 'inc-1']);
    expect(await ids({ limit: 10, customerId: 'acme_eu' })).toEqual(['inc-2']);
    expect(await ids({ limit: 10, customerId: 'acm%' })).toEqual([]);
    expect(await ids({ limit: 10, declaredFrom: '2026-11-02T00:00:00.000Z', declaredTo: '2026-11-03T00:00:00.000Z' })).toEqual(['inc-2']);
  });

  it('gives each incident its SLA standing from its clock events', async () => {
    const deadline = '2026-11-04T10:00:00.000Z';
    await appendTimelineEvent(db, {
      id: 'e1',
      incidentId: 'inc-3',
      at: '2026-11-04T09:00:00.000Z',
      actor: { kind: 'system', id: 'firebreak', name: 'Firebreak' },
      kind: 'clock',
      summary: `Clock backup-instance: 3600 s left before ${deadline}`,
      details: { clock: 'backup-instance', deadline, outcome: 'warned' },
    });
    const { incidents } = await searchIncidents(db, { limit: 10 });
    expect(Object.fromEntries(incidents.map((i) => [i.id, i.sla]))).toEqual({
      'inc-1': 'on-track',
      'inc-2': 'on-track',
      'inc-3': 'warning',
      'inc-4': 'on-track',
    });
  });
});
