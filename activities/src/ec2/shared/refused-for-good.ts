import { failedCommandOf, isPermanentAwsError } from '@firebreak/aws';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

export const AWS_REQUEST_REFUSED = FAILURE.AWS_REQUEST_REFUSED;

/**
 * A request AWS refused for good ends the activity for good, with the refusal in words: which call, AWS's code and
 * message. Retrying `UnauthorizedOperation` forever would only hide it; the workflow records it and tells people.
 */
export function refusedForGood(error: unknown): unknown {
  if (!isPermanentAwsError(error)) return error;
  const command = failedCommandOf(error) ?? 'a request';
  return ApplicationFailure.create({
    type: AWS_REQUEST_REFUSED,
    message: `AWS refused ${command}: ${error.name}: ${error.message}`,
    nonRetryable: true,
    details: [{ command, code: error.name }],
  });
}

type Activity = (input: never) => Promise<unknown>;

/** The same activities, each turning AWS's permanent refusals into non-retryable failures (see refusedForGood). */
export function withPermanentRefusals<T extends Record<string, Activity>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, activity]) => [
      name,
      async (input: never) => {
        try {
          return await activity(input);
        } catch (error) {
          throw refusedForGood(error);
        }
      },
    ]),
  ) as T;
}
