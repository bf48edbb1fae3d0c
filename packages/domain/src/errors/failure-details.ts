import { z } from 'zod';

import { FAILURE_TYPES, type FailureType } from './failure-types';
import { FieldError } from './firebreak-error';

/**
 * What a failure carries beside its words, as the first of its details: the fields of the request to fix. The
 * console reads these instead of the message, which is written for people.
 */
export const FailureDetails = z.object({ fieldErrors: z.array(FieldError).default([]) });
export type FailureDetails = z.input<typeof FailureDetails>;

/** The options of an ApplicationFailure of this type: its retryability comes from the registry, not the throw site. */
export function failureOptions(
  type: FailureType,
  message: string,
  details: FailureDetails = {},
): { type: FailureType; message: string; nonRetryable: boolean; details: [FailureDetails] } {
  return { type, message, nonRetryable: !FAILURE_TYPES[type].retryable, details: [details] };
}

/** The details of a failure as it came back over the wire; anything else there reads as no details. */
export function readFailureDetails(details: readonly unknown[] | undefined | null): z.output<typeof FailureDetails> {
  const parsed = FailureDetails.safeParse(details?.[0] ?? {});
  return parsed.success ? parsed.data : { fieldErrors: [] };
}
