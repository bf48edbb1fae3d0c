import { type FirebreakDb, listNotices, listTimeline } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { INCIDENT, openNoticeDb, page, relay } from './__fixtures__/notices';
import { createNotifyActivities } from './create-notify-activities';

describe('sendNoticeBatch', () => {
  let db: FirebreakDb;
  beforeEach(async () => {
    db = await openNoticeDb();
  });
  afterEach(() => db.destroy());

  it("sends to each designated contact of the page's customers, with its customer's name, and records each once", async () => {
    const mail = relay();
    const activities = createNotifyActivities({ db, transport: mail.transport, from: 'Firebreak <f@example.org>' });
    expect(await activities.sendNoticeBatch(page)).toEqual({ contacts: 4, sent: 4, alreadySent: 0, failed: [] });
    expect(mail.delivered.sort()).toEqual([
      'ann@cyberdyne.example',
      'ann@umbrella.example',
      'ben@cyberdyne.example',
      'ben@umbrella.example',
    ]);
    const stored = await db.selectFrom('notices').select(['contact_id', 'content']).execute();
    expect(stored.map((n) => [n.contact_id, JSON.parse(String(n.content)).customerName]).sort()).toEqual([
      ['cyberdyne-ann', 'Cyberdyne'],
      ['cyberdyne-ben', 'Cyberdyne'],
      ['umbrella-ann', 'Umbrella'],
      ['umbrella-ben', 'Umbrella'],
    ]);

    // The same page again, as a retried activity: nothing is sent or recorded twice.
    expect(await activities.sendNoticeBatch(page)).toEqual({ contacts: 4, sent: 0, alreadySent: 4, failed: [] });
    expect(mail.delivered).toHaveLength(4);
    expect((await listTimeline(db, INCIDENT)).filter((e) => e.summary.startsWith('Notice bulletin-exploitable'))).toHaveLength(4);
  });

  it('records a refusal for good and sends the others; a repeated page does not knock on that mailbox again', async () => {
    const mail = relay({ 'ben@umbrella.example': 550 });
    const activities = createNotifyActivities({ db, transport: mail.transport, from: 'Firebreak <f@example.org>' });
    const first = await activities.sendNoticeBatch(page);
    expect(first).toMatchObject({ contacts: 4, sent: 3, failed: [{ contactId: 'umbrella-ben', reason: expect.stringContaining('550') }] });

    delete mail.answers['ben@umbrella.example'];
    const again = await activities.sendNoticeBatch(page);
    expect(again).toMatchObject({ sent: 0, alreadySent: 3, failed: [{ contactId: 'umbrella-ben' }] });
    expect(mail.delivered).not.toContain('ben@umbrella.example');
    const failures = (await listTimeline(db, INCIDENT)).filter((e) =>
      e.summary.startsWith('A notice could not be delivered to umbrella-ben'),
    );
    expect(failures).toHaveLength(1);
  });

  it('retries the page when a send fails for now, after the others went; the retry sends only what is left', async () => {
    const mail = relay({ 'ann@cyberdyne.example': 451 });
    const activities = createNotifyActivities({ db, transport: mail.transport, from: 'Firebreak <f@example.org>' });
    await expect(activities.sendNoticeBatch(page)).rejects.toMatchObject({ type: 'SMTP_TEMPORARY', nonRetryable: false });
    expect(mail.delivered).toHaveLength(3);

    delete mail.answers['ann@cyberdyne.example'];
    expect(await activities.sendNoticeBatch(page)).toEqual({ contacts: 4, sent: 1, alreadySent: 3, failed: [] });
    expect(mail.delivered.filter((to) => to === 'ann@cyberdyne.example')).toHaveLength(1);
    expect((await listNotices(db, INCIDENT)).every((n) => n.status === 'sent')).toBe(true);
  });

  it('refuses a page that is not valid, and sends nothing', async () => {
    const mail = relay();
    const activities = createNotifyActivities({ db, transport: mail.transport, from: 'Firebreak <f@example.org>' });
    await expect(activities.sendNoticeBatch({ ...page, revision: 0 })).rejects.toMatchObject({ type: 'INVALID_INPUT', nonRetryable: true });
    expect(mail.delivered).toEqual([]);
  });
});
