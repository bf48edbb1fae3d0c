import { DECISION_REFUSALS, type ErrorCode, FirebreakError, type FieldError } from '@firebreak/domain';

type RefusalCode = (typeof DECISION_REFUSALS)[keyof typeof DECISION_REFUSALS];

const LEADS: Record<RefusalCode, string> = {
  GATE_NOT_PENDING: 'The playbook is not waiting for this decision: it has not reached it yet, or it was already taken.',
  ROLE_NOT_ALLOWED: 'Your role may not take this decision.',
  CHOICE_NOT_OFFERED: 'This decision does not offer that choice.',
  DECISION_INVALID: 'The decision is not valid.',
};

/** The API error code of each refusal: an invalid decision is a plain validation failure. */
const ERROR_CODE_OF: Record<RefusalCode, ErrorCode> = {
  GATE_NOT_PENDING: 'GATE_NOT_PENDING',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  CHOICE_NOT_OFFERED: 'CHOICE_NOT_OFFERED',
  DECISION_INVALID: 'VALIDATION_FAILED',
};

const MAX_DETAIL_LENGTH = 300;

/**
 * Turns the message of a playbook's decision validator into the API's error. The validator starts its message with
 * a DECISION_REFUSALS code; anything else it throws is a validation failure (a zod error's message is its issues
 * as JSON, which become field errors).
 */
export function decisionRefusal(validatorMessage: string | undefined): FirebreakError {
  const text = (validatorMessage ?? '').trim();
  for (const code of Object.values(DECISION_REFUSALS)) {
    if (!text.startsWith(code)) continue;
    const detail = text.slice(code.length).replace(/^[\s:.,;-]+/, '').slice(0, MAX_DETAIL_LENGTH);
    const message = detail ? `${LEADS[code]} (${sentence(detail)})` : LEADS[code];
    return new FirebreakError(ERROR_CODE_OF[code], message, refusalFieldErrors(code, detail));
  }
  if (/^No registered handler for update/i.test(text)) {
    return new FirebreakError('GATE_NOT_PENDING', "This incident's playbook does not take decisions.");
  }
  const issues = zodIssues(text);
  if (issues) return new FirebreakError('VALIDATION_FAILED', 'The decision is not valid.', issues);
  return new FirebreakError(
    'VALIDATION_FAILED',
    text ? `The playbook refused the decision: ${text.slice(0, MAX_DETAIL_LENGTH)}` : 'The playbook refused the decision.',
  );
}

function refusalFieldErrors(code: RefusalCode, detail: string): FieldError[] {
  if (code === 'CHOICE_NOT_OFFERED') return [{ path: 'choice', message: detail || 'not offered' }];
  if (code !== 'DECISION_INVALID') return [];
  // The validator lists its problems as `path: message; path: message`, or asks for missing values as `give a, b`.
  const missing = /^give (.+)$/.exec(detail);
  if (missing) return missing[1]!.split(/,\s*/).map((name) => ({ path: `parameters.${name}`, message: 'give this value' }));
  const problems = detail.split(/;\s*/).map((part) => /^([\w.]+): (.+)$/.exec(part));
  if (problems.length === 0 || problems.some((match) => match === null)) return [];
  return problems.map((match) => ({ path: match![1]!, message: match![2]! }));
}

/** The field errors in a zod error's message (its issues as JSON), or undefined when the message is something else. */
function zodIssues(text: string): FieldError[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed) || parsed.length === 0) return undefined;
    const issues: FieldError[] = [];
    for (const issue of parsed as { path?: unknown; message?: unknown }[]) {
      if (typeof issue?.message !== 'string') return undefined;
      const path = Array.isArray(issue.path) && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
      issues.push({ path: stripArgumentIndex(path), message: issue.message });
    }
    return issues;
  } catch {
    return undefined;
  }
}

/** The playbook may validate the update's argument list: `0.reason` is the body's `reason`. */
function stripArgumentIndex(path: string): string {
  return path.replace(/^0\./, '');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text.slice(0, -1) : text;
}
