import { ApplicationFailure } from '@temporalio/activity';
import { appendTimelineEvent, type FirebreakDb, listNoticeRecipients, type NoticeRecipient } from '@firebreak/db';
import { ContactRole, type CustomerNoticeContent, type NoticeContent, SYSTEM_ACTOR } from '@firebreak/domain';
import { z } from 'zod';
import { heartbeat } from '../support/activity-heartbeat';
import type { SendNoticeInput, SendNoticeResult } from './create-notify-activities';

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
  /** Contacts whose notice was refused for good (or could not be written): recorded, never retried by this round. */
  failed: { contactId: string; reason: string }[];
}

/** Errors the single-notice send raises when no retry can help; every other failure is temporary. */
const FINAL_FAILURES = new Set(['SMTP_PERMANENT', 'UNKNOWN_CONTACT', 'INVALID_INPUT']);

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
      throw ApplicationFailure.nonRetryable(`notice batch is not valid: ${parsed.error.message}`, 'INVALID_INPUT');
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
          if (error instanceof ApplicationFailure && error.type && FINAL_FAILURES.has(error.type)) {
            result.failed.push({ contactId: contact.id, reason });
            await recordFailed(db, input.incidentId, key, contact.id, reason);
          } else {
            temporary.push(reason);
          }
        } finally {
          heartbeat();
        }
      }),
    );
    if (temporary.length > 0) {
      throw ApplicationFailure.retryable(
        `${temporary.length} of ${recipients.length} notices not sent yet (${temporary[0]})`,
        'SMTP_TEMPORARY',
      );
    }
    return result;
  };
}

async function recordSent(db: FirebreakDb, incidentId: string, key: string, contact: NoticeRecipient, sent: SendNoticeResult) {
  const verb = sent.outcome === 'sent' ? 'sent' : 'already sent';
  await recordNoticeEvent(db, incidentId, `notice-sent:${key}`, `Notice ${sent.kind} ${verb} to ${contact.name} <${contact.email}>`, {
    ...sent,
    customerId: contact.customerId,
  });
}

async function recordFailed(db: FirebreakDb, incidentId: string, key: string, contactId: string, reason: string) {
  await recordNoticeEvent(db, incidentId, `notice-failed:${key}`, `A notice could not be delivered to ${contactId}: ${reason}`, {
    contactId,
    reason,
  });
}

/** The event id comes from the notice key, so a repeated page writes nothing new. */
async function recordNoticeEvent(db: FirebreakDb, incidentId: string, id: string, summary: string, details: Record<string, unknown>) {
  await appendTimelineEvent(db, {
    id: id.slice(0, 200),
    incidentId,
    at: new Date().toISOString(),
    actor: SYSTEM_ACTOR,
    kind: 'notice',
    summary: summary.slice(0, 500),
    details,
  });
}
