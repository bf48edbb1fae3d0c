import type { Activities } from '@firebreak/activities';
import { FAILURE } from '@firebreak/domain';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { rebuildCleanEnvironment } from '../index';
import { deployment, WorkflowTestBed } from '../testing/workflow-test-bed';

let bed: WorkflowTestBed;
const calls: string[] = [];
beforeEach(async () => {
  calls.length = 0;
  bed = await WorkflowTestBed.start(buildingActivities());
});
afterEach(() => bed?.teardown());

const input = {
  incidentId: 'inc-0a1b2c3d4e5f',
  deployment: deployment({ id: 'acme-single', tenancy: 'single', customerIds: ['acme'] }),
  purpose: 'backup' as const,
};

/** Each step succeeds and says so; the saga's cleanup reports what it removed. */
function buildingActivities(): Partial<Activities> {
  return {
    async createCleanNetwork() {
      calls.push('network');
      return { vpcId: 'vpc-0c1ea2', subnetIds: ['subnet-0c1ea2'], internetGatewayId: 'igw-0c1ea2', routeTableId: 'rtb-0c1ea2' };
    },
    async createCleanFirewall() {
      calls.push('firewall');
      return { securityGroupId: 'sg-0c1ea2', rules: [] };
    },
    async launchCleanInstances() {
      calls.push('instances');
      return { instanceIds: ['i-0c1ea2'] };
    },
    async attachCleanAddresses() {
      calls.push('addresses');
      return {
        addresses: [{ allocationId: 'eipalloc-0c1ea2', publicIp: '198.51.100.20', instanceId: 'i-0c1ea2' }],
        keptProductionAddress: [],
      };
    },
    async removeCleanEnvironment() {
      calls.push('remove');
      const none: string[] = [];
      return {
        removed: {
          addresses: none,
          instances: ['i-0c1ea2'],
          flowLogs: none,
          securityGroups: ['sg-0c1ea2'],
          internetGateways: ['igw-0c1ea2'],
          subnets: ['subnet-0c1ea2'],
          routeTables: ['rtb-0c1ea2'],
          vpcs: ['vpc-0c1ea2'],
        },
      };
    },
  };
}

const run = () =>
  bed.env.client.workflow.execute(rebuildCleanEnvironment, {
    args: [input],
    taskQueue: bed.taskQueue,
    workflowId: `rebuild-${Math.random()}`,
  });

describe('rebuilding a clean environment', () => {
  it('builds network, firewall, instances and addresses in order, and removes nothing', async () => {
    const environment = await run();
    expect(calls).toEqual(['network', 'firewall', 'instances', 'addresses']);
    expect(environment).toMatchObject({ vpcId: 'vpc-0c1ea2', securityGroupId: 'sg-0c1ea2', publicAddresses: ['198.51.100.20'] });
  });

  it('removes what it built when a step fails for good, records both, and fails with the step’s error', async () => {
    bed.use({
      async launchCleanInstances() {
        calls.push('instances');
        throw ApplicationFailure.create({ type: FAILURE.DEPLOYMENT_INCOMPLETE, message: 'no known-good image', nonRetryable: true });
      },
    });
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowFailedError);
    let cause: unknown = (error as WorkflowFailedError).cause;
    while (cause instanceof Error && !(cause instanceof ApplicationFailure)) cause = cause.cause;
    expect((cause as ApplicationFailure).type).toBe(FAILURE.DEPLOYMENT_INCOMPLETE);
    expect(calls).toEqual(['network', 'firewall', 'instances', 'remove']);
    expect(bed.eventsAbout('failed; removing what was built')).toHaveLength(1);
    expect(bed.eventsAbout('Removed the partial clean environment')[0]!.details).toMatchObject({ removed: { vpcs: ['vpc-0c1ea2'] } });
  });
});
