import type { IncidentDetailsNoticeData } from '@firebreak/domain';
import { mail } from '../support/activity-proxies';
import { describeFailure, recordEvent } from '../support/incident-journal';

export interface NotifyInput {
  incidentId: string;
  /** The notice content for each affected customer, keyed by customer id. */
  noticeFor: (customer: { id: string; name: string }) => IncidentDetailsNoticeData;
  customerIds: string[];
}

export interface NotifyResult {
  sent: number;
  failed: { contactId: string; reason: string }[];
}

/**
 * Emails every designated technical contact of the affected customers, one message each, in parallel.
 * One contact's permanent failure is recorded and does not stop the others.
 */
export async function notifyDesignatedContacts(input: NotifyInput): Promise<NotifyResult> {
  const recipients = await mail.listNoticeRecipients({ customerIds: input.customerIds });
  const outcomes = await Promise.allSettled(
    recipients.map(async (contact) => {
      const result = await mail.sendIncidentDetails({
        incidentId: input.incidentId,
        contactId: contact.id,
        revision: 1,
        data: input.noticeFor({ id: contact.customerId, name: contact.customerName }),
      });
      await recordEvent(
        input.incidentId,
        'notice',
        `Incident details ${result.outcome === 'sent' ? 'sent' : 'already sent'} to ${contact.name} <${contact.email}>`,
        { ...result, customerId: contact.customerId },
      );
      return result;
    }),
  );
  const failed: NotifyResult['failed'] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'rejected') failed.push({ contactId: recipients[i]!.id, reason: describeFailure(outcome.reason) });
  });
  for (const f of failed) {
    await recordEvent(input.incidentId, 'notice', `Incident details could not be delivered to ${f.contactId}: ${f.reason}`, f);
  }
  return { sent: recipients.length - failed.length, failed };
}

