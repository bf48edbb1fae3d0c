import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

/**
 * Failures of the recovery activities that no retry can fix; the workflow (or an engineer) has to act.
 * Each is an ApplicationFailure of that type, marked non-retryable.
 */
export const RECOVERY_FAILURES = {
  /** The deployment lacks what a rebuild needs (known-good image, application host). */
  deploymentIncomplete: FAILURE.DEPLOYMENT_INCOMPLETE,
  /** The firewall the deployment asks for breaks a rule (port 22, out of range, open SSH). */
  invalidFirewall: FAILURE.INVALID_FIREWALL,
  /** A step ran before the one that creates what it needs (e.g. instances before the network). */
  cleanEnvironmentMissing: FAILURE.CLEAN_ENVIRONMENT_MISSING,
  /** No pre-change state was recorded for the incident and deployment: nothing says what to restore. */
  preChangeStateMissing: FAILURE.PRE_CHANGE_STATE_MISSING,
  /** There is no instance to rebuild. */
  nothingToRebuild: FAILURE.NOTHING_TO_REBUILD,
  /** RunInstances answered with instances a previous attempt launched and that are gone: use a new attempt. */
  clientTokenSpent: FAILURE.CLIENT_TOKEN_SPENT,
  /** Restoring would give public access to a compromised instance. */
  wouldReconnectCompromised: FAILURE.WOULD_RECONNECT_COMPROMISED,
  /** A production address is held by something that is neither its target nor free. */
  addressInUse: FAILURE.ADDRESS_IN_USE,
} as const;
export type RecoveryFailure = (typeof RECOVERY_FAILURES)[keyof typeof RECOVERY_FAILURES];

export function recoveryFailure(type: RecoveryFailure, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}
