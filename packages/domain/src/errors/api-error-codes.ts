/**
 * Error codes Firebreak returns to API clients, with the HTTP status of each.
 * Documented in ARCHITECTURE.md; keep the two in step.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  UNKNOWN_PLAYBOOK: 400,
  PLAYBOOK_NOT_AVAILABLE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_KEY_REUSED: 422,
  INCIDENT_NOT_OPEN: 409,
  /** A decision for a gate the playbook is not waiting on (not reached yet, or already decided). */
  GATE_NOT_PENDING: 409,
  /** The decider's role may not take this gate's decision. */
  ROLE_NOT_ALLOWED: 403,
  /** The gate does not offer this choice. */
  CHOICE_NOT_OFFERED: 400,
  ORCHESTRATOR_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Headers an answer with this code carries beside its body: how to authenticate, when to come back. */
export const ERROR_CODE_HEADERS: Partial<Record<ErrorCode, Readonly<Record<string, string>>>> = {
  UNAUTHORIZED: { 'WWW-Authenticate': 'Bearer realm="firebreak"' },
  ORCHESTRATOR_UNAVAILABLE: { 'Retry-After': '5' },
};
