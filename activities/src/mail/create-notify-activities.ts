import { heartbeatWhile } from '@firebreak/aws';
import { beginNotice, findContact, type FirebreakDb, markNoticeFailed, markNoticeSent, type NoticeKey } from '@firebreak/db';
import { FAILURE } from '@firebreak/domain';
import { DEFAULT_POLICY, NoticeContent, OperationsAlert } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import type nodemailer from 'nodemailer';

import { signNoticeLink } from '../links/sign-notice-link';
import { describeSmtpFailure, isPermanentSmtpFailure } from './classify-smtp-error';
import { createFollowUpActivities } from './follow-up-activities';
import { noticeMessageId } from './notice-message-id';
import { recordDeliveryAttempt, recordDeliveryFailure } from './record-delivery-attempt';
import { type RenderedNotice, renderNotice } from './render-notice';
import { createSendNoticeBatch } from './send-notice-batch';
import type { OperationsAlertInput, SendNoticeInput, SendNoticeResult } from './send-notice-input';
import { layoutNotice } from './templates/notice-layout';

export interface NotifyDeps {
  db: FirebreakDb;
  transport: nodemailer.Transporter;
  /** The From address of every notice, e.g. `Firebreak Security <security@provider.example>`. */
  from: string;
  /** Signs the link every notice carries to its contact's page; without it notices go out without a link. */
  links?: NoticeLinkConfig;
}

export interface NoticeLinkConfig {
  secret: string;
  /** The console as contacts reach it, e.g. https://firebreak.provider.example */
  consoleUrl: string;
}

const OPERATIONS_CONTACT = 'operations';

export function createNotifyActivities({ db, transport, from, links }: NotifyDeps) {
  /**
   * Sends one message per notice key: the outbox row is written before sending and completed after, so a retry
   * finds the message already sent. The one gap is an attempt that ends between the relay's acceptance and the
   * outbox update: its retry sends again, with the same Message-ID, and says so in the timeline (see ARCHITECTURE.md,
   * "Exactly-once notices"). 5xx replies are final; everything else is retried by Temporal.
   */
  async function deliverOnce(
    key: NoticeKey,
    to: { name: string; address: string },
    rendered: RenderedNotice,
    stored: { content?: NoticeContent; linkId?: string } = {},
  ) {
    const notice = await beginNotice(db, { ...key, recipientEmail: to.address, subject: rendered.subject, ...stored });
    const result = { kind: key.kind, contactId: key.contactId, recipientEmail: notice.recipientEmail };
    if (notice.status === 'sent' && notice.messageId) {
      return { ...result, outcome: 'already-sent' as const, messageId: notice.messageId };
    }
    // Refused for good once (a 5xx): a repeated page must not knock on that mailbox again.
    if (notice.status === 'failed') {
      throw ApplicationFailure.nonRetryable(
        `notice to ${key.contactId} refused: ${notice.error ?? 'refused earlier'}`,
        FAILURE.SMTP_PERMANENT,
      );
    }
    const messageId = noticeMessageId(key);
    await recordDeliveryAttempt(db, key, notice);
    try {
      // The shared pool sends in turn: a message may wait behind a whole round, which is not a hung worker.
      await heartbeatWhile(
        transport.sendMail({
          from,
          to: { name: to.name, address: notice.recipientEmail },
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
          headers: { 'X-Firebreak-Incident': key.incidentId, 'X-Firebreak-Notice': key.kind },
        }),
      );
    } catch (error) {
      const reason = describeSmtpFailure(error);
      if (isPermanentSmtpFailure(error)) {
        await markNoticeFailed(db, key, reason);
        throw ApplicationFailure.nonRetryable(`notice to ${key.contactId} refused: ${reason}`, FAILURE.SMTP_PERMANENT);
      }
      await recordDeliveryFailure(db, key, reason);
      throw ApplicationFailure.retryable(`notice to ${key.contactId} not sent yet: ${reason}`, FAILURE.SMTP_TEMPORARY);
    }
    await markNoticeSent(db, key, messageId, new Date().toISOString());
    return { ...result, outcome: 'sent' as const, messageId };
  }

  /** One notice to one contact of a customer, rendered from its typed content. */
  async function sendNotice(input: SendNoticeInput): Promise<SendNoticeResult> {
    const parsed = NoticeContent.safeParse(input.content);
    if (!parsed.success) {
      throw ApplicationFailure.nonRetryable(`notice content is not valid: ${parsed.error.message}`, FAILURE.INVALID_INPUT);
    }
    const contact = await findContact(db, input.contactId);
    if (!contact) {
      throw ApplicationFailure.nonRetryable(`contact ${input.contactId} is not in the directory`, FAILURE.UNKNOWN_CONTACT);
    }
    const content = parsed.data;
    const key = { incidentId: content.incidentId, kind: content.kind, contactId: contact.id, revision: input.revision };
    // A reminder's link opens the notice it reminds of, so acknowledging it there stops the follow-up.
    const linked = content.kind === 'reminder' && content.regarding ? { ...key, ...content.regarding } : key;
    const link = links
      ? await signNoticeLink(linked, { secret: links.secret, ttlSeconds: input.linkTtlSeconds ?? DEFAULT_POLICY.linkTtlSeconds })
      : undefined;
    const url = link && `${links!.consoleUrl.replace(/\/+$/, '')}/n/${link.token}`;
    const rendered = renderNotice(content, contact.name, url);
    return deliverOnce(key, { name: contact.name, address: contact.email }, rendered, {
      content,
      ...(link ? { linkId: link.linkId } : {}),
    });
  }

  /** An alert to the operations team, sent once per (incident, key). */
  async function sendOperationsAlert(input: OperationsAlertInput): Promise<SendNoticeResult> {
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
  }

  return {
    sendNoticeBatch: createSendNoticeBatch(db, sendNotice),

    sendOperationsAlert,

    ...createFollowUpActivities({ db, sendNotice, sendOperationsAlert }),
  };
}
