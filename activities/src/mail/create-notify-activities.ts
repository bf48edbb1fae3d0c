import { ApplicationFailure } from '@temporalio/activity';
import {
  beginNotice,
  type FirebreakDb,
  findContact,
  listNoticeRecipients,
  markNoticeFailed,
  markNoticeSent,
  type NoticeKey,
  type NoticeRecipient,
} from '@firebreak/db';
import { type ContactRole, NoticeContent, OperationsAlert } from '@firebreak/domain';
import type nodemailer from 'nodemailer';
import { describeSmtpFailure, isPermanentSmtpFailure } from './classify-smtp-error';
import { noticeMessageId } from './notice-message-id';
import { type RenderedNotice, renderNotice } from './render-notice';
import { layoutNotice } from './templates/notice-layout';

export interface NotifyDeps {
  db: FirebreakDb;
  transport: nodemailer.Transporter;
  /** The From address of every notice, e.g. `Firebreak Security <security@provider.example>`. */
  from: string;
}

export interface SendNoticeInput {
  contactId: string;
  /** A corrected notice gets a new revision; the same revision is never sent twice. */
  revision: number;
  content: NoticeContent;
}

export interface SendNoticeResult {
  kind: string;
  contactId: string;
  recipientEmail: string;
  outcome: 'sent' | 'already-sent';
  messageId: string;
}

export interface OperationsAlertInput {
  alert: OperationsAlert;
  to: string;
}

const OPERATIONS_CONTACT = 'operations';

export function createNotifyActivities({ db, transport, from }: NotifyDeps) {
  /**
   * Sends one message exactly once per notice key: the outbox row is written before sending and completed after,
   * so a retry finds the message already sent. 5xx replies are final; everything else is retried by Temporal.
   */
  async function deliverOnce(key: NoticeKey, to: { name: string; address: string }, rendered: RenderedNotice) {
    const notice = await beginNotice(db, { ...key, recipientEmail: to.address, subject: rendered.subject });
    const result = { kind: key.kind, contactId: key.contactId, recipientEmail: notice.recipientEmail };
    if (notice.status === 'sent' && notice.messageId) {
      return { ...result, outcome: 'already-sent' as const, messageId: notice.messageId };
    }
    const messageId = noticeMessageId(key);
    try {
      await transport.sendMail({
        from,
        to: { name: to.name, address: notice.recipientEmail },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: { 'X-Firebreak-Incident': key.incidentId, 'X-Firebreak-Notice': key.kind },
      });
    } catch (error) {
      const reason = describeSmtpFailure(error);
      if (isPermanentSmtpFailure(error)) {
        await markNoticeFailed(db, key, reason);
        throw ApplicationFailure.nonRetryable(`notice to ${key.contactId} refused: ${reason}`, 'SMTP_PERMANENT');
      }
      throw ApplicationFailure.retryable(`notice to ${key.contactId} not sent yet: ${reason}`, 'SMTP_TEMPORARY');
    }
    await markNoticeSent(db, key, messageId, new Date().toISOString());
    return { ...result, outcome: 'sent' as const, messageId };
  }

  return {
    async listNoticeRecipients(input: { customerIds: string[]; roles: ContactRole[] }): Promise<NoticeRecipient[]> {
      return listNoticeRecipients(db, input.customerIds, input.roles);
    },

    /** One notice to one contact of a customer, rendered from its typed content. */
    async sendNotice(input: SendNoticeInput): Promise<SendNoticeResult> {
      const parsed = NoticeContent.safeParse(input.content);
      if (!parsed.success) {
        throw ApplicationFailure.nonRetryable(`notice content is not valid: ${parsed.error.message}`, 'INVALID_INPUT');
      }
      const contact = await findContact(db, input.contactId);
      if (!contact) {
        throw ApplicationFailure.nonRetryable(`contact ${input.contactId} is not in the directory`, 'UNKNOWN_CONTACT');
      }
      const rendered = renderNotice(parsed.data, contact.name);
      const key = { incidentId: parsed.data.incidentId, kind: parsed.data.kind, contactId: contact.id, revision: input.revision };
      return deliverOnce(key, { name: contact.name, address: contact.email }, rendered);
    },

    /** An alert to the operations team, sent once per (incident, key). */
    async sendOperationsAlert(input: OperationsAlertInput): Promise<SendNoticeResult> {
      const alert = OperationsAlert.parse(input.alert);
      const rendered = layoutNotice(
        { subject: `[Firebreak ${alert.incidentId}] ${alert.subject}`, paragraphs: alert.lines },
        'on-call engineer',
      );
      const key: NoticeKey = {
        incidentId: alert.incidentId,
        kind: `operations-alert:${alert.key}`,
        contactId: OPERATIONS_CONTACT,
        revision: 1,
      };
      return deliverOnce(key, { name: 'Operations', address: input.to }, rendered);
    },
  };
}
