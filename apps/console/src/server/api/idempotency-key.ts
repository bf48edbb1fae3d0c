import { FirebreakError } from '@firebreak/domain';
import { z } from 'zod';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export const IdempotencyKey = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\x20-\x7E]+$/, 'must use printable ASCII characters only');

/** The request's Idempotency-Key header: undefined when absent, VALIDATION_FAILED when present but unusable. */
export function readIdempotencyKey(request: Request): string | undefined {
  const header = request.headers.get(IDEMPOTENCY_HEADER);
  if (header === null) return undefined;
  const result = IdempotencyKey.safeParse(header);
  if (result.success) return result.data;
  throw new FirebreakError('VALIDATION_FAILED', `The ${IDEMPOTENCY_HEADER} header is not usable.`, [
    { path: IDEMPOTENCY_HEADER, message: result.error.issues[0]?.message ?? 'is not valid' },
  ]);
}
