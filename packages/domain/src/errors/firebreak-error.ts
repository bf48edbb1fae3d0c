import { z } from 'zod';

import { ERROR_CODES, type ErrorCode } from './api-error-codes';

/** One problem with one field of a request: a dotted path (`deploymentIds.0`, `body` for the whole) and what to fix. */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** Zod issues as field errors, read from their structure (never from the error's message). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : 'body',
    message: issue.message,
  }));
}

/** An error whose message is safe to show to the person who caused it. */
export class FirebreakError extends Error {
  override readonly name = 'FirebreakError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code];
  }
}
