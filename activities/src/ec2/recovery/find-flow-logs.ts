import { type EC2Client, type FlowLog, paginateDescribeFlowLogs } from '@aws-sdk/client-ec2';

import { chunk, FILTER_VALUES_MAX } from '../shared/aws-errors';

/** Flow logs of these resources (VPCs here), whoever created them, sorted by id. */
export async function findFlowLogs(ec2: EC2Client, resourceIds: readonly string[]): Promise<FlowLog[]> {
  const flowLogs: FlowLog[] = [];
  for (const ids of chunk(resourceIds, FILTER_VALUES_MAX)) {
    for await (const page of paginateDescribeFlowLogs({ client: ec2 }, { Filter: [{ Name: 'resource-id', Values: ids }] })) {
      flowLogs.push(...(page.FlowLogs ?? []).filter((f) => f.FlowLogId));
    }
  }
  return flowLogs.sort((a, b) => a.FlowLogId!.localeCompare(b.FlowLogId!));
}
