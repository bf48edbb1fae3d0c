import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { blockSourceAddress } from './block-source-address';
import { describeSourceBlock } from './describe-source-block';
import type { SourceBlockInput } from './source-block-input';
import { unblockSourceAddress } from './unblock-source-address';

/**
 * The EC2 side of the suspicious-activity playbook. Each takes { incidentId, deployment, sourceAddress } and is
 * safe to run again; unblock removes only what this incident's block added.
 */
export function createSourceBlockActivities(deps: Ec2ActivityDeps) {
  return {
    blockSourceAddress: (input: SourceBlockInput) => blockSourceAddress(deps, input),
    unblockSourceAddress: (input: SourceBlockInput) => unblockSourceAddress(deps, input),
    describeSourceBlock: (input: SourceBlockInput) => describeSourceBlock(deps, input),
  };
}

export type SourceBlockActivities = ReturnType<typeof createSourceBlockActivities>;
