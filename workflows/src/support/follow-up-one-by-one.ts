import { sleep } from '@temporalio/workflow';
import type { FollowUpNoticesInput } from '../building-blocks/follow-up-notices';
import { reminderRevision } from '@firebreak/domain';
import { mail } from './activity-proxies';
import { describeFailure, recordEvent } from './incident-journal';

/**
 * How follow-ups ran before reminders went out in pages: the whole unacknowledged list comes into the workflow and
 * each reminder and its timeline event is an activity of its own. Kept so that follow-ups recorded that way replay
 * unchanged; it starts after the first delay.
 */
export async function followUpOneByOne(
  input: FollowUpNoticesInput,
  label: string,
): Promise<{ reminded: number; escalated: number }> {
  const notice = { incidentId: input.incidentId, kind: input.kind, revision: input.revision };
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
            about: `the ${label}`,
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
  const subject = `${stillUnacknowledged.length} contact(s) have not acknowledged the ${label}`;
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
