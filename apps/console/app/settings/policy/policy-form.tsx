'use client';

import type { Policy } from '@firebreak/domain';
import { useActionState } from 'react';

import { DURATION_FIELDS, durationParts } from '@/server/policy/policy-form-fields';

import { type PolicyFormState, savePolicyAction } from './actions';

/** Every target of the policy, in hours and minutes, with the reason for the change required. */
export function PolicyForm({ policy }: { policy: Policy }) {
  const [state, formAction, pending] = useActionState(savePolicyAction, { fieldErrors: {} } satisfies PolicyFormState);
  const errors = state.fieldErrors;

  return (
    <form action={formAction} className="form" noValidate aria-labelledby="policy-form-heading">
      <h2 id="policy-form-heading">Change the policy</h2>
      <p className="muted">New incidents take the policy in force when they are declared; running incidents keep theirs.</p>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.savedVersion !== undefined && (
        <p className="form-ok" role="status">
          Saved as version {state.savedVersion}.
        </p>
      )}
      {DURATION_FIELDS.map(({ name, label, hint }) => {
        const { hours, minutes, seconds } = durationParts(policy[name]);
        const error = errors[name];
        return (
          <fieldset key={name} aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}>
            <legend>{label}</legend>
            <div className="duration-inputs">
              <input
                id={`${name}.hours`}
                name={`${name}.hours`}
                type="number"
                min={0}
                step={1}
                defaultValue={hours}
                aria-label={`${label}: hours`}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={`${name}.hours`}>h</label>
              <input
                id={`${name}.minutes`}
                name={`${name}.minutes`}
                type="number"
                min={0}
                max={59}
                step={1}
                defaultValue={minutes}
                aria-label={`${label}: minutes`}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={`${name}.minutes`}>min</label>
            </div>
            <p className="hint" id={`${name}-hint`}>
              {hint}
              {seconds > 0 && ` The current value has ${seconds} s more, which this form rounds down to the minute.`}
            </p>
            {error && (
              <p className="field-error" id={`${name}-error`}>
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="warnAtPercent">Warn on-call when this share of a clock&apos;s time is used (%)</label>
        <input
          id="warnAtPercent"
          name="warnAtPercent"
          type="number"
          min={10}
          max={99}
          step={1}
          defaultValue={Math.round(policy.warnAtFraction * 100)}
          aria-invalid={errors.warnAtFraction ? true : undefined}
          aria-describedby={errors.warnAtFraction ? 'warnAtPercent-error' : undefined}
        />
        {errors.warnAtFraction && (
          <p className="field-error" id="warnAtPercent-error">
            {errors.warnAtFraction}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="operationsEmail">Operations team email</label>
        <input
          id="operationsEmail"
          name="operationsEmail"
          type="email"
          defaultValue={policy.operationsEmail}
          aria-invalid={errors.operationsEmail ? true : undefined}
          aria-describedby={errors.operationsEmail ? 'operationsEmail-error' : 'operationsEmail-hint'}
        />
        <p className="hint" id="operationsEmail-hint">
          Clock warnings, breaches and suspicious-activity alerts go here.
        </p>
        {errors.operationsEmail && (
          <p className="field-error" id="operationsEmail-error">
            {errors.operationsEmail}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="policy-reason">Reason for the change</label>
        <textarea
          id="policy-reason"
          name="reason"
          rows={2}
          maxLength={2000}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'policy-reason-error' : undefined}
        />
        {errors.reason && (
          <p className="field-error" id="policy-reason-error">
            {errors.reason}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save a new version'}
      </button>
    </form>
  );
}
