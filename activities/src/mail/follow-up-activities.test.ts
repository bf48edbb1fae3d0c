import { acknowledgeNotice, type FirebreakDb, listTimeline } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { INCIDENT, openNoticeDb, page, relay } from './__fixtures__/notices';
import { createNotifyActivities } from './create-notify-activities';

describe('follow-up activities', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = await openNoticeDb();
  });
  afterEach(() => db.destroy());

  const notice = { incidentId: INCIDENT, kind: 'bulletin-exploitable' as const, revision: 1 };
  const reminders = {
    notice,
    playbookTitle: 'Potentially exploitable vulnerability',
    severity: 'high',
    about: 'the security bulletin',
    linkTtlSeconds: 600,
  };

  it('reminds the unacknowledged a page at a time, once each, then names them to on-call once', async () => {
    const mail = relay();
    const activities = createNotifyActivities({ db, transport: mail.transport, from: 'Firebreak <f@example.org>' });
    await activities.sendNoticeBatch(page);
    await acknowledgeNotice(
      db,
      { ...notice, contactId: 'cyberdyne-ann' },
      { kind: 'contact', id: 'cyberdyne-ann', name: 'Ann' },
      '2026-11-27T11:00:00.000Z',
    );
    mail.delivered.length = 0;

    const first = await activities.sendRemindersPage({ ...reminders, limit: 2 });
    expect(first).toEqual({ reminded: 2, failed: 0, nextAfter: 'umbrella-ann' });
    const second = await activities.sendRemindersPage({ ...reminders, limit: 2, afterContactId: first.nextAfter! });
    expect(second).toEqual({ reminded: 1, failed: 0, nextAfter: null });
    expect(mail.delivered.sort()).toEqual(['ben@cyberdyne.example', 'ben@umbrella.example', 'ann@umbrella.example'].sort());

    // A repeated page reminds nobody twice.
    expect(await activities.sendRemindersPage({ ...reminders, limit: 2 })).toMatchObject({ reminded: 2 });
    expect(mail.delivered).toHaveLength(3);
    expect((await listTimeline(db, INCIDENT)).filter((e) => e.summary.startsWith('Reminder of the unacknowledged'))).toHaveLength(3);

    const alert = { notice, label: 'security bulletin', operationsEmail: 'on-call@provider.example' };
    expect(await activities.alertUnacknowledged(alert)).toEqual({ escalated: 3 });
    expect(await activities.alertUnacknowledged(alert)).toEqual({ escalated: 3 });
    expect(mail.delivered.filter((to) => to === 'on-call@provider.example')).toHaveLength(1);
    expect((await listTimeline(db, INCIDENT)).filter((e) => e.summary.startsWith('Operations alerted: 3 contact(s)'))).toHaveLength(1);
  });
});
