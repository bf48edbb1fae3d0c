import { patched } from '@temporalio/workflow';
import { DEFAULT_POLICY, type NoticeContent } from '@firebreak/domain';
import type { NotifyCustomersInput, NotifyResult } from '../building-blocks/notify-customers';
import { mail } from './activity-proxies';
import { describeFailure, recordEvent } from './incident-journal';
import type { IncidentRun } from './incident-run';
import { settleInWindow } from './settle-in-window';

/**
 * Sends in flight at once. Thousands scheduled in one workflow task exceed gRPC's 4 MiB message limit (the task fails
 * for ever) and Temporal's 2,000 pending activities per workflow.
 */
const SEND_WINDOW = 200;

/**
 * How notice rounds went out before they were sent in batches: the recipient list comes into the workflow and each
 * send and its timeline event is an activity of its own. Kept so that incidents recorded that way replay unchanged;
 * new rounds use the batches (see notifyCustomers).
 */
export async function notifyOneByOne(run: IncidentRun, input: NotifyCustomersInput): Promise<NotifyResult> {
  const recipients = await mail.listNoticeRecipients({
    customerIds: input.customerIds,
    roles: input.roles ?? ['designated-technical'],
  });
  const notifyOne = async (contact: (typeof recipients)[number]) => {
    const content = { ...input.contentFor(contact.customerId), customerName: contact.customerName } as NoticeContent;
    const result = await mail.sendNotice({
      contactId: contact.id,
      revision: input.revision ?? 1,
      content,
      linkTtlSeconds: run.input.policy.linkTtlSeconds ?? DEFAULT_POLICY.linkTtlSeconds,
    });
    const verb = result.outcome === 'sent' ? 'sent' : 'already sent';
    await recordEvent(run.incidentId, 'notice', `Notice ${content.kind} ${verb} to ${contact.name} <${contact.email}>`, {
      ...result,
      customerId: contact.customerId,
    });
    return result;
  };
  // Histories recorded before the window existed scheduled every send in one workflow task; they replay that way.
  const outcomes = patched('notice-send-window')
    ? await settleInWindow(recipients, SEND_WINDOW, notifyOne)
    : await Promise.allSettled(recipients.map(notifyOne));
  const failed: NotifyResult['failed'] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'rejected') failed.push({ contactId: recipients[i]!.id, reason: describeFailure(outcome.reason) });
  });
  for (const f of failed) {
    await recordEvent(run.incidentId, 'notice', `A notice could not be delivered to ${f.contactId}: ${f.reason}`, f);
  }
  return { sent: recipients.length - failed.length, failed };
}
