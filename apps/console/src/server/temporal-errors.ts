import { apiAnswerOf, type FailureType, type FieldError, FirebreakError, isFailureType, readFailureDetails } from '@firebreak/domain';
import {
  ApplicationFailure,
  type Client,
  isGrpcDeadlineError,
  isGrpcServiceError,
  type WorkflowUpdateFailedError,
} from '@temporalio/client';

import { getTemporalClient } from './temporal-client';

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** True when an error means the orchestrator could not be reached (as opposed to it refusing the call). */
export function isOrchestratorUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (isUnreachableError(current)) return true;
    current = current.cause;
  }
  return false;
}

function isUnreachableError(error: unknown): boolean {
  if (isGrpcServiceError(error)) return error.code === GRPC_UNAVAILABLE || error.code === GRPC_DEADLINE_EXCEEDED;
  return isGrpcDeadlineError(error);
}

export function orchestratorUnavailable(): FirebreakError {
  return new FirebreakError(
    'ORCHESTRATOR_UNAVAILABLE',
    'The workflow orchestrator is not reachable right now. Nothing was lost: send the same request again shortly.',
  );
}

/** Runs a call against Temporal, turning "cannot reach it" into ORCHESTRATOR_UNAVAILABLE and leaving other errors be. */
export async function withTemporal<T>(call: (client: Client) => Promise<T>): Promise<T> {
  let client: Client;
  try {
    client = await getTemporalClient();
  } catch (error) {
    console.error('[temporal] cannot connect:', error);
    throw orchestratorUnavailable();
  }
  try {
    return await call(client);
  } catch (error) {
    if (!isOrchestratorUnreachable(error)) throw error;
    console.error('[temporal] call failed, orchestrator unreachable:', error);
    throw orchestratorUnavailable();
  }
}

/** Why a workflow refused an update, read from the failure its validator threw (never from the failure's words). */
export type UpdateRefusal =
  /** A registered failure type, with the fields to fix from its details and its message for people. */
  | { kind: 'refused'; type: FailureType; message: string; fieldErrors: FieldError[] }
  /** The workflow has no handler for the update: the SDK refuses it with an untyped failure. */
  | { kind: 'unhandled' }
  /** Anything else the validator threw (a bug in it): its message, shown as it is. */
  | { kind: 'unexpected'; message: string };

export function updateRefusalOf(error: WorkflowUpdateFailedError): UpdateRefusal {
  const failure = error.cause;
  if (failure instanceof ApplicationFailure && isFailureType(failure.type)) {
    return { kind: 'refused', type: failure.type, message: failure.message, fieldErrors: readFailureDetails(failure.details).fieldErrors };
  }
  if (failure instanceof ApplicationFailure && !failure.type) return { kind: 'unhandled' };
  return { kind: 'unexpected', message: failure?.message ?? '' };
}

/** The API's error for a refused update: the registry's code for its type, with the validator's fields to fix. */
export function refusalError(refusal: Extract<UpdateRefusal, { kind: 'refused' }>, message = refusal.message): FirebreakError {
  return new FirebreakError(apiAnswerOf(refusal.type).code, message, refusal.fieldErrors);
}
