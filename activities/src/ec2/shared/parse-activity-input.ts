import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import type { z } from 'zod';

/** Bad input will not get better on retry: fail the activity for good, naming the fields. */
export function parseActivityInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
  throw ApplicationFailure.create({
    type: FAILURE.INVALID_INPUT,
    message: `invalid ${what} input: ${fields.join('; ')}`,
    nonRetryable: true,
  });
}
