import type { EC2Client } from '@aws-sdk/client-ec2';

import { createEc2Client, type Ec2ClientOptions } from './create-ec2-client';

/** The clients of one process, one per region, made on first use and shared by every caller of the factory. */
export function createEc2ClientFactory(options: Ec2ClientOptions = {}): (region: string) => EC2Client {
  const clients = new Map<string, EC2Client>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = createEc2Client(region, options);
      clients.set(region, client);
    }
    return client;
  };
}
