import { apiAnswerOf, FAILURE, FirebreakError, type RefusalOf } from '@firebreak/domain';

import { refusalError, type UpdateRefusal } from '../temporal-errors';

/** What the caller reads first for each way the decide validator refuses; a new refusal type must be worded here. */
const LEADS: Record<RefusalOf<'decide'>, string> = {
  GATE_NOT_PENDING: 'The playbook is not waiting for this decision: it has not reached it yet, or it was already taken.',
  ROLE_NOT_ALLOWED: 'Your role may not take this decision.',
  CHOICE_NOT_OFFERED: 'This decision does not offer that choice.',
  DECISION_INVALID: 'The decision is not valid.',
};

const MAX_DETAIL_LENGTH = 300;

/**
 * The API's error for a decision the playbook refused. The failure's type gives the code (from the failure
 * registry) and its details the fields to fix; the validator's words follow the lead in brackets.
 */
export function decisionRefusal(refusal: UpdateRefusal): FirebreakError {
  if (refusal.kind === 'unhandled') {
    return new FirebreakError(apiAnswerOf(FAILURE.GATE_NOT_PENDING).code, "This incident's playbook does not take decisions.");
  }
  const detail = refusal.message.trim().slice(0, MAX_DETAIL_LENGTH);
  if (refusal.kind === 'unexpected') {
    return new FirebreakError(
      'VALIDATION_FAILED',
      detail ? `The playbook refused the decision: ${detail}` : 'The playbook refused the decision.',
    );
  }
  const lead = isDecisionRefusal(refusal.type) ? LEADS[refusal.type] : 'The playbook refused the decision.';
  return refusalError(refusal, detail ? `${lead} (${detail})` : lead);
}

function isDecisionRefusal(type: string): type is RefusalOf<'decide'> {
  return Object.hasOwn(LEADS, type);
}
