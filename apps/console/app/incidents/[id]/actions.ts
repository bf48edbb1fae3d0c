'use server';

import { randomUUID } from 'node:crypto';

import { DecisionRequest, FirebreakError } from '@firebreak/domain';
import { revalidatePath } from 'next/cache';

import { requireActionActor } from '@/server/auth/require-page-actor';
import { submitDecision } from '@/server/decisions/submit-decision';
import { toFormError } from '@/server/form-errors';
import { closeIncident } from '@/server/incidents/close-incident';
import { revokeNoticeLink } from '@/server/notice-links/revoke-notice-link';

export interface CloseFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: boolean;
}

export async function closeIncidentAction(incidentId: string, _previous: CloseFormState, form: FormData): Promise<CloseFormState> {
  try {
    const caller = await requireActionActor('incidents:close');
    await closeIncident(caller, { id: incidentId, reason: String(form.get('reason') ?? '') });
  } catch (error) {
    return toFormError(error, { reason: 'Give the reason for closing: it goes on the record.' });
  }
  revalidatePath(`/incidents/${incidentId}`);
  return { fieldErrors: {}, done: true };
}

export interface DecisionFormState {
  /** Sent as the decision id, so a resubmission after a timeout is the same decision, never a second one. */
  decisionId: string;
  message?: string;
  fieldErrors: Record<string, string>;
  accepted?: { choice: string; acceptedAt: string };
}

export async function decideAction(
  incidentId: string,
  gate: string,
  previous: DecisionFormState,
  form: FormData,
): Promise<DecisionFormState> {
  // The id round-trips through the browser: anything unusable is replaced rather than trusted.
  const decisionId = DecisionRequest.shape.decisionId.safeParse(previous.decisionId).data ?? randomUUID();
  const choice = form.get('choice');
  const customerId = form.get('customerId');
  // Values the gate asks for arrive as `parameters.<name>` fields; blank ones are left for the playbook to ask for.
  const parameters = Object.fromEntries(
    [...form.entries()]
      .filter(([name, value]) => name.startsWith('parameters.') && typeof value === 'string' && value.trim() !== '')
      .map(([name, value]) => [name.slice('parameters.'.length), String(value)]),
  );
  try {
    const { actor, role } = await requireActionActor('decisions:take');
    const outcome = await submitDecision({
      incidentId,
      body: {
        gate,
        choice: typeof choice === 'string' ? choice : '',
        reason: String(form.get('reason') ?? ''),
        decisionId,
        ...(typeof customerId === 'string' && customerId !== '' ? { customerId } : {}),
        ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      },
      actor,
      role,
    });
    revalidatePath(`/incidents/${incidentId}`);
    return { decisionId: randomUUID(), fieldErrors: {}, accepted: { choice: outcome.choice, acceptedAt: outcome.acceptedAt } };
  } catch (error) {
    const { message, fieldErrors } = toFormError(error, {
      choice: 'Choose one of the answers.',
      reason: 'Give the reason for your decision: it goes on the record.',
      parameters: 'Fill in the values this decision asks for.',
    });
    const unknownOutcome = error instanceof FirebreakError && error.code === 'ORCHESTRATOR_UNAVAILABLE';
    return {
      // After a timeout the decision may still be taken: submitting again must ask about that same decision.
      decisionId: unknownOutcome ? decisionId : randomUUID(),
      message: unknownOutcome ? 'No answer from the playbook yet. Submit again in a moment: the decision is never taken twice.' : message,
      fieldErrors,
    };
  }
}

export interface RevokeLinkFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: boolean;
}

/** Withdraws one contact's notice link; the role is checked here and again by the operation. */
export async function revokeLinkAction(
  notice: { incidentId: string; kind: string; contactId: string; revision: number },
  _previous: RevokeLinkFormState,
  form: FormData,
): Promise<RevokeLinkFormState> {
  try {
    const caller = await requireActionActor('links:revoke');
    const outcome = await revokeNoticeLink(caller, { ...notice, reason: String(form.get('reason') ?? '') });
    revalidatePath(`/incidents/${notice.incidentId}`);
    if (outcome.changed) return { fieldErrors: {}, done: true, message: 'Link withdrawn.' };
    const already = outcome.state === 'used' ? 'The link was already used: it opens nothing more.' : 'The link was already withdrawn.';
    return { fieldErrors: {}, done: true, message: already };
  } catch (error) {
    return toFormError(error, { reason: 'Give the reason for withdrawing the link: it goes on the record.' });
  }
}
