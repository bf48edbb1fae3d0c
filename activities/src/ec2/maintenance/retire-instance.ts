import {
  CreateTagsCommand,
  DeleteTagsCommand,
  type EC2Client,
  ModifyInstanceAttributeCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { TAG } from '@firebreak/domain';

import { isAwsError } from '../shared/aws-errors';
import { REPLACED_BY_TAG } from './replacement-tags';

/**
 * Takes a replaced instance out of the deployment and terminates it. The deployment tag goes first, so describe
 * by tag lists only current instances even if the termination never happens; the successor's `firebreak:replaces`
 * tag still leads a retry here. Termination protection is switched off as desired state (one call either way).
 */
export async function retireInstance(ec2: EC2Client, instanceId: string, successorId: string): Promise<void> {
  try {
    await ec2.send(new CreateTagsCommand({ Resources: [instanceId], Tags: [{ Key: REPLACED_BY_TAG, Value: successorId }] }));
    await ec2.send(new DeleteTagsCommand({ Resources: [instanceId], Tags: [{ Key: TAG.deployment }] }));
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instanceId, DisableApiTermination: { Value: false } }));
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  } catch (error) {
    // Already gone: the desired state holds.
    if (!isAwsError(error, 'InvalidInstanceID.NotFound')) throw error;
  }
}
