'use client';

import { useActionState } from 'react';

import { revokeLinkAction, type RevokeLinkFormState } from './actions';

interface Props {
  notice: { incidentId: string; kind: string; contactId: string; revision: number };
  contactName: string;
}

/** Withdraws a contact's notice link, with the reason the timeline will show. */
export function RevokeLinkForm({ notice, contactName }: Props) {
  const [state, formAction, pending] = useActionState(revokeLinkAction.bind(null, notice), {
    fieldErrors: {},
  } satisfies RevokeLinkFormState);
  if (state.done) return <p role="status">{state.message}</p>;
  const id = `revoke-${notice.kind}-${notice.contactId}-${notice.revision}`;
  const reasonError = state.fieldErrors.reason;
  return (
    <details>
      <summary>Withdraw link</summary>
      <form action={formAction} className="revoke-link-form" noValidate>
        {state.message && !reasonError && (
          <p className="form-error" role="alert">
            {state.message}
          </p>
        )}
        <label htmlFor={`${id}-reason`}>Why withdraw the link {contactName} received?</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          maxLength={2000}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-error` : undefined}
        />
        {reasonError && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {reasonError}
          </p>
        )}
        <button type="submit" disabled={pending}>
          {pending ? 'Withdrawing…' : 'Withdraw link'}
        </button>
      </form>
    </details>
  );
}
