'use server';

import { randomUUID } from 'node:crypto';

import { type ErrorCode, FirebreakError } from '@firebreak/domain';
import { redirect } from 'next/navigation';

import { IdempotencyKey } from '@/server/api/idempotency-key';
import { requireActionActor } from '@/server/auth/require-page-actor';
import { toFormError } from '@/server/form-errors';
import { declareIncident } from '@/server/incidents/declare-incident';
import { previewIncident } from '@/server/incidents/preview-incident';

import { declarationFromForm } from './declaration-from-form';
import type { DeclareFormState } from './declare-form-state';
import { declarationFingerprint, formValuesOf } from './form-values';
import type { PreviewState } from './preview-state';

/** Messages for the form, where the API's wording would read like a schema. */
const FRIENDLIER: Record<string, string> = {
  playbook: 'Choose a playbook.',
  deploymentIds: 'Choose at least one deployment.',
  severity: 'Choose a severity.',
  summary: 'Say in a sentence what happened.',
  sourceAddress: 'Give the address to block: an IPv4 or IPv6 address, or a CIDR block such as 203.0.113.0/24.',
  vulnerability: 'Describe the vulnerability.',
  'vulnerability.reference': 'Give the CVE id or your bulletin id.',
  'vulnerability.title': 'Give the vulnerability a title customers will understand.',
  'vulnerability.component': 'Name the affected component.',
  'vulnerability.discoveredAt': 'Give the date and time it was discovered (UTC).',
  'vulnerability.notExploitableBecause': 'Explain why it is not exploitable: customers read this in the bulletin.',
};

const FORM_MESSAGES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'Nothing was declared yet. Fix the fields marked below and submit again.',
  ORCHESTRATOR_UNAVAILABLE:
    'The incident is recorded, but its playbook could not start because the orchestrator is not reachable. Submit again in a moment to start it.',
  IDEMPOTENCY_KEY_REUSED:
    'An earlier submission of this form is already recorded with other details. Submit again to declare a separate incident.',
};

export async function declareIncidentAction(previous: DeclareFormState, form: FormData): Promise<DeclareFormState> {
  const values = formValuesOf(form);
  // The key round-trips through the browser: anything unusable is replaced rather than trusted.
  const idempotencyKey = IdempotencyKey.safeParse(previous.idempotencyKey).data ?? randomUUID();
  let incidentId: string;
  try {
    const caller = await requireActionActor('incidents:declare');
    const { incident } = await declareIncident(caller, { request: declarationFromForm(values), idempotencyKey });
    incidentId = incident.id;
  } catch (error) {
    const { message, fieldErrors } = toFormError(error, FRIENDLIER);
    const code = error instanceof FirebreakError ? error.code : 'INTERNAL';
    return {
      // Keep the key only when the incident is recorded but its playbook could not start: resubmitting then
      // starts that same incident. After any other error the next submission is a new declaration.
      idempotencyKey: code === 'ORCHESTRATOR_UNAVAILABLE' ? idempotencyKey : randomUUID(),
      message: FORM_MESSAGES[code] ?? message,
      fieldErrors: code === 'UNKNOWN_PLAYBOOK' || code === 'PLAYBOOK_NOT_AVAILABLE' ? { ...fieldErrors, playbook: message } : fieldErrors,
      values,
    };
  }
  redirect(`/incidents/${incidentId}`);
}

/** Reads what declaring would change, for the form's preview step. Declares nothing. */
export async function previewIncidentAction(_previous: PreviewState, form: FormData): Promise<PreviewState> {
  const values = formValuesOf(form);
  try {
    const caller = await requireActionActor('incidents:declare');
    const preview = await previewIncident(caller, { request: declarationFromForm(values) });
    return { status: 'ready', preview, fingerprint: declarationFingerprint(values) };
  } catch (error) {
    const { message, fieldErrors } = toFormError(error, FRIENDLIER);
    const code = error instanceof FirebreakError ? error.code : 'INTERNAL';
    return {
      status: 'error',
      message: code === 'VALIDATION_FAILED' ? 'Nothing can be previewed yet. Fix the fields marked below and preview again.' : message,
      fieldErrors: code === 'UNKNOWN_PLAYBOOK' || code === 'PLAYBOOK_NOT_AVAILABLE' ? { ...fieldErrors, playbook: message } : fieldErrors,
    };
  }
}
