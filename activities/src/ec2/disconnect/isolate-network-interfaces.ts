import {
  type EC2Client,
  type Instance,
  ModifyInstanceAttributeCommand,
  ModifyNetworkInterfaceAttributeCommand,
  type NetworkInterface,
} from '@aws-sdk/client-ec2';
import { rateLimiterOf } from '@firebreak/aws';

import { EC2_CALLS_IN_FLIGHT, inParallel } from '../rate-limit/in-parallel';
import { describeDeploymentInstances, groupIds, instanceGroupIds } from '../shared/describe-deployment-instances';
import type { Ec2ActivityDeps } from '../shared/ec2-activity-deps';
import { parseDisconnectInput } from './disconnect-input';
import { ensureAllowAllGroup, ensureIsolationGroup } from './ensure-containment-groups';

export interface IsolateNetworkInterfacesSummary {
  allowAllGroupId: string;
  isolationGroupId: string;
  /** Interfaces swapped onto the isolation group by this call. */
  isolated: string[];
  alreadyIsolated: string[];
}

/**
 * Moves every interface of the deployment onto the empty isolation group, through the allow-all group first:
 * flows tracked under the original rules would otherwise survive the change; under allow-all they become
 * untracked, and the isolation group then stops them.
 */
export async function isolateNetworkInterfaces(deps: Ec2ActivityDeps, rawInput: unknown): Promise<IsolateNetworkInterfacesSummary> {
  const { incidentId, deployment } = parseDisconnectInput(rawInput);
  const ec2 = deps.ec2For(deployment.region);
  // Independent reads and creates, side by side.
  const [allowAllGroupId, isolationGroupId, { instances, interfaces }] = await Promise.all([
    ensureAllowAllGroup(ec2, incidentId, deployment.id, deployment.vpcId),
    ensureIsolationGroup(ec2, incidentId, deployment.id, deployment.vpcId),
    describeDeploymentInstances(ec2, deployment),
  ]);

  const summary: IsolateNetworkInterfacesSummary = { allowAllGroupId, isolationGroupId, isolated: [], alreadyIsolated: [] };
  const byInstance = new Map<string, NetworkInterface[]>();
  for (const eni of interfaces) {
    const instanceId = eni.Attachment?.InstanceId ?? '';
    byInstance.set(instanceId, [...(byInstance.get(instanceId) ?? []), eni]);
  }
  // Instances in parallel (the rate limiter sets the pace); one instance's interfaces in order, each through
  // allow-all before isolation.
  await inParallel(instances, EC2_CALLS_IN_FLIGHT, async (instance) => {
    const own = byInstance.get(instance.InstanceId!) ?? [];
    for (const eni of own) {
      const instanceAgrees = own.length > 1 || isOnly(instanceGroupIds(instance), isolationGroupId);
      if (isOnlyGroup(eni.Groups, isolationGroupId) && instanceAgrees) {
        summary.alreadyIsolated.push(eni.NetworkInterfaceId!);
        continue;
      }
      await passThroughAllowAll(ec2, instance, own, eni, allowAllGroupId);
      await isolate(ec2, instance, own, eni, isolationGroupId);
      summary.isolated.push(eni.NetworkInterfaceId!);
    }
  });
  summary.isolated.sort();
  summary.alreadyIsolated.sort();
  return summary;
}

/**
 * The allow-all hop. For an instance with a single interface, setting the instance's groups is the same change as
 * setting its interface's (both are the primary interface's groups), and the two calls spend different buckets
 * (mutating; interface attribute): the hop takes whichever is less busy right now, so a large deployment spends
 * both budgets side by side instead of queueing on one.
 */
async function passThroughAllowAll(
  ec2: EC2Client,
  instance: Instance,
  instanceInterfaces: NetworkInterface[],
  eni: NetworkInterface,
  allowAllGroupId: string,
): Promise<void> {
  const limiter = rateLimiterOf(ec2);
  const viaInstance =
    instanceInterfaces.length === 1 &&
    limiter !== undefined &&
    limiter.expectedWaitMs('ModifyInstanceAttribute') < limiter.expectedWaitMs('ModifyNetworkInterfaceAttribute');
  if (viaInstance) {
    await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId!, Groups: [allowAllGroupId] }));
  } else {
    await ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, Groups: [allowAllGroupId] }));
  }
}

/**
 * The isolation group on the interface, and on the instance too when it has a single interface: the emulator reports
 * an interface's groups as the union of both, so both must end on the isolation group (AWS refuses the instance call
 * for an instance with several interfaces, hence the condition). The two calls spend different buckets: side by side.
 */
async function isolate(
  ec2: EC2Client,
  instance: Instance,
  instanceInterfaces: NetworkInterface[],
  eni: NetworkInterface,
  isolationGroupId: string,
): Promise<void> {
  await Promise.all([
    ec2.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: eni.NetworkInterfaceId!, Groups: [isolationGroupId] })),
    instanceInterfaces.length === 1
      ? ec2.send(new ModifyInstanceAttributeCommand({ InstanceId: instance.InstanceId!, Groups: [isolationGroupId] }))
      : undefined,
  ]);
}

function isOnlyGroup(groups: { GroupId?: string }[] | undefined, groupId: string): boolean {
  return isOnly(groupIds(groups), groupId);
}

function isOnly(ids: string[], groupId: string): boolean {
  return ids.length === 1 && ids[0] === groupId;
}
