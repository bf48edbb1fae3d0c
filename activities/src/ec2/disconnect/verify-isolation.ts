import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure } from '@temporalio/activity';

import { describeDeploymentInstances } from '../shared/describe-deployment-instances';
import { describeAssociatedElasticIps } from '../shared/describe-elastic-ips';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { describeSubnetAcls } from './describe-subnet-acls';
import { parseDisconnectInput } from './disconnect-input';
import { findNetworkAcls, findSecurityGroups } from './find-by-tag';
import { buildIsolationReport, describeProblems, type IsolationReport } from './isolation-report';

export const PUBLIC_PATH_REMAINS = FAILURE.PUBLIC_PATH_REMAINS;

/**
 * Re-reads EC2 and fails for good if any public path remains: an Elastic IP or public address still attached, an
 * interface in any group but the isolation group, or a subnet not on the deny ACL. Retrying would not fix it; an
 * engineer must look. Returns the evidence when the deployment is cut off.
 */
export async function verifyIsolation(deps: Ec2ActivityDeps, rawInput: unknown): Promise<IsolationReport['evidence']> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  const key = { incidentId, deploymentId: deployment.id };
  const [isolationGroup] = await findSecurityGroups(ec2, { ...key, role: 'isolation' }, deployment.vpcId);
  const [denyAcl] = await findNetworkAcls(ec2, { ...key, role: 'deny-all' }, deployment.vpcId);
  const { instances, interfaces, subnetIds } = await describeDeploymentInstances(ec2, deployment);
  const addresses = await describeAssociatedElasticIps(
    ec2,
    instances.map((i) => i.InstanceId!),
    interfaces.map((i) => i.NetworkInterfaceId!),
  );
  const subnetAcls = await describeSubnetAcls(ec2, subnetIds);

  const report = buildIsolationReport({ isolationGroup, denyAcl, instances, interfaces, addresses, subnetIds, subnetAcls });
  if (!report.clean) {
    throw ApplicationFailure.create({
      type: PUBLIC_PATH_REMAINS,
      message: describeProblems(deployment.id, report.problems),
      nonRetryable: true,
      details: [report],
    });
  }
  return report.evidence;
}
