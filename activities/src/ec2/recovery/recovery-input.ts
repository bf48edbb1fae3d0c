import { Deployment, IncidentId } from '@firebreak/domain';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';

/** What a clean environment is for: a backup instance (infrastructure compromise) or a full recreate (application). */
export const RecoveryPurpose = z.enum(['backup', 'recreate']);
export type RecoveryPurpose = z.infer<typeof RecoveryPurpose>;

export const RecoveryInput = z.object({
  incidentId: IncidentId,
  deployment: Deployment,
  purpose: RecoveryPurpose,
  /**
   * Which build of this environment it is, 1 unless a build was undone (saga) and is tried again: AWS keeps a
   * RunInstances ClientToken bound to the instances it launched, even after they are terminated, so a new
   * attempt needs new tokens.
   */
  attempt: z.number().int().min(1).max(1000).default(1),
});
export type RecoveryInput = z.input<typeof RecoveryInput>;
export type ParsedRecoveryInput = z.output<typeof RecoveryInput>;

export const RestoreInput = z.object({ incidentId: IncidentId, deployment: Deployment });
export type RestoreInput = z.infer<typeof RestoreInput>;

export function parseRecoveryInput(input: unknown): ParsedRecoveryInput {
  return parseOrFail(RecoveryInput, input, 'recovery');
}

export function parseRestoreInput(input: unknown): RestoreInput {
  return parseOrFail(RestoreInput, input, 'restore');
}

/** Bad input will not get better on retry: fail the activity for good, naming the fields. */
function parseOrFail<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
  throw ApplicationFailure.create({
    type: FAILURE.INVALID_INPUT,
    message: `invalid ${what} input: ${fields.join('; ')}`,
    nonRetryable: true,
  });
}
