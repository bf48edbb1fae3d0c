import { EC2Client } from '@aws-sdk/client-ec2';

/**
 * One EC2 client per region, shared by every activity of the worker. An endpoint means the local emulator,
 * which accepts any credentials; without one the SDK's default credential chain (an IAM role) applies.
 */
export function createEc2ClientFactory(options: { endpoint?: string }): (region: string) => EC2Client {
  const clients = new Map<string, EC2Client>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = new EC2Client({
        region,
        maxAttempts: 1, // Temporal's activity retries are the one retry loop, so backoff is visible in history.
        ...(options.endpoint
          ? { endpoint: options.endpoint, credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } }
          : {}),
      });
      clients.set(region, client);
    }
    return client;
  };
}
