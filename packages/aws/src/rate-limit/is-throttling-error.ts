const THROTTLING_CODES = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'ServiceUnavailable', 'Unavailable']);

/**
 * Throttling and 503s say "later", never "no": they must stay retryable. They reach Temporal as the SDK's error
 * (type = its code), which none of the non-retryable types match, so the activity is retried with backoff.
 */
export function isThrottlingError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return THROTTLING_CODES.has(error.name) || status === 503;
}

/** Throttled before anything was done (unlike a 503, which may come after the action took effect). */
export function isRequestLimitExceeded(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RequestLimitExceeded' || error.name === 'Throttling');
}
