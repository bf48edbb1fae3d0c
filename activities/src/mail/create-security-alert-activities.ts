import { createHash } from 'node:crypto';

import { FAILURE } from '@firebreak/domain';
import { SignInSourceBlocked } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import type nodemailer from 'nodemailer';

import { describeSmtpFailure, isPermanentSmtpFailure } from './classify-smtp-error';
import { escapeHtml } from './escape-html';

export interface SecurityAlertDeps {
  transport: nodemailer.Transporter;
  from: string;
}

/**
 * Alerts about Firebreak's own security (not an incident, so no incident outbox): each is sent once per run of its
 * workflow, whose id is unique per event, and carries a Message-ID derived from that event, so a retry after the
 * relay accepted a copy shows as the same message in a mail client.
 */
export function createSecurityAlertActivities({ transport, from }: SecurityAlertDeps) {
  return {
    async sendSignInSourceBlockedAlert(input: SignInSourceBlocked): Promise<{ messageId: string }> {
      const parsed = SignInSourceBlocked.safeParse(input);
      if (!parsed.success) throw ApplicationFailure.nonRetryable(`alert is not valid: ${parsed.error.message}`, FAILURE.INVALID_INPUT);
      const block = parsed.data;
      const subject = `[Firebreak] Sign-in blocked from ${block.sourceAddress}`;
      const lines = [
        `${block.failures} failed sign-ins to the console came from ${block.sourceAddress}.`,
        `Every sign-in from that address, by password or single sign-on, is refused until ${block.blockedUntil} (UTC).`,
        'The attempts are in the audit log (administrators: Audit log, event types sign-in.failed and sign-in.source-blocked).',
        'If the address is one of yours, find out who is failing to sign in; otherwise consider blocking it upstream.',
      ];
      const digest = createHash('sha256').update(`${block.sourceAddress} ${block.blockedUntil}`).digest('hex').slice(0, 24);
      const messageId = `<sign-in-source-blocked.${digest}@firebreak.invalid>`;
      try {
        await transport.sendMail({
          from,
          to: block.to,
          subject,
          text: lines.join('\n\n'),
          html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
          messageId,
          headers: { 'X-Firebreak-Alert': 'sign-in-source-blocked' },
        });
      } catch (error) {
        const reason = describeSmtpFailure(error);
        if (isPermanentSmtpFailure(error)) throw ApplicationFailure.nonRetryable(`alert refused: ${reason}`, FAILURE.SMTP_PERMANENT);
        throw ApplicationFailure.retryable(`alert not sent yet: ${reason}`, FAILURE.SMTP_TEMPORARY);
      }
      return { messageId };
    },
  };
}
