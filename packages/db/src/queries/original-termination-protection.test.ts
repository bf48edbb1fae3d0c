import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { createIncident } from './incidents';
import { findOriginalTerminationProtection, recordOriginalTerminationProtectionOnce } from './original-termination-protection';

describe('original termination protection', () => {
  let db: FirebreakDb;
  const incidentId = 'inc-aaaaaaaaaaaa';
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    await createIncident(db, {
      id: incidentId,
      playbook: 'infrastructure-compromise',
      severity: 'high',
      summary: 's',
      deploymentIds: ['d1', 'd2'],
      customerIds: [],
      workflowId: `incident-${incidentId}`,
      declaredBy: { kind: 'user', id: 'u', name: 'U' },
      declaredAt: '2026-11-27T10:00:00.000Z',
      steps: ['disconnect'],
    });
  });
  afterEach(() => db.destroy());

  it('keeps the first record per instance: a retry that reads the protection Firebreak set does not replace it', async () => {
    const key = { incidentId, deploymentId: 'd1', instanceId: 'i-1' };
    expect(await recordOriginalTerminationProtectionOnce(db, { ...key, protected: false, at: 'a' })).toBe(false);
    expect(await recordOriginalTerminationProtectionOnce(db, { ...key, protected: true, at: 'b' })).toBe(false);
    await recordOriginalTerminationProtectionOnce(db, { ...key, instanceId: 'i-2', protected: true, at: 'a' });
    await recordOriginalTerminationProtectionOnce(db, { ...key, deploymentId: 'd2', protected: true, at: 'a' });
    expect(await findOriginalTerminationProtection(db, incidentId, 'd1')).toEqual(
      new Map([
        ['i-1', false],
        ['i-2', true],
      ]),
    );
    expect(await db.selectFrom('original_termination_protection').selectAll().execute()).toHaveLength(3);
  });
});
