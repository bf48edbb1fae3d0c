'use client';

import { useActionState } from 'react';

import { changePasswordAction, type PasswordFormState } from './actions';

const FIELDS = [
  ['currentPassword', 'Current password', 'current-password'],
  ['newPassword', 'New password', 'new-password'],
  ['confirmPassword', 'New password again', 'new-password'],
] as const;

export function PasswordForm({ hint }: { hint: string }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, { fieldErrors: {} } satisfies PasswordFormState);
  return (
    <form action={formAction} className="form" noValidate>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.done && (
        <p role="status" className="form-ok">
          Your password is changed. Your other sessions have ended.
        </p>
      )}
      {FIELDS.map(([name, label, autoComplete]) => (
        <div className="field" key={name}>
          <label htmlFor={name}>{label}</label>
          <input
            id={name}
            name={name}
            type="password"
            autoComplete={autoComplete}
            required
            maxLength={1024}
            aria-invalid={state.fieldErrors[name] ? true : undefined}
            aria-describedby={state.fieldErrors[name] ? `${name}-error` : name === 'newPassword' ? 'newPassword-hint' : undefined}
          />
          {name === 'newPassword' && (
            <p className="hint" id="newPassword-hint">
              {hint}
            </p>
          )}
          {state.fieldErrors[name] && (
            <p className="field-error" id={`${name}-error`}>
              {state.fieldErrors[name]}
            </p>
          )}
        </div>
      ))}
      <button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
