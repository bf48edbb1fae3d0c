'use client';

import type { PendingDecision } from '@firebreak/domain';
import { useActionState } from 'react';

import { CHOICE_LABELS, DECIDER_ROLE_LABELS, PARAMETER_LABELS } from '@/components/labels';
import { UtcTime } from '@/components/utc-time';

import { decideAction, type DecisionFormState } from './actions';

interface Props {
  incidentId: string;
  decision: PendingDecision;
  /** A fresh id from the server render; the card keeps it until the decision is accepted or refused. */
  decisionId: string;
  customerName?: string;
}

/** One judgement call the playbook waits for: the question, its choices and a required reason. */
export function DecisionCard({ incidentId, decision, decisionId, customerName }: Props) {
  const [state, formAction, pending] = useActionState(decideAction.bind(null, incidentId, decision.gate), {
    decisionId,
    fieldErrors: {},
  } satisfies DecisionFormState);
  const key = `${decision.gate}${decision.customerId ? `-${decision.customerId}` : ''}`;
  const errors = state.fieldErrors;
  // The message is shown unless a field below already carries the error beside it.
  const shownFields = ['choice', 'reason', ...decision.parameters.map((name) => `parameters.${name}`)];
  const shownMessage = shownFields.some((field) => errors[field]) ? undefined : state.message;

  return (
    <form action={formAction} className="card decision-card" noValidate aria-labelledby={`decision-${key}`}>
      <h3 id={`decision-${key}`}>{decision.question}</h3>
      <p className="muted">
        {customerName && <>For {customerName}. </>}
        Waiting since <UtcTime iso={decision.openedAt} />. Who may decide:{' '}
        {decision.roles.map((role) => DECIDER_ROLE_LABELS[role]).join(', ')}.
      </p>
      {shownMessage && (
        <p className="form-error" role="alert">
          {shownMessage}
        </p>
      )}
      {state.accepted && (
        <p role="status" className="form-ok">
          Decision taken: {CHOICE_LABELS[state.accepted.choice] ?? state.accepted.choice}. The page updates in a moment.
        </p>
      )}
      <fieldset aria-describedby={errors.choice ? `choice-${key}-error` : undefined}>
        <legend>Answer</legend>
        {errors.choice && (
          <p className="field-error" id={`choice-${key}-error`}>
            {errors.choice}
          </p>
        )}
        <div className="decision-choices">
          {decision.choices.map((choice) => (
            <label className="choice" key={choice}>
              <input type="radio" name="choice" value={choice} required />
              <span>{CHOICE_LABELS[choice] ?? choice}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {decision.customerId && <input type="hidden" name="customerId" value={decision.customerId} />}
      {decision.parameters.map((name) => {
        const id = `parameter-${key}-${name}`;
        const error = errors[`parameters.${name}`];
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{PARAMETER_LABELS[name] ?? name}</label>
            <input
              id={id}
              name={`parameters.${name}`}
              type="text"
              maxLength={200}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error && (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={`reason-${key}`}>Reason</label>
        <textarea
          id={`reason-${key}`}
          name="reason"
          rows={2}
          maxLength={2000}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `reason-${key}-error` : `reason-${key}-hint`}
        />
        <p className="hint" id={`reason-${key}-hint`}>
          Goes on the incident&apos;s record with your name and the time.
        </p>
        {errors.reason && (
          <p className="field-error" id={`reason-${key}-error`}>
            {errors.reason}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Deciding…' : 'Decide'}
      </button>
    </form>
  );
}
