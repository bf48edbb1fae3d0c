import type { FieldError } from '@firebreak/domain';
import type { z } from 'zod';

/** Zod issues as the API's field errors: a dotted path (`deploymentIds.0`) and a message a person can act on. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : 'body',
    message: issue.message,
  }));
}
