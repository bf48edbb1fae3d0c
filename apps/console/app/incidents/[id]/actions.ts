'use server';

import { revalidatePath } from 'next/cache';
import { CONSOLE_ACTOR } from '@/server/console-actor';
import { toFormError } from '@/server/form-errors';
import { closeIncident } from '@/server/incidents/close-incident';

export interface CloseFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: boolean;
}

export async function closeIncidentAction(incidentId: string, _previous: CloseFormState, form: FormData): Promise<CloseFormState> {
  try {
    await closeIncident({ id: incidentId, actor: CONSOLE_ACTOR, reason: String(form.get('reason') ?? '') });
  } catch (error) {
    return toFormError(error, { reason: 'Give the reason for closing: it goes on the record.' });
  }
  revalidatePath(`/incidents/${incidentId}`);
  return { fieldErrors: {}, done: true };
}
