import type { NoticeKind } from '@firebreak/domain';
import { sleep } from '@temporalio/workflow';

import { mail, mailBatch } from '../support/activity-proxies';

export interface FollowUpNoticesInput {
  incidentId: string;
  kind: NoticeKind;
  revision: number;
  playbookTitle: string;
  severity: string;
  /** How long a contact has to acknowledge before a reminder, and again before on-call is alerted. */
  delaySeconds: number;
  operationsEmail: string;
  linkTtlSeconds: number;
}

const KIND_LABEL: Record<NoticeKind, string> = {
  'incident-details': 'incident details',
  'risk-communication': 'risk communication',
  'backup-environment-ready': 'clean environment details',
  'maintenance-schedule': 'maintenance schedule',
  'deferral-confirmation': 'maintenance deferral confirmation',
  'bulletin-exploitable': 'security bulletin',
  'bulletin-not-exploitable': 'security bulletin',
  'monitoring-sign-off-request': 'monitoring sign-off request',
  'incident-closed': 'incident closure notice',
  'service-restored': 'service restored notice',
  reminder: 'reminder',
};

/** Contacts reminded per activity: each page is a few history events, however many contacts there are. */
const REMINDERS_PER_PAGE = 250;

/**
 * Child workflow started after each notice round: contacts who have not acknowledged the notice after the policy's
 * delay get one reminder (its link opens the original notice); whoever still has not after a second delay is named
 * to on-call. Acknowledgements are read from the outbox, where the contact's page records them.
 */
export async function followUpNotices(input: FollowUpNoticesInput): Promise<{ reminded: number; escalated: number }> {
  const notice = { incidentId: input.incidentId, kind: input.kind, revision: input.revision };
  await sleep(input.delaySeconds * 1000);
  let reminded = 0;
  let attempted = 0;
  let afterContactId: string | null = null;
  do {
    const page: { reminded: number; failed: number; nextAfter: string | null } = await mailBatch.sendRemindersPage({
      notice,
      playbookTitle: input.playbookTitle,
      severity: input.severity,
      about: `the ${KIND_LABEL[input.kind]}`,
      linkTtlSeconds: input.linkTtlSeconds,
      ...(afterContactId !== null ? { afterContactId } : {}),
      limit: REMINDERS_PER_PAGE,
    });
    reminded += page.reminded;
    attempted += page.reminded + page.failed;
    afterContactId = page.nextAfter;
  } while (afterContactId !== null);
  if (attempted === 0) return { reminded: 0, escalated: 0 };

  await sleep(input.delaySeconds * 1000);
  const { escalated } = await mail.alertUnacknowledged({
    notice,
    label: KIND_LABEL[input.kind],
    operationsEmail: input.operationsEmail,
  });
  return { reminded, escalated };
}
