import { Deployment, IncidentId } from '@firebreak/domain';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';

export const DisconnectInput = z.object({ incidentId: IncidentId, deployment: Deployment });
export type DisconnectInput = z.infer<typeof DisconnectInput>;

/** Bad input will not get better on retry: fail the activity for good, naming the fields. */
export function parseDisconnectInput(input: unknown): DisconnectInput {
  const parsed = DisconnectInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
  throw ApplicationFailure.create({
    type: FAILURE.INVALID_INPUT,
    message: `invalid disconnect input: ${fields.join('; ')}`,
    nonRetryable: true,
  });
}
