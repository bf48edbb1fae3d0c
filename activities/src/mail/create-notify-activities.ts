import { ApplicationFailure } from '@temporalio/activity';
import {
  beginNotice,
  type FirebreakDb,
  findContact,
  listDesignatedContacts,
  markNoticeFailed,
  markNoticeSent,
  type NoticeRecipient,
} from '@firebreak/db';
import { IncidentDetailsNoticeData, type NoticeKind } from '@firebreak/domain';
import type nodemailer from 'nodemailer';
import { describeSmtpFailure, isPermanentSmtpFailure } from './classify-smtp-error';
import { noticeMessageId } from './notice-message-id';
import { renderIncidentDetails } from './render-incident-details';

export interface NotifyDeps {
  db: FirebreakDb;
  transport: nodemailer.Transporter;
  /** The From address of every notice, e.g. `Firebreak Security <security@provider.example>`. */
  from: string;
}

export interface SendIncidentDetailsInput {
  incidentId: string;
  contactId: string;
  /** A corrected notice gets a new revision; the same revision is never sent twice. */
  revision: number;
  data: IncidentDetailsNoticeData;
}

export interface SendNoticeResult {
  kind: NoticeKind;
  contactId: string;
  recipientEmail: string;
  outcome: 'sent' | 'already-sent';
  messageId: string;
}

export function createNotifyActivities({ db, transport, from }: NotifyDeps) {
  return {
    async listNoticeRecipients(input: { customerIds: string[] }): Promise<NoticeRecipient[]> {
      return listDesignatedContacts(db, input.customerIds);
    },

    /**
     * Sends one incident-details notice to one contact, exactly once per (incident, kind, contact, revision):
     * the outbox row is written before sending and completed after, so a retry finds the message already sent.
     */
    async sendIncidentDetails(input: SendIncidentDetailsInput): Promise<SendNoticeResult> {
      const kind: NoticeKind = 'incident-details';
      const contact = await findContact(db, input.contactId);
      if (!contact) {
        throw ApplicationFailure.nonRetryable(`contact ${input.contactId} is not in the directory`, 'UNKNOWN_CONTACT');
      }
      const rendered = renderIncidentDetails(IncidentDetailsNoticeData.parse(input.data), contact.name);
      const key = { incidentId: input.incidentId, kind, contactId: contact.id, revision: input.revision };
      const notice = await beginNotice(db, { ...key, recipientEmail: contact.email, subject: rendered.subject });
      const result = { kind, contactId: contact.id, recipientEmail: notice.recipientEmail };
      if (notice.status === 'sent' && notice.messageId) {
        return { ...result, outcome: 'already-sent', messageId: notice.messageId };
      }
      const messageId = noticeMessageId(key);
      try {
        await transport.sendMail({
          from,
          to: { name: contact.name, address: notice.recipientEmail },
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
          headers: { 'X-Firebreak-Incident': input.incidentId, 'X-Firebreak-Notice': kind },
        });
      } catch (error) {
        const reason = describeSmtpFailure(error);
        if (isPermanentSmtpFailure(error)) {
          await markNoticeFailed(db, key, reason);
          throw ApplicationFailure.nonRetryable(`notice to ${contact.id} refused: ${reason}`, 'SMTP_PERMANENT');
        }
        throw ApplicationFailure.retryable(`notice to ${contact.id} not sent yet: ${reason}`, 'SMTP_TEMPORARY');
      }
      await markNoticeSent(db, key, messageId, new Date().toISOString());
      return { ...result, outcome: 'sent', messageId };
    },
  };
}
