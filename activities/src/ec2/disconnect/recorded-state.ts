import { findPreChangeState } from '@firebreak/db';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';

/** The deployment's pre-change state, which a change that restore must undo needs first; without it, fail for good. */
export async function recordedStateOrThrow(deps: Ec2ActivityDeps, incidentId: string, deploymentId: string): Promise<PreChangeState> {
  const stored = await findPreChangeState(deps.db, incidentId, deploymentId);
  if (!stored) {
    throw ApplicationFailure.create({
      type: FAILURE.PRE_CHANGE_STATE_MISSING,
      message: `no pre-change state is recorded for deployment ${deploymentId} in incident ${incidentId}`,
      nonRetryable: true,
    });
  }
  return PreChangeState.parse(stored.state);
}
