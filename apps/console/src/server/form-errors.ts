import { randomUUID } from 'node:crypto';

import { FirebreakError } from '@firebreak/domain';

export interface FormError {
  /** What went wrong, in a sentence for the person at the form. */
  message: string;
  /** Per field (the first segment of the API path, e.g. `deploymentIds`, and the full path when nested), what to fix. */
  fieldErrors: Record<string, string>;
}

/**
 * Turns an operation's error into words beside the form's fields. Anything that is not a FirebreakError is
 * logged with a reference and shown generically, exactly as the API does.
 */
export function toFormError(error: unknown, friendlier: Record<string, string> = {}): FormError {
  if (!(error instanceof FirebreakError)) {
    const reference = randomUUID();
    console.error(`[console] action failed, reference ${reference}:`, error);
    return { message: `Something went wrong on our side (reference ${reference}). Please try again.`, fieldErrors: {} };
  }
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of error.fieldErrors) {
    const field = path.split('.')[0] ?? path;
    fieldErrors[field] ??= friendlier[field] ?? sentence(message);
    // Nested fields (`vulnerability.reference`) also keep their own entry, for forms that show them one by one.
    if (path !== field) fieldErrors[path] ??= friendlier[path] ?? sentence(message);
  }
  return { message: error.message, fieldErrors };
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
