'use server';

import { FirebreakError } from '@firebreak/domain';
import { revalidatePath } from 'next/cache';

import { requireActionActor } from '@/server/auth/require-page-actor';
import { toFormError } from '@/server/form-errors';
import { DURATION_FIELDS, durationLimit, policyFromForm } from '@/server/policy/policy-form-fields';
import { updatePolicy } from '@/server/policy/update-policy';

export interface PolicyFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  savedVersion?: number;
}

export async function savePolicyAction(_previous: PolicyFormState, form: FormData): Promise<PolicyFormState> {
  const { policy, fieldErrors } = policyFromForm({ get: (name) => String(form.get(name) ?? '') });
  const reason = String(form.get('reason') ?? '');
  if (Object.keys(fieldErrors).length > 0) {
    return { message: 'Nothing was saved. Fix the fields marked below and save again.', fieldErrors };
  }
  try {
    const caller = await requireActionActor('policy:write');
    const saved = await updatePolicy(caller, { policy, reason });
    revalidatePath('/settings/policy');
    return { fieldErrors: {}, savedVersion: saved.version };
  } catch (error) {
    const { message, fieldErrors: apiErrors } = toFormError(error, { reason: 'Say why the policy changes: it goes on the record.' });
    return {
      message:
        error instanceof FirebreakError && error.code === 'VALIDATION_FAILED'
          ? 'Nothing was saved. Fix the fields marked below and save again.'
          : message,
      fieldErrors: inFormTerms(apiErrors),
    };
  }
}

/**
 * The policy's own messages speak of seconds; the form speaks of hours and minutes. Whatever is wrong with a duration
 * (missing, out of range), the fix is a value in its range, so that is what the form says.
 */
function inFormTerms(apiErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(apiErrors)) {
    const field = path.startsWith('policy.') ? path.slice('policy.'.length) : path;
    if (field === 'policy') continue;
    const duration = DURATION_FIELDS.find((f) => f.name === field);
    if (duration) {
      errors[field] = `Give at least 1 minute and at most ${durationLimit(duration.name)}.`;
    } else if (field === 'warnAtFraction') {
      errors[field] = 'Give a percentage from 10 to 99.';
    } else if (field === 'operationsEmail') {
      errors[field] = 'Give the email address of the operations team.';
    } else {
      errors[field] = message;
    }
  }
  return errors;
}
