'use client';

import type { SecuritySettings } from '@firebreak/domain';
import { useActionState } from 'react';

import { saveSecuritySettingsAction, type SecurityFormState } from './actions';

export function SecurityForm({ settings }: { settings: SecuritySettings }) {
  const [state, formAction, pending] = useActionState(saveSecuritySettingsAction, { fieldErrors: {} } satisfies SecurityFormState);
  const errors = state.fieldErrors;
  const numberField = (name: string, label: string, value: number, hint?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type="number" defaultValue={value} required />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
  return (
    <form action={formAction} className="form" noValidate>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {Object.entries(errors).map(([field, message]) => (
        <p className="field-error" key={field}>
          {field}: {message}
        </p>
      ))}
      {state.done && (
        <p role="status" className="form-ok">
          Saved. The change is in the audit log.
        </p>
      )}
      <fieldset>
        <legend>Passwords</legend>
        <div className="field">
          <label htmlFor="mode">Rules</label>
          <select id="mode" name="mode" defaultValue={settings.password.mode}>
            <option value="guidance">Current guidance: length and breached-password list</option>
            <option value="classic">Classic: also four character classes and expiry</option>
          </select>
        </div>
        {numberField('minLength', 'Minimum length', settings.password.minLength)}
        {numberField('expiryDays', 'Expiry (days, classic rules only)', settings.password.expiryDays)}
      </fieldset>
      <fieldset>
        <legend>Failed sign-ins</legend>
        {numberField(
          'maxFailedAttempts',
          'Failures before a pause',
          settings.lockout.maxFailedAttempts,
          'Counted per account and source address.',
        )}
        {numberField('lockoutMinutes', 'Pause (minutes)', settings.lockout.lockoutSeconds / 60)}
      </fieldset>
      {numberField('sessionHours', 'Session length (hours)', settings.sessionHours)}
      <div className="field">
        <label htmlFor="signInBanner">Banner on the sign-in page</label>
        <textarea id="signInBanner" name="signInBanner" rows={3} maxLength={2000} defaultValue={settings.signInBanner} />
      </div>
      <button type="submit" disabled={pending}>
        Save settings
      </button>
    </form>
  );
}
