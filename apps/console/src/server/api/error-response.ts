import { type ErrorCode, type FieldError, FirebreakError } from '@firebreak/domain';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fieldErrors?: FieldError[];
    correlationId: string;
  };
}

const GENERIC_MESSAGE = 'Something went wrong on our side. Quote the correlation id when you report it.';

/**
 * The one JSON shape every API error takes. A FirebreakError carries a message meant for the caller; anything
 * else is logged here with its correlation id and answered with a generic message, so internals never leak.
 */
export function errorResponse(error: unknown, correlationId: string): Response {
  if (!(error instanceof FirebreakError)) {
    console.error(`[api] internal error, correlation id ${correlationId}:`, error);
    return errorJson(500, { code: 'INTERNAL', message: GENERIC_MESSAGE, correlationId });
  }
  const body: ErrorBody['error'] = { code: error.code, message: error.message, correlationId };
  if (error.fieldErrors.length > 0) body.fieldErrors = error.fieldErrors;
  const headers: Record<string, string> = {};
  if (error.code === 'UNAUTHORIZED') headers['WWW-Authenticate'] = 'Bearer realm="firebreak"';
  if (error.code === 'ORCHESTRATOR_UNAVAILABLE') headers['Retry-After'] = '5';
  return errorJson(error.httpStatus, body, headers);
}

function errorJson(status: number, error: ErrorBody['error'], headers: Record<string, string> = {}): Response {
  return Response.json({ error } satisfies ErrorBody, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
