/**
 * SMTP replies in the 5xx range are permanent: sending again will not help. Everything else — 4xx replies, refused
 * or dropped connections, timeouts — is temporary and worth retrying with backoff.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A short description for the timeline: the SMTP reply code and text, never credentials or message content. */
export function describeSmtpFailure(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string } | null;
  if (e?.responseCode) return `SMTP ${e.responseCode}: ${(e.response ?? '').slice(0, 200)}`;
  return `${e?.code ?? 'error'}: ${(e?.message ?? String(error)).slice(0, 200)}`;
}
