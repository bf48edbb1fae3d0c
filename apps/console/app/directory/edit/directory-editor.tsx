'use client';

import { useActionState } from 'react';

import { type DirectoryFormState, importDirectoryAction } from './actions';

export function DirectoryEditor({ yaml }: { yaml: string }) {
  const [state, action, pending] = useActionState(importDirectoryAction, { yaml } satisfies DirectoryFormState);
  return (
    <form action={action} className="card">
      {state.message && (
        <p className={state.saved ? 'form-ok' : 'form-error'} role={state.saved ? 'status' : 'alert'}>
          {state.saved ? state.message : 'The directory was not saved.'}
        </p>
      )}
      {state.problems && state.problems.length > 0 && (
        <ul className="field-error">
          {state.problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>
              {p.path}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <label>
        Directory (YAML)
        <textarea name="yaml" defaultValue={state.yaml} rows={30} spellCheck={false} className="mono" />
      </label>
      <button type="submit" disabled={pending}>
        Save
      </button>
    </form>
  );
}
