import { isGrpcDeadlineError, isGrpcServiceError, type Client } from '@temporalio/client';
import { FirebreakError } from '@firebreak/domain';
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
