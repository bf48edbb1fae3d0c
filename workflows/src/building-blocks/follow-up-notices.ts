import { sleep } from '@temporalio/workflow';
import { type NoticeKind, reminderRevision } from '@firebreak/domain';
import { mail } from '../support/activity-proxies';
import { describeFailure, recordEvent } from '../support/incident-journal';

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
  reminder: 'reminder',
};

/**
 * Child workflow started after each notice round: contacts who have not acknowledged the notice after the policy's
 * delay get one reminder (its link opens the original notice); whoever still has not after a second delay is named
 * to on-call. Acknowledgements are read from the outbox, where the contact's page records them.
 */
export async function followUpNotices(input: FollowUpNoticesInput): Promise<{ reminded: number; escalated: number }> {
  const notice = { incidentId: input.incidentId, kind: input.kind, revision: input.revision };
  await sleep(input.delaySeconds * 1000);
  const unacknowledged = await mail.listUnacknowledgedNotices(notice);
  if (unacknowledged.length === 0) return { reminded: 0, escalated: 0 };
  await Promise.all(
    unacknowledged.map(async (contact) => {
      try {
        const result = await mail.sendNotice({
          contactId: contact.contactId,
          revision: reminderRevision(input.kind, input.revision),
          linkTtlSeconds: input.linkTtlSeconds,
          content: {
            kind: 'reminder',
            incidentId: input.incidentId,
            playbookTitle: input.playbookTitle,
            severity: input.severity,
            customerName: contact.customerName,
            about: `the ${KIND_LABEL[input.kind]}`,
            at: contact.sentAt,
            regarding: { kind: input.kind, revision: input.revision },
          },
        });
        await recordEvent(input.incidentId, 'notice', `Reminder of the unacknowledged ${input.kind} sent to ${contact.contactName}`, {
          ...result,
          regarding: notice,
        });
      } catch (error) {
        await recordEvent(input.incidentId, 'notice', `A reminder could not be delivered to ${contact.contactId}: ${describeFailure(error)}`, {
          contactId: contact.contactId,
          regarding: notice,
        });
      }
    }),
  );

  await sleep(input.delaySeconds * 1000);
  const stillUnacknowledged = await mail.listUnacknowledgedNotices(notice);
  if (stillUnacknowledged.length === 0) return { reminded: unacknowledged.length, escalated: 0 };
  const key = `unacknowledged-${input.kind}-${input.revision}`.slice(0, 120);
  const subject = `${stillUnacknowledged.length} contact(s) have not acknowledged the ${KIND_LABEL[input.kind]}`;
  await mail.sendOperationsAlert({
    alert: {
      incidentId: input.incidentId,
      key,
      subject,
      lines: stillUnacknowledged.map((c) => `${c.contactName} <${c.recipientEmail}> of ${c.customerName}, sent ${c.sentAt}, reminded`),
    },
    to: input.operationsEmail,
  });
  await recordEvent(input.incidentId, 'notice', `Operations alerted: ${subject}`, {
    key,
    to: input.operationsEmail,
    contactIds: stillUnacknowledged.map((c) => c.contactId),
  });
  return { reminded: unacknowledged.length, escalated: stillUnacknowledged.length };
}
