import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { createIncident } from './incidents';
import {
  countOtherActiveSourceBlockEntries,
  listActiveSourceBlockEntries,
  recordSourceBlockEntry,
  releaseSourceBlockEntry,
  type SourceBlockEntry,
} from './source-blocks';

const AT = '2026-11-27T10:00:00.000Z';

function entry(incidentId: string, overrides: Partial<SourceBlockEntry> = {}): SourceBlockEntry {
  return {
    incidentId,
    deploymentId: 'shared-transfer-eu',
    networkAclId: 'acl-1',
    egress: false,
    cidr: '203.0.113.7/32',
    ruleNumber: 1,
    createdEntry: true,
    ...overrides,
  };
}

describe('source block entries', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    for (const id of ['inc-aaaaaaaaaaaa', 'inc-bbbbbbbbbbbb']) {
      await createIncident(db, {
        id,
        playbook: 'suspicious-activity',
        severity: 'medium',
        summary: 's',
        deploymentIds: ['shared-transfer-eu'],
        customerIds: ['acme'],
        workflowId: `incident-${id}`,
        declaredBy: { kind: 'user', id: 'u', name: 'U' },
        declaredAt: AT,
        steps: [],
      });
    }
  });
  afterEach(async () => db.destroy());

  it('records once per incident, ACL, direction and CIDR, and revives a lifted record', async () => {
    const a = entry('inc-aaaaaaaaaaaa');
    await recordSourceBlockEntry(db, a, AT);
    await recordSourceBlockEntry(db, a, AT);
    await recordSourceBlockEntry(db, { ...a, egress: true }, AT);
    expect(await listActiveSourceBlockEntries(db, { incidentId: a.incidentId })).toEqual([a, { ...a, egress: true }]);
    expect(await listActiveSourceBlockEntries(db, { incidentId: a.incidentId, cidr: '198.51.100.0/24' })).toEqual([]);

    await releaseSourceBlockEntry(db, a, AT);
    expect(await listActiveSourceBlockEntries(db, { incidentId: a.incidentId })).toEqual([{ ...a, egress: true }]);
    await recordSourceBlockEntry(db, { ...a, ruleNumber: 3 }, AT);
    expect(await listActiveSourceBlockEntries(db, { incidentId: a.incidentId })).toHaveLength(2);
  });

  it('hands the right to delete a shared entry to the incidents still relying on it', async () => {
    const a = entry('inc-aaaaaaaaaaaa');
    const b = entry('inc-bbbbbbbbbbbb', { createdEntry: false });
    await recordSourceBlockEntry(db, a, AT);
    await recordSourceBlockEntry(db, b, AT);
    expect(await countOtherActiveSourceBlockEntries(db, a)).toBe(1);

    await releaseSourceBlockEntry(db, a, AT);
    const [inherited] = await listActiveSourceBlockEntries(db, { incidentId: b.incidentId });
    expect(inherited?.createdEntry).toBe(true);
    expect(await countOtherActiveSourceBlockEntries(db, inherited!)).toBe(0);
  });
});
