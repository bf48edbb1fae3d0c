import { randomUUID } from 'node:crypto';

import { recordAudit } from '../audit/record-audit';
import { type RequestContext, requestContext } from '../audit/request-context';
import { errorResponse } from './error-response';

export const CORRELATION_HEADER = 'X-Correlation-Id';

/**
 * Runs one API handler: gives the request a correlation id, turns any thrown error into the API's error shape,
 * and stamps the id on the response so a caller can quote it. Every request that reached authentication is
 * audited with its caller and response status.
 */
export async function respond(handle: (correlationId: string) => Promise<Response>): Promise<Response> {
  const context: RequestContext = { correlationId: randomUUID() };
  const { correlationId } = context;
  let response: Response;
  try {
    response = await requestContext.run(context, () => handle(correlationId));
  } catch (error) {
    response = errorResponse(error, correlationId);
  }
  response.headers.set(CORRELATION_HEADER, correlationId);
  if (context.method !== undefined) await auditRequest(context, response.status);
  return response;
}

async function auditRequest(context: RequestContext, status: number): Promise<void> {
  await recordAudit({
    severity: status === 401 || status === 403 ? 'warning' : status >= 500 ? 'alert' : 'info',
    component: 'api',
    eventType: 'api.request',
    actor: context.actor ?? { kind: 'user', id: 'anonymous', name: 'anonymous' },
    sourceAddress: context.sourceAddress,
    details: { method: context.method, path: context.path, status, correlationId: context.correlationId },
  });
}
