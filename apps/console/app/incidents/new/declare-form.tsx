'use client';

import type { Customer, Deployment, PlaybookDescription } from '@firebreak/domain';
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from 'react';

import { declareIncidentAction, previewIncidentAction } from './actions';
import { type DeclareFormState, EMPTY_VULNERABILITY, VULNERABILITY_PLAYBOOKS } from './declare-form-state';
import { declarationFingerprint, formValuesOf } from './form-values';
import { NO_PREVIEW } from './preview-state';
import { PreviewTables } from './preview-tables';

/** Only this button declares; every other submission of the form (Enter in a field included) previews. */
const DECLARE_BUTTON_ID = 'declare-and-run';

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
    values: {
      playbook: playbooks.find((p) => p.available)?.id ?? '',
      deploymentIds: [],
      severity: 'critical',
      summary: '',
      sourceAddress: '',
      vulnerability: EMPTY_VULNERABILITY,
    },
  };
  const [state, formAction, pending] = useActionState(declareIncidentAction, initial);
  const [previewState, previewAction, previewing] = useActionState(previewIncidentAction, NO_PREVIEW);
  const [lastSubmitted, setLastSubmitted] = useState<'preview' | 'declare'>('declare');
  // What the form would declare as it stands now; a preview made for anything else is stale.
  const [fingerprint, setFingerprint] = useState<string>();
  // Which extra fields the form shows follows the playbook chosen, before anything is submitted.
  const [playbookId, setPlaybookId] = useState(initial.values.playbook);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const customerNames = new Map(customers.map((c) => [c.id, c.name]));

  const preview = previewState.status === 'ready' && previewState.fingerprint === fingerprint ? previewState.preview : undefined;
  const stale = previewState.status === 'ready' && !preview;
  const previewFailed = lastSubmitted === 'preview' && previewState.status === 'error' ? previewState : undefined;
  const errors = previewFailed ? previewFailed.fieldErrors : lastSubmitted === 'declare' ? state.fieldErrors : {};
  const message = previewFailed ? previewFailed.message : lastSubmitted === 'declare' ? state.message : undefined;

  // Keyboard and screen-reader users land on the preview once it is there.
  useEffect(() => {
    if (previewState.status === 'ready') previewHeading.current?.focus();
  }, [previewState]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if ((event.nativeEvent as SubmitEvent).submitter?.id === DECLARE_BUTTON_ID) {
      setLastSubmitted('declare');
      return;
    }
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setLastSubmitted('preview');
    setFingerprint(declarationFingerprint(formValuesOf(data)));
    startTransition(() => previewAction(data));
  }

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={(event) => setFingerprint(declarationFingerprint(formValuesOf(new FormData(event.currentTarget))))}
      className="form declare-form"
      noValidate
    >
      {message && (
        <p className="form-error" role="alert">
          {message}
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
          value={playbookId}
          onChange={(event) => setPlaybookId(event.target.value)}
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

      {playbookId === 'suspicious-activity' && (
        <div className="field">
          <label htmlFor="sourceAddress">Source address to block</label>
          <input
            id="sourceAddress"
            name="sourceAddress"
            type="text"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            defaultValue={state.values.sourceAddress}
            aria-invalid={errors.sourceAddress ? true : undefined}
            aria-describedby={errors.sourceAddress ? 'sourceAddress-error' : 'sourceAddress-hint'}
          />
          <p className="hint" id="sourceAddress-hint">
            An IPv4 or IPv6 address, or a CIDR block, e.g. 203.0.113.7 or 203.0.113.0/24.
          </p>
          {errors.sourceAddress && (
            <p className="field-error" id="sourceAddress-error">
              {errors.sourceAddress}
            </p>
          )}
        </div>
      )}

      {VULNERABILITY_PLAYBOOKS.includes(playbookId) && (
        <fieldset className="form-section">
          <legend>The vulnerability</legend>
          {errors.vulnerability && !Object.keys(errors).some((key) => key.startsWith('vulnerability.')) && (
            <p className="field-error">{errors.vulnerability}</p>
          )}
          <TextField
            name="vulnerability.reference"
            label="Reference (CVE or bulletin id)"
            value={state.values.vulnerability.reference}
            error={errors['vulnerability.reference']}
          />
          <TextField
            name="vulnerability.title"
            label="Title"
            value={state.values.vulnerability.title}
            error={errors['vulnerability.title']}
          />
          <TextField
            name="vulnerability.component"
            label="Affected component"
            value={state.values.vulnerability.component}
            error={errors['vulnerability.component']}
          />
          <div className="field">
            <label htmlFor="vulnerability.discoveredAt">Discovered at (UTC)</label>
            <input
              id="vulnerability.discoveredAt"
              name="vulnerability.discoveredAt"
              type="datetime-local"
              defaultValue={state.values.vulnerability.discoveredAt}
              aria-invalid={errors['vulnerability.discoveredAt'] ? true : undefined}
              aria-describedby={
                errors['vulnerability.discoveredAt'] ? 'vulnerability.discoveredAt-error' : 'vulnerability.discoveredAt-hint'
              }
            />
            <p className="hint" id="vulnerability.discoveredAt-hint">
              The bulletin clocks run from this moment.
            </p>
            {errors['vulnerability.discoveredAt'] && (
              <p className="field-error" id="vulnerability.discoveredAt-error">
                {errors['vulnerability.discoveredAt']}
              </p>
            )}
          </div>
          {playbookId === 'non-exploitable-vulnerability' && (
            <div className="field">
              <label htmlFor="vulnerability.notExploitableBecause">Why it is not exploitable</label>
              <textarea
                id="vulnerability.notExploitableBecause"
                name="vulnerability.notExploitableBecause"
                rows={3}
                maxLength={4000}
                defaultValue={state.values.vulnerability.notExploitableBecause}
                aria-invalid={errors['vulnerability.notExploitableBecause'] ? true : undefined}
                aria-describedby={
                  errors['vulnerability.notExploitableBecause']
                    ? 'vulnerability.notExploitableBecause-error'
                    : 'vulnerability.notExploitableBecause-hint'
                }
              />
              <p className="hint" id="vulnerability.notExploitableBecause-hint">
                Customers read this in the bulletin.
              </p>
              {errors['vulnerability.notExploitableBecause'] && (
                <p className="field-error" id="vulnerability.notExploitableBecause-error">
                  {errors['vulnerability.notExploitableBecause']}
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}

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

      <section className="preview" aria-labelledby="preview-heading" aria-busy={previewing}>
        <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
          Preview
        </h2>
        {!preview && !previewing && (
          <p className="hint">
            {stale
              ? 'The form changed since the last preview. Preview again to see what the playbook would change now.'
              : 'See which instances, addresses, network ACLs and security groups the playbook will change, and who is told first, read from EC2 before anything changes. Declare and run now skips this.'}
          </p>
        )}
        {previewing && <p role="status">Reading the deployments from EC2…</p>}
        {preview && !previewing && <PreviewTables preview={preview} />}
      </section>

      <div className="form-actions">
        <button type="submit" className={preview ? 'button-secondary' : undefined} disabled={previewing || pending}>
          {previewing ? 'Previewing…' : preview ? 'Preview again' : 'Preview changes'}
        </button>
        <button type="submit" id={DECLARE_BUTTON_ID} className={preview ? undefined : 'button-secondary'} disabled={previewing || pending}>
          {pending ? 'Declaring…' : preview ? 'Declare and run' : 'Declare and run now'}
        </button>
      </div>
    </form>
  );
}

function TextField({ name, label, value, error }: { name: string; label: string; value: string; error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="text"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
