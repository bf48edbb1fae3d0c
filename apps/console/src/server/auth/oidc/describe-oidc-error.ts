export interface OidcErrorDescription {
  code?: string;
  message: string;
  /** The failed check as the protocol library words it, e.g. `unexpected JWT "aud" (audience) claim value`. */
  check?: string;
}

/**
 * What went wrong, fit for the audit log: the error's code and message, and the message of the protocol error beneath
 * it (which names the failed check). Never anything further down: those `cause` objects hold response bodies, claims
 * and tokens.
 */
export function describeOidcError(error: unknown): OidcErrorDescription {
  if (!(error instanceof Error)) return { message: 'unknown error' };
  const code = (error as { code?: unknown }).code;
  const providerError = (error as { error?: unknown }).error;
  const message = typeof providerError === 'string' ? `${error.message} (provider said ${providerError.slice(0, 60)})` : error.message;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    message: message.slice(0, 300),
    ...(error.cause instanceof Error && error.cause.message !== error.message ? { check: error.cause.message.slice(0, 300) } : {}),
  };
}
