import type { TimelineEvent, TimelineEventKind } from '@firebreak/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { type FirebreakDb, migrateToLatest, openDatabase } from '../open-database';
import { createIncident } from './incidents';
import { appendTimelineEvent } from './timeline';
import { countTimeline, listLatestTimeline, listTimelinePage } from './timeline-page';

const INCIDENT = 'inc-aaaaaaaaaaaa';
const KINDS: TimelineEventKind[] = ['step', 'notice', 'ec2-change', 'decision'];

function event(n: number, incidentId = INCIDENT): TimelineEvent {
  const kind = KINDS[n % KINDS.length]!;
  return {
    id: `${incidentId}-e${n}`,
    incidentId,
    // Pairs of events share a second, so recording order breaks the tie.
    at: new Date(Date.UTC(2026, 10, 27, 10, 0, Math.floor(n / 2))).toISOString(),
    actor: { kind: 'system', id: 'firebreak', name: 'Firebreak' },
    kind,
    summary: `event ${n}`,
    details: kind === 'decision' ? (n % 8 === 3 ? { reason: 'checked' } : { choice: 'yes' }) : {},
  };
}

describe('timeline pages', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    await migrateToLatest(db);
    for (const id of [INCIDENT, 'inc-bbbbbbbbbbbb']) {
      await createIncident(db, {
        id,
        playbook: 'infrastructure-compromise',
        severity: 'high',
        summary: id,
        deploymentIds: ['d1'],
        customerIds: ['acme'],
        workflowId: `incident-${id}`,
        declaredBy: { kind: 'user', id: 'u', name: 'U' },
        declaredAt: '2026-11-27T09:00:00.000Z',
        steps: [],
      });
    }
    for (let n = 0; n < 50; n++) await appendTimelineEvent(db, event(n));
    await appendTimelineEvent(db, event(0, 'inc-bbbbbbbbbbbb'));
  });
  afterEach(() => db.destroy());

  it('walks the whole timeline oldest first, page by page, by keyset or by offset', async () => {
    const seen: string[] = [];
    let page = await listTimelinePage(db, INCIDENT, { limit: 20 });
    seen.push(...page.events.map((e) => e.summary));
    while (page.next) {
      page = await listTimelinePage(db, INCIDENT, { limit: 20, after: page.next });
      seen.push(...page.events.map((e) => e.summary));
    }
    expect(seen).toEqual(Array.from({ length: 50 }, (_, n) => `event ${n}`));
    const third = await listTimelinePage(db, INCIDENT, { limit: 20, offset: 40 });
    expect(third.events.map((e) => e.summary)).toEqual(seen.slice(40));
    expect(third.next).toBeNull();
    // Exactly a page's worth left: no empty page follows.
    expect((await listTimelinePage(db, INCIDENT, { limit: 25, offset: 25 })).next).toBeNull();
    expect(third.events[0]).toEqual(event(40));
  });

  it('filters by kind in SQL and counts events and decisions with a reason', async () => {
    const decisions = await listTimelinePage(db, INCIDENT, { limit: 100, kinds: ['decision'] });
    expect(decisions.events.map((e) => e.summary)).toEqual(Array.from({ length: 12 }, (_, i) => `event ${i * 4 + 3}`));
    expect(await countTimeline(db, INCIDENT)).toEqual({ events: 50, decisionsWithReasons: 6 });
    expect(await countTimeline(db, INCIDENT, ['decision', 'step'])).toEqual({ events: 25, decisionsWithReasons: 6 });
    expect(await countTimeline(db, 'inc-nothing')).toEqual({ events: 0, decisionsWithReasons: 0 });
  });

  it('gives the latest events in timeline order', async () => {
    expect((await listLatestTimeline(db, INCIDENT, 3)).map((e) => e.summary)).toEqual(['event 47', 'event 48', 'event 49']);
    expect(await listLatestTimeline(db, 'inc-bbbbbbbbbbbb', 200)).toHaveLength(1);
  });
});
