import type { INCIDENT_UPDATES } from '../playbook';
import { ERROR_CODES, type ErrorCode } from './api-error-codes';

type IncidentUpdate = keyof typeof INCIDENT_UPDATES;

interface ActivityFailureSpec {
  /** An activity raises it; the workflows' retry policy reads `retryable`. */
  raisedBy: 'activity';
  /** False: the step fails at once and is recorded for an engineer; true: it is retried with backoff. */
  retryable: boolean;
  /** The API's answer if the failure ever reaches a caller (activity failures normally end on the timeline). */
  api: ErrorCode;
}

interface ValidatorFailureSpec {
  /** The validator of `update` raises it: the update is refused before anything is written, and never retried. */
  raisedBy: 'validator';
  update: IncidentUpdate;
  retryable: false;
  /** The API's answer to the caller whose update was refused. */
  api: ErrorCode;
}

export type FailureTypeSpec = ActivityFailureSpec | ValidatorFailureSpec;

/**
 * Every failure type an activity or an update validator raises: the type an ApplicationFailure carries, whether a
 * retry can fix it, and how the API answers it. The workflows' non-retryable list and the console's answer to a
 * refused update are read from here, never written out again.
 */
export const FAILURE_TYPES = {
  // Activities. The non-retryable ones first, in the order the workflows' retry policy has always listed them.
  /** The relay refused a notice for good (a 5xx reply). */
  SMTP_PERMANENT: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** A notice's contact is not in the directory. */
  UNKNOWN_CONTACT: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** An activity's input does not match its schema. */
  INVALID_INPUT: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: the deployment lacks what a rebuild needs (known-good image, application host). */
  DEPLOYMENT_INCOMPLETE: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: the firewall the deployment asks for breaks a rule (port 22, out of range, open SSH). */
  INVALID_FIREWALL: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: a step ran before the one that creates what it needs (e.g. instances before the network). */
  CLEAN_ENVIRONMENT_MISSING: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: no pre-change state was recorded for the incident and deployment: nothing says what to restore. */
  PRE_CHANGE_STATE_MISSING: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: there is no instance to rebuild. */
  NOTHING_TO_REBUILD: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: RunInstances answered with instances a previous attempt launched and that are gone. */
  CLIENT_TOKEN_SPENT: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: restoring would give public access to a compromised instance. */
  WOULD_RECONNECT_COMPROMISED: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Recovery: a production address is held by something that is neither its target nor free. */
  ADDRESS_IN_USE: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Source block: a network ACL has no free rule number below its first allow rule. */
  NO_FREE_ACL_RULE: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Maintenance: the image to launch from does not exist or cannot be used. */
  IMAGE_NOT_AVAILABLE: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** Maintenance: an instance holds more than one Elastic IP, which a replacement cannot take over. */
  UNSUPPORTED_TOPOLOGY: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** AWS refused a call for a reason no retry changes (not authorized, an invalid parameter, an unsupported call). */
  AWS_REQUEST_REFUSED: { raisedBy: 'activity', retryable: false, api: 'INTERNAL' },
  /** The relay deferred a notice (a 4xx reply, a lost connection): the retry sends it. */
  SMTP_TEMPORARY: { raisedBy: 'activity', retryable: true, api: 'INTERNAL' },
  /** An EC2 activity stopped before its attempt's timeout; the retry carries on from what EC2 holds. */
  ATTEMPT_TIME_SPENT: { raisedBy: 'activity', retryable: true, api: 'INTERNAL' },

  // Update validators.
  /** The playbook is not waiting for this decision: not reached yet, or already taken. */
  GATE_NOT_PENDING: { raisedBy: 'validator', update: 'decide', retryable: false, api: 'GATE_NOT_PENDING' },
  /** The decider's role may not take this gate's decision. */
  ROLE_NOT_ALLOWED: { raisedBy: 'validator', update: 'decide', retryable: false, api: 'ROLE_NOT_ALLOWED' },
  /** The gate does not offer this choice. */
  CHOICE_NOT_OFFERED: { raisedBy: 'validator', update: 'decide', retryable: false, api: 'CHOICE_NOT_OFFERED' },
  /** The decision does not match its schema or lacks a value the gate asks for. */
  DECISION_INVALID: { raisedBy: 'validator', update: 'decide', retryable: false, api: 'VALIDATION_FAILED' },
  /** The incident is not in a state an engineer may close it from (only a failed incident is closed by hand). */
  CLOSE_REFUSED: { raisedBy: 'validator', update: 'closeIncident', retryable: false, api: 'INCIDENT_NOT_OPEN' },
  /** The close request does not match its schema. */
  CLOSE_INVALID: { raisedBy: 'validator', update: 'closeIncident', retryable: false, api: 'VALIDATION_FAILED' },
  /** The maintenance window cannot move there: not this maintenance, multi-tenant, already upgraded, out of bounds. */
  DEFERRAL_REFUSED: { raisedBy: 'validator', update: 'requestDeferral', retryable: false, api: 'VALIDATION_FAILED' },
  /** The deferral request does not match its schema. */
  DEFERRAL_INVALID: { raisedBy: 'validator', update: 'requestDeferral', retryable: false, api: 'VALIDATION_FAILED' },
} as const satisfies Record<string, FailureTypeSpec>;

export type FailureType = keyof typeof FAILURE_TYPES;

/** Each failure type by its own name, so a throw site writes `FAILURE.INVALID_INPUT` and a typo does not compile. */
export const FAILURE = Object.fromEntries(Object.keys(FAILURE_TYPES).map((type) => [type, type])) as {
  readonly [T in FailureType]: T;
};

type Entry = readonly [FailureType, FailureTypeSpec];
const ENTRIES = Object.entries(FAILURE_TYPES) as Entry[];

/** The types no retry can fix, for an activity's retry policy (`nonRetryableErrorTypes`), in registry order. */
export const NON_RETRYABLE_ACTIVITY_FAILURES: readonly FailureType[] = ENTRIES.filter(
  ([, spec]) => spec.raisedBy === 'activity' && !spec.retryable,
).map(([type]) => type);

export function isFailureType(type: unknown): type is FailureType {
  return typeof type === 'string' && Object.hasOwn(FAILURE_TYPES, type);
}

/** How the API answers a failure of this type: its error code and HTTP status. */
export function apiAnswerOf(type: FailureType): { code: ErrorCode; status: number } {
  const code = FAILURE_TYPES[type].api;
  return { code, status: ERROR_CODES[code] };
}

/** The failure types an update's validator raises, in registry order. */
export function refusalsOf(update: IncidentUpdate): FailureType[] {
  return ENTRIES.filter(([, spec]) => spec.raisedBy === 'validator' && spec.update === update).map(([type]) => type);
}

/** The API error codes a refusal of this update is answered with, for a route's list of error codes. */
export function refusalCodesOf(update: IncidentUpdate): ErrorCode[] {
  return [...new Set(refusalsOf(update).map((type) => FAILURE_TYPES[type].api))];
}

/** The failure types the validator of update `U` raises, as a type: a map keyed by it must cover every one. */
export type RefusalOf<U extends IncidentUpdate> = {
  [T in FailureType]: (typeof FAILURE_TYPES)[T] extends { update: U } ? T : never;
}[FailureType];
