import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

/** Errors a single send raises when no retry can help: a 5xx reply, a contact not in the directory, invalid content. */
const FINAL_FAILURES = new Set<string>([FAILURE.SMTP_PERMANENT, FAILURE.UNKNOWN_CONTACT, FAILURE.INVALID_INPUT]);

export function isFinalNoticeFailure(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type !== undefined && error.type !== null && FINAL_FAILURES.has(error.type);
}

/** Thrown by a page of sends once every other send is done: the page is retried and the retry skips what was sent. */
export function pageNotDoneYet(temporary: string[], total: number): ApplicationFailure {
  return ApplicationFailure.retryable(`${temporary.length} of ${total} notices not sent yet (${temporary[0]})`, FAILURE.SMTP_TEMPORARY);
}
