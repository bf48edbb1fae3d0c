import { heartbeat } from '@firebreak/aws';
import { findContact, type FirebreakDb, listUnacknowledgedNotices } from '@firebreak/db';
import { type NoticeKind, reminderRevision } from '@firebreak/domain';

import { isFinalNoticeFailure, pageNotDoneYet } from './final-notice-failure';
import { recordNoticeEvent } from './record-notice-event';
import type { OperationsAlertInput, SendNoticeInput, SendNoticeResult } from './send-notice-input';

export interface NoticeRound {
  incidentId: string;
  kind: NoticeKind;
  revision: number;
}

interface UnacknowledgedNotice {
  contactId: string;
  contactName: string;
  recipientEmail: string;
  customerId: string;
  customerName: string;
  sentAt: string;
}

export interface RemindersPageInput {
  notice: NoticeRound;
  playbookTitle: string;
  severity: string;
  /** What the notice was, in words, e.g. "the security bulletin". */
  about: string;
  linkTtlSeconds: number;
  /** The page starts after this contact (contact ids in order); the first page has none. */
  afterContactId?: string;
  limit: number;
}

export interface RemindersPageResult {
  reminded: number;
  failed: number;
  /** Where the next page starts, or null when this was the last. */
  nextAfter: string | null;
}

export interface UnacknowledgedAlertInput {
  notice: NoticeRound;
  /** What the notice was, in words, for the alert's subject. */
  label: string;
  operationsEmail: string;
}

/** Contacts named in an alert; the incident's notices table lists every one. */
const ALERT_LINES = 200;

interface FollowUpDeps {
  db: FirebreakDb;
  sendNotice: (input: SendNoticeInput) => Promise<SendNoticeResult>;
  sendOperationsAlert: (input: OperationsAlertInput) => Promise<SendNoticeResult>;
}

/**
 * What follows a notice round: a reminder to each contact who has not acknowledged it, then an alert to on-call
 * naming whoever still has not. Contacts are read here, a page at a time, so the follow-up's history does not grow
 * with the number of contacts.
 */
export function createFollowUpActivities({ db, sendNotice, sendOperationsAlert }: FollowUpDeps) {
  /** The page's unacknowledged notices with their contacts, and the last contact id the page read (for the next page). */
  async function unacknowledged(notice: NoticeRound, page: { afterContactId?: string; limit?: number } = {}) {
    const rows = await listUnacknowledgedNotices(db, notice, page);
    const contacts: UnacknowledgedNotice[] = [];
    for (const row of rows) {
      const contact = await findContact(db, row.contactId);
      if (!contact) continue;
      contacts.push({
        contactId: contact.id,
        contactName: contact.name,
        recipientEmail: row.recipientEmail,
        customerId: contact.customerId,
        customerName: contact.customerName,
        sentAt: row.sentAt ?? row.createdAt,
      });
    }
    return { contacts, read: rows.length, lastContactId: rows.at(-1)?.contactId ?? null };
  }

  return {
    /**
     * One reminder to each of a page of contacts who have not acknowledged the notice; its link opens that notice.
     * Safe to repeat: the outbox sends each reminder once and each timeline event has an id made from its key.
     */
    async sendRemindersPage(input: RemindersPageInput): Promise<RemindersPageResult> {
      const { notice } = input;
      const {
        contacts: page,
        read,
        lastContactId,
      } = await unacknowledged(notice, {
        ...(input.afterContactId !== undefined ? { afterContactId: input.afterContactId } : {}),
        limit: input.limit,
      });
      const revision = reminderRevision(notice.kind, notice.revision);
      const result: RemindersPageResult = { reminded: 0, failed: 0, nextAfter: null };
      const temporary: string[] = [];
      await Promise.all(
        page.map(async (contact) => {
          const key = `${notice.incidentId}:${notice.kind}:${contact.contactId}:r${notice.revision}`;
          try {
            const sent = await sendNotice({
              contactId: contact.contactId,
              revision,
              linkTtlSeconds: input.linkTtlSeconds,
              content: {
                kind: 'reminder',
                incidentId: notice.incidentId,
                playbookTitle: input.playbookTitle,
                severity: input.severity,
                customerName: contact.customerName,
                about: input.about,
                at: contact.sentAt,
                regarding: { kind: notice.kind, revision: notice.revision },
              },
            });
            result.reminded += 1;
            await recordNoticeEvent(db, {
              id: `reminder-sent:${key}`,
              incidentId: notice.incidentId,
              summary: `Reminder of the unacknowledged ${notice.kind} sent to ${contact.contactName}`,
              details: { ...sent, regarding: notice },
            });
          } catch (error) {
            if (!isFinalNoticeFailure(error)) {
              temporary.push(error instanceof Error ? error.message : String(error));
              return;
            }
            try {
              await recordNoticeEvent(db, {
                id: `reminder-failed:${key}`,
                incidentId: notice.incidentId,
                summary: `A reminder could not be delivered to ${contact.contactId}: ${(error as Error).message}`,
                details: { contactId: contact.contactId, regarding: notice },
              });
              result.failed += 1;
            } catch (recording) {
              temporary.push(`recording the failure: ${recording instanceof Error ? recording.message : String(recording)}`);
            }
          } finally {
            heartbeat();
          }
        }),
      );
      if (temporary.length > 0) throw pageNotDoneYet(temporary, page.length);
      // The cursor follows the rows read, so a contact missing from the directory cannot end the paging early.
      result.nextAfter = read === input.limit ? lastContactId : null;
      return result;
    },

    /** Tells on-call who still has not acknowledged the notice, once per notice; nothing when everyone has. */
    async alertUnacknowledged(input: UnacknowledgedAlertInput): Promise<{ escalated: number }> {
      const { notice } = input;
      const still = (await unacknowledged(notice)).contacts;
      if (still.length === 0) return { escalated: 0 };
      const key = `unacknowledged-${notice.kind}-${notice.revision}`.slice(0, 120);
      const subject = `${still.length} contact(s) have not acknowledged the ${input.label}`;
      const named = still.slice(0, ALERT_LINES);
      await sendOperationsAlert({
        alert: {
          incidentId: notice.incidentId,
          key,
          subject,
          lines: [
            ...named.map((c) => `${c.contactName} <${c.recipientEmail}> of ${c.customerName}, sent ${c.sentAt}, reminded`),
            ...(still.length > named.length ? [`and ${still.length - named.length} more: see the incident's notices`] : []),
          ],
        },
        to: input.operationsEmail,
      });
      await recordNoticeEvent(db, {
        id: `operations-alert:${notice.incidentId}:${key}`,
        incidentId: notice.incidentId,
        summary: `Operations alerted: ${subject}`,
        details: { key, to: input.operationsEmail, unacknowledged: still.length, contactIds: named.map((c) => c.contactId) },
      });
      return { escalated: still.length };
    },
  };
}
