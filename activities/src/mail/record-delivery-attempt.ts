import { appendTimelineEvent, type FirebreakDb, type NoticeKey, setNoticeAttemptError } from '@firebreak/db';
import { type Notice, SYSTEM_ACTOR } from '@firebreak/domain';

/**
 * Called before each send of a pending notice. From the second attempt on it leaves a trace in the incident's
 * timeline saying why the previous attempt did not complete: a temporary refusal recorded by that attempt, or no
 * answer at all (the worker stopped, or the attempt timed out). In the second case the relay may already have
 * accepted the message, so this send may deliver a second copy, with the same Message-ID. The event id is the
 * notice key and attempt number, so repeating the call writes nothing new.
 */
export async function recordDeliveryAttempt(db: FirebreakDb, key: NoticeKey, notice: Notice): Promise<void> {
  if (notice.attempts > 1) {
    const previous = notice.error;
    await appendTimelineEvent(db, {
      id: `notice-attempt:${key.incidentId}:${key.kind}:${key.contactId}:r${key.revision}:${notice.attempts}`.slice(0, 200),
      incidentId: key.incidentId,
      at: new Date().toISOString(),
      actor: SYSTEM_ACTOR,
      kind: 'notice',
      summary: previous
        ? `Retrying notice ${key.kind} to ${notice.recipientEmail} (attempt ${notice.attempts}): ${previous}`.slice(0, 500)
        : `Retrying notice ${key.kind} to ${notice.recipientEmail} (attempt ${notice.attempts}): the previous attempt ended without an answer, so it may arrive twice with the same Message-ID`,
      details: { ...key, attempt: notice.attempts, previousError: previous, outcomeUnknown: previous === null },
    });
  }
  // Cleared while this attempt runs: if it ends without recording a reason, the next one knows the outcome is unknown.
  if (notice.error !== null) await setNoticeAttemptError(db, key, null);
}

/** A temporary refusal: recorded on the pending notice so the retry can say why it is retrying. */
export async function recordDeliveryFailure(db: FirebreakDb, key: NoticeKey, reason: string): Promise<void> {
  await setNoticeAttemptError(db, key, reason);
}
