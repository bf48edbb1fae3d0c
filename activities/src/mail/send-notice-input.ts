import type { NoticeContent, OperationsAlert } from '@firebreak/domain';

// The shapes of one send, in their own module: the notice page and the follow-ups take a send function of this
// shape from create-notify-activities, which in turn builds them.

export interface SendNoticeInput {
  contactId: string;
  /** A corrected notice gets a new revision; the same revision is never sent twice. */
  revision: number;
  content: NoticeContent;
  /** How long the notice's link stays valid (the incident's policy); 14 days when not given. */
  linkTtlSeconds?: number;
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
