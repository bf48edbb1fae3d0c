import type { MiddlewareStack } from '@smithy/types';

import { isThrottlingError } from './rate-limit/is-throttling-error';

export const NAME_FAILED_COMMAND_MIDDLEWARE = 'firebreakNameFailedCommand';

/**
 * Codes AWS answers while a change it has just made is still spreading through the region (eventual consistency), or
 * while a resource moves between states: the same request succeeds a moment later, so they stay retryable.
 */
const SETTLING_CODE =
  /\.NotFound$|^IncorrectState$|^IncorrectInstanceState$|^InvalidState$|^DependencyViolation$|^Resource(InUse|Contention)$/;

/**
 * A request AWS refused for a reason no retry changes: a 4xx answer (not authorized, an invalid or unsupported
 * parameter, a missing opt-in) that is neither throttling nor a resource still settling. Everything else (5xx,
 * throttling, timeouts, lost connections) may succeed later.
 */
export function isPermanentAwsError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status === undefined || status < 400 || status >= 500) return false;
  return !isThrottlingError(error) && !SETTLING_CODE.test(error.name);
}

/** The AWS operation a failed request was for, as the naming middleware recorded it. */
export function failedCommandOf(error: unknown): string | undefined {
  return (error as { $command?: string } | undefined)?.$command;
}

/**
 * Records on every error the name of the command that failed, so a refusal can say which call AWS refused
 * (`UnauthorizedOperation` alone does not). Nothing else is added: AWS's message never holds credentials.
 */
export function nameFailedCommands<C extends { middlewareStack: object }>(client: C): C {
  // Any client's stack: the middleware reads only the command's name, whatever the service's types.
  (client.middlewareStack as MiddlewareStack<object, object>).add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && context.commandName) Object.assign(error, { $command: context.commandName.replace(/Command$/, '') });
        throw error;
      }
    },
    { step: 'initialize', name: NAME_FAILED_COMMAND_MIDDLEWARE, override: true },
  );
  return client;
}
