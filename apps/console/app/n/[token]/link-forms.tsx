'use client';

import { useActionState } from 'react';

import { acknowledgeAction, type LinkFormState, requestDeferralAction, signOffAction } from './actions';

function Outcome({ state }: { state: LinkFormState }) {
  if (!state) return null;
  return (
    <p className={state.ok ? 'form-ok' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

export function AcknowledgeForm({ token, acknowledged }: { token: string; acknowledged: boolean }) {
  const [state, action, pending] = useActionState(acknowledgeAction.bind(null, token), undefined);
  if (acknowledged && !state) return <p className="form-ok">You have acknowledged this notice. Thank you.</p>;
  return (
    <form action={action} className="card">
      <Outcome state={state} />
      {!state?.ok && (
        <button type="submit" disabled={pending}>
          Acknowledge this notice
        </button>
      )}
    </form>
  );
}

interface DeferrableDeployment {
  id: string;
  name: string;
  window: string;
  deferrableUntil: string;
}

export function DeferralForm({ token, deployments }: { token: string; deployments: DeferrableDeployment[] }) {
  const [state, action, pending] = useActionState(requestDeferralAction.bind(null, token), undefined);
  return (
    <form action={action} className="card">
      <h2>Request another maintenance window</h2>
      <Outcome state={state} />
      <label>
        Deployment
        <select name="deploymentId" required defaultValue={deployments[0]?.id}>
          {deployments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} (proposed {d.window.slice(0, 16).replace('T', ' ')} UTC; latest {d.deferrableUntil.slice(0, 16).replace('T', ' ')}{' '}
              UTC)
            </option>
          ))}
        </select>
      </label>
      <label>
        New window (UTC)
        <input type="datetime-local" name="until" required max={deployments[0]?.deferrableUntil.slice(0, 16)} />
      </label>
      <label>
        Reason
        <textarea name="reason" required maxLength={2000} rows={3} />
      </label>
      <button type="submit" disabled={pending || state?.ok}>
        Request this window
      </button>
    </form>
  );
}

export function SignOffForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(signOffAction.bind(null, token), undefined);
  return (
    <form action={action} className="card">
      <h2>Sign off monitoring</h2>
      <Outcome state={state} />
      <label>
        Anything to add (optional)
        <textarea name="reason" maxLength={2000} rows={3} />
      </label>
      <button type="submit" disabled={pending || state?.ok}>
        We are satisfied that no vulnerability remains
      </button>
    </form>
  );
}
