import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

import { EC2_MAX_ATTEMPTS } from './create-ec2-client';
import { nameFailedCommands } from './refused-requests';

/** The services besides EC2 that containment changes: Auto Scaling groups, and load balancers' target groups. */
export interface FleetClients {
  autoScaling: AutoScalingClient;
  loadBalancing: ElasticLoadBalancingV2Client;
}

const companions = new WeakMap<EC2Client, FleetClients>();

/**
 * The Auto Scaling and load-balancing clients that go with an EC2 client: same region, same credentials, same endpoint
 * when it is a custom one (the emulator serves all three on one port), and the same one-attempt policy (the caller
 * owns retries). Made on first use and kept for as long as the EC2 client is.
 */
export function fleetClientsOf(ec2: EC2Client): FleetClients {
  let clients = companions.get(ec2);
  if (!clients) {
    const shared = {
      region: ec2.config.region,
      credentials: ec2.config.credentials,
      maxAttempts: EC2_MAX_ATTEMPTS,
      ...(ec2.config.isCustomEndpoint && ec2.config.endpoint ? { endpoint: ec2.config.endpoint } : {}),
    };
    clients = {
      autoScaling: nameFailedCommands(new AutoScalingClient(shared)),
      loadBalancing: nameFailedCommands(new ElasticLoadBalancingV2Client(shared)),
    };
    companions.set(ec2, clients);
  }
  return clients;
}
