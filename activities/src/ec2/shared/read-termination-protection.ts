import { DescribeInstanceAttributeCommand, type EC2Client } from '@aws-sdk/client-ec2';

/** Termination protection is not in the instance listing: one describe call per instance. */
export async function readTerminationProtection(ec2: EC2Client, instanceId: string): Promise<boolean> {
  const answer = await ec2.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'disableApiTermination' }));
  return answer.DisableApiTermination?.Value ?? false;
}
