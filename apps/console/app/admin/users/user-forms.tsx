'use client';

import type { User } from '@firebreak/accounts';
import { StaffRole } from '@firebreak/domain';
import { useActionState } from 'react';

import { createUserAction, updateUserAction, type UserFormState } from './actions';

const INITIAL: UserFormState = { fieldErrors: {} };

function Outcome({ state }: { state: UserFormState }) {
  return (
    <>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.done && (
        <p role="status" className="form-ok">
          {state.done}
        </p>
      )}
    </>
  );
}

export function NewUserForm() {
  const [state, formAction, pending] = useActionState(createUserAction, INITIAL);
  const field = (name: string, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`new-${name}`}>{label}</label>
      <input
        id={`new-${name}`}
        name={name}
        type={type}
        required
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        defaultValue={type === 'password' ? undefined : state.values?.[name]}
      />
      {state.fieldErrors[name] && <p className="field-error">{state.fieldErrors[name]}</p>}
    </div>
  );
  return (
    // React resets a form after its action; a new key per answer re-mounts it with what was typed instead.
    <form key={JSON.stringify(state)} action={formAction} className="form" noValidate>
      <Outcome state={state} />
      {field('username', 'User name')}
      {field('displayName', 'Full name')}
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue={state.values?.role ?? 'viewer'}>
          {StaffRole.options.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </div>
      {field('password', 'First password', 'password')}
      <button type="submit" disabled={pending}>
        Create account
      </button>
    </form>
  );
}

export function UserRowForm({ user }: { user: User }) {
  const [state, formAction, pending] = useActionState(updateUserAction.bind(null, user.id), INITIAL);
  return (
    <form action={formAction} className="inline-form">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        Role of {user.username}
      </label>
      <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
        {StaffRole.options.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`disabled-${user.id}`}>
        Status of {user.username}
      </label>
      <select id={`disabled-${user.id}`} name="disabled" defaultValue={user.disabledAt ? 'true' : 'false'}>
        <option value="false">enabled</option>
        <option value="true">disabled</option>
      </select>
      <button type="submit" disabled={pending}>
        Save
      </button>
      <Outcome state={state} />
    </form>
  );
}
