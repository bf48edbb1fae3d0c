'use client';

import { useActionState } from 'react';

import { type CloseFormState, closeIncidentAction } from './actions';

export function CloseForm({ incidentId }: { incidentId: string }) {
  const [state, formAction, pending] = useActionState(closeIncidentAction.bind(null, incidentId), {
    fieldErrors: {},
  } satisfies CloseFormState);
  const reasonError = state.fieldErrors.reason;

  return (
    <form action={formAction} className="form close-form" noValidate aria-labelledby="close-heading">
      <h2 id="close-heading">Close incident</h2>
      <p className="muted">
        A step failed and the playbook stopped. Once an engineer has dealt with what the timeline shows, close the incident with the reason.
      </p>
      {state.message && !reasonError && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.done && <p role="status">Close requested. The page updates in a moment.</p>}
      <div className="field">
        <label htmlFor="reason">Reason for closing</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          maxLength={2000}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? 'reason-error' : undefined}
        />
        {reasonError && (
          <p className="field-error" id="reason-error" role="alert">
            {reasonError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Closing…' : 'Close incident'}
      </button>
    </form>
  );
}
