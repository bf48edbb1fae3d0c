'use client';

import type { Customer, Deployment, PlaybookDescription } from '@firebreak/domain';
import { useActionState } from 'react';
import { declareIncidentAction } from './actions';
import type { DeclareFormState } from './declare-form-state';

interface Props {
  deployments: Deployment[];
  customers: Customer[];
  playbooks: PlaybookDescription[];
  idempotencyKey: string;
}

const SEVERITIES = [
  ['critical', 'Critical'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const;

export function DeclareForm({ deployments, customers, playbooks, idempotencyKey }: Props) {
  const initial: DeclareFormState = {
    idempotencyKey,
    fieldErrors: {},
    values: { playbook: playbooks.find((p) => p.available)?.id ?? '', deploymentIds: [], severity: 'critical', summary: '' },
  };
  const [state, formAction, pending] = useActionState(declareIncidentAction, initial);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));
  const errors = state.fieldErrors;

  return (
    <form action={formAction} className="form" noValidate>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}

      <fieldset aria-describedby={errors.deploymentIds ? 'deploymentIds-error' : undefined}>
        <legend>Affected deployments</legend>
        {errors.deploymentIds && (
          <p className="field-error" id="deploymentIds-error">
            {errors.deploymentIds}
          </p>
        )}
        {deployments.length === 0 && <p className="muted">The directory has no deployments yet.</p>}
        {deployments.map((deployment) => (
          <label className="choice" key={deployment.id}>
            <input
              type="checkbox"
              name="deploymentIds"
              value={deployment.id}
              defaultChecked={state.values.deploymentIds.includes(deployment.id)}
            />
            <span>
              <strong>{deployment.name}</strong> <span className="mono muted">{deployment.id}</span>
              <span className="choice-detail">
                {deployment.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant'} · {deployment.region} ·{' '}
                {deployment.customerIds.map((id) => customerNames.get(id) ?? id).join(', ')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="playbook">Playbook</label>
        <select
          id="playbook"
          name="playbook"
          defaultValue={state.values.playbook}
          aria-invalid={errors.playbook ? true : undefined}
          aria-describedby={`playbook-steps${errors.playbook ? ' playbook-error' : ''}`}
        >
          {playbooks.map((playbook) => (
            <option key={playbook.id} value={playbook.id} disabled={!playbook.available}>
              {playbook.title}
              {playbook.available ? '' : ' (coming soon)'}
            </option>
          ))}
        </select>
        {errors.playbook && (
          <p className="field-error" id="playbook-error">
            {errors.playbook}
          </p>
        )}
        <div id="playbook-steps" className="playbook-steps">
          {playbooks.map((playbook) => (
            <details key={playbook.id} open={playbook.available}>
              <summary>
                {playbook.title}
                {!playbook.available && <span className="muted"> (coming soon)</span>}
              </summary>
              <ol>
                {playbook.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </details>
          ))}
        </div>
      </div>

      <div className="field">
        <label htmlFor="severity">Severity</label>
        <select
          id="severity"
          name="severity"
          defaultValue={state.values.severity}
          aria-invalid={errors.severity ? true : undefined}
          aria-describedby={errors.severity ? 'severity-error' : undefined}
        >
          {SEVERITIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {errors.severity && (
          <p className="field-error" id="severity-error">
            {errors.severity}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor="summary">What happened</label>
        <textarea
          id="summary"
          name="summary"
          rows={4}
          maxLength={2000}
          required
          defaultValue={state.values.summary}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={errors.summary ? 'summary-error' : 'summary-hint'}
        />
        <p className="hint" id="summary-hint">
          One or two sentences. The customers&apos; technical contacts read this in their notice.
        </p>
        {errors.summary && (
          <p className="field-error" id="summary-error">
            {errors.summary}
          </p>
        )}
      </div>

      <button type="submit" disabled={pending}>
        {pending ? 'Declaring…' : 'Declare incident and start the playbook'}
      </button>
    </form>
  );
}
