import { randomUUID } from 'node:crypto';
import { errorResponse } from './error-response';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/**
 * Runs one API handler: gives the request a correlation id, turns any thrown error into the API's error shape,
 * and stamps the id on the response so a caller can quote it.
 */
export async function respond(handle: (correlationId: string) => Promise<Response>): Promise<Response> {
  const correlationId = randomUUID();
  let response: Response;
  try {
    response = await handle(correlationId);
  } catch (error) {
    response = errorResponse(error, correlationId);
  }
  response.headers.set(CORRELATION_HEADER, correlationId);
  return response;
}
