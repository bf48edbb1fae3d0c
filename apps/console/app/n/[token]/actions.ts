'use server';

import { acknowledgeByLink, type LinkActionResult, requestDeferralByLink, signOffByLink } from '@/server/notice-links/link-actions';

/** What the contact's page shows after an action; undefined before the first one. */
export type LinkFormState = LinkActionResult | undefined;

// Public actions: the signed link in the form is the only credential, checked again on every call.
export async function acknowledgeAction(token: string, _state: LinkFormState, _form: FormData): Promise<LinkFormState> {
  return acknowledgeByLink(token);
}

export async function requestDeferralAction(token: string, _state: LinkFormState, form: FormData): Promise<LinkFormState> {
  return requestDeferralByLink(token, {
    deploymentId: form.get('deploymentId'),
    until: form.get('until'),
    reason: form.get('reason'),
  });
}

export async function signOffAction(token: string, _state: LinkFormState, form: FormData): Promise<LinkFormState> {
  return signOffByLink(token, { reason: form.get('reason') });
}
