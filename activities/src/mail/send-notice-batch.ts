import { heartbeat } from '@firebreak/aws';
import { type FirebreakDb, listNoticeRecipients, type NoticeRecipient } from '@firebreak/db';
import { FAILURE } from '@firebreak/domain';
import { ContactRole, type CustomerNoticeContent, type NoticeContent } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';

import { isFinalNoticeFailure, pageNotDoneYet } from './final-notice-failure';
import { recordNoticeEvent } from './record-notice-event';
import type { SendNoticeInput, SendNoticeResult } from './send-notice-input';

export const NoticeBatchInput = z.object({
  incidentId: z.string().min(1),
  roles: z.array(ContactRole).min(1),
  revision: z.number().int().min(1),
  linkTtlSeconds: z.number().int().positive().optional(),
  /** One notice per customer; each is checked in full, with the customer's name, before it is sent. */
  notices: z.array(z.object({ customerId: z.string().min(1), content: z.custom<CustomerNoticeContent>() })).max(500),
});
export type NoticeBatchInput = z.infer<typeof NoticeBatchInput>;

export interface NoticeBatchResult {
  contacts: number;
  sent: number;
  alreadySent: number;
  /** Contacts whose notice was refused for good (or is not valid): recorded, and not sent again by a repeated page. */
  failed: { contactId: string; reason: string }[];
}

/**
 * Sends one notice round to the matching contacts of a page of customers. The contacts are read here, not passed in,
 * and each send and its timeline event happen here, so a round over thousands of contacts costs the workflow a few
 * events per page instead of several per contact, and no payload grows with the directory.
 *
 * Safe to repeat: each send goes through the outbox (a sent notice is not sent again) and each timeline event has an
 * id made from the notice key. When some sends fail for a temporary reason the whole page is retried after the others
 * are done; the retry skips what was sent.
 */
export function createSendNoticeBatch(db: FirebreakDb, sendNotice: (input: SendNoticeInput) => Promise<SendNoticeResult>) {
  return async function sendNoticeBatch(raw: NoticeBatchInput): Promise<NoticeBatchResult> {
    const parsed = NoticeBatchInput.safeParse(raw);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`notice batch is not valid: ${parsed.error.message}`, FAILURE.INVALID_INPUT);
    }
    const input = parsed.data;
    const contentOf = new Map(input.notices.map((n) => [n.customerId, n.content]));
    const recipients = await listNoticeRecipients(db, [...contentOf.keys()], input.roles);
    const result: NoticeBatchResult = { contacts: recipients.length, sent: 0, alreadySent: 0, failed: [] };
    const temporary: string[] = [];

    await Promise.all(
      recipients.map(async (contact) => {
        const content = { ...contentOf.get(contact.customerId)!, customerName: contact.customerName } as NoticeContent;
        const key = `${input.incidentId}:${content.kind}:${contact.id}:r${input.revision}`;
        try {
          const sent = await sendNotice({
            contactId: contact.id,
            revision: input.revision,
            content,
            ...(input.linkTtlSeconds ? { linkTtlSeconds: input.linkTtlSeconds } : {}),
          });
          result[sent.outcome === 'sent' ? 'sent' : 'alreadySent'] += 1;
          await recordSent(db, input.incidentId, key, contact, sent);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          if (!isFinalNoticeFailure(error)) {
            temporary.push(reason);
            return;
          }
          try {
            await recordFailed(db, input.incidentId, key, contact.id, reason);
            result.failed.push({ contactId: contact.id, reason });
          } catch (recording) {
            temporary.push(`recording the failure: ${recording instanceof Error ? recording.message : String(recording)}`);
          }
        } finally {
          heartbeat();
        }
      }),
    );
    if (temporary.length > 0) throw pageNotDoneYet(temporary, recipients.length);
    return result;
  };
}

function recordSent(db: FirebreakDb, incidentId: string, key: string, contact: NoticeRecipient, sent: SendNoticeResult) {
  const verb = sent.outcome === 'sent' ? 'sent' : 'already sent';
  return recordNoticeEvent(db, {
    id: `notice-sent:${key}`,
    incidentId,
    summary: `Notice ${sent.kind} ${verb} to ${contact.name} <${contact.email}>`,
    details: { ...sent, customerId: contact.customerId },
  });
}

function recordFailed(db: FirebreakDb, incidentId: string, key: string, contactId: string, reason: string) {
  return recordNoticeEvent(db, {
    id: `notice-failed:${key}`,
    incidentId,
    summary: `A notice could not be delivered to ${contactId}: ${reason}`,
    details: { contactId, reason },
  });
}
