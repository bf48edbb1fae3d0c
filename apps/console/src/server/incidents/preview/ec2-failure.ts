import { randomUUID } from 'node:crypto';

/**
 * Why a deployment's preview could not be read, in words safe to show: EC2's own error code for a service error
 * (UnauthorizedOperation on a describe call means the console's credentials may not read the fleet); anything
 * else is logged here with a reference, since its message may name hosts.
 */
export function describeEc2Failure(error: unknown, deploymentId: string): string {
  if (error instanceof Error && '$metadata' in error && '$fault' in error) {
    return `EC2 could not be read (${error.name}): ${error.message.slice(0, 300)}`;
  }
  const reference = randomUUID();
  console.error(`[preview] reading ${deploymentId} from EC2 failed, reference ${reference}:`, error);
  return `EC2 did not answer (reference ${reference}).`;
}
