import { findPreChangeState } from '@firebreak/db';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

import { parseDisconnectInput } from '../disconnect/disconnect-input';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { PreChangeState } from '../shared/pre-change-state';

/**
 * What every restore step starts from: the deployment, its client, and the pre-change state recorded by the
 * disconnect. Without a record there is nothing to restore to: fail for good.
 */
export async function restoreContext(deps: Ec2ActivityDeps, rawInput: unknown) {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const stored = await findPreChangeState(deps.db, incidentId, deployment.id);
  if (!stored) {
    throw ApplicationFailure.create({
      type: FAILURE.PRE_CHANGE_STATE_MISSING,
      message: `nothing to restore: no pre-change state is recorded for deployment ${deployment.id} in incident ${incidentId}`,
      nonRetryable: true,
    });
  }
  return { incidentId, deployment, ec2: deps.ec2For(deployment.region), state: PreChangeState.parse(stored.state) };
}
