import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { attachCleanAddresses } from './attach-clean-addresses';
import { checkCleanEnvironment } from './check-clean-environment';
import { createCleanFirewall } from './create-clean-firewall';
import { createCleanNetwork } from './create-clean-network';
import { enableHeightenedMonitoring } from './enable-heightened-monitoring';
import { launchCleanInstances } from './launch-clean-instances';
import type { RecoveryInput, RestoreInput } from './recovery-input';
import { reestablishProduction } from './reestablish-production';
import { removeCleanEnvironment } from './remove-clean-environment';

/**
 * The EC2 side of "rebuild", "monitor" and the application playbook's cutover. The rebuild steps run in this
 * order (createCleanNetwork, createCleanFirewall, launchCleanInstances, attachCleanAddresses);
 * removeCleanEnvironment undoes any prefix of them. Each is safe to run again; failures no retry can fix are
 * non-retryable ApplicationFailures (types in RECOVERY_FAILURES, plus INVALID_INPUT).
 */
export function createRecoveryActivities(deps: Ec2ActivityDeps) {
  return {
    createCleanNetwork: (input: RecoveryInput) => createCleanNetwork(deps, input),
    createCleanFirewall: (input: RecoveryInput) => createCleanFirewall(deps, input),
    launchCleanInstances: (input: RecoveryInput) => launchCleanInstances(deps, input),
    attachCleanAddresses: (input: RecoveryInput) => attachCleanAddresses(deps, input),
    removeCleanEnvironment: (input: RecoveryInput) => removeCleanEnvironment(deps, input),
    enableHeightenedMonitoring: (input: RecoveryInput) => enableHeightenedMonitoring(deps, input),
    checkCleanEnvironment: (input: RecoveryInput) => checkCleanEnvironment(deps, input),
    reestablishProduction: (input: RestoreInput) => reestablishProduction(deps, input),
  };
}

export type RecoveryActivities = ReturnType<typeof createRecoveryActivities>;
