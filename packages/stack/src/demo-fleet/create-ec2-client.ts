import { EC2Client } from '@aws-sdk/client-ec2';

export interface Ec2ClientOptions {
  region: string;
  /** Set only for a local emulator (moto); unset means AWS itself with the default credential chain. */
  endpoint?: string;
}

// The emulator accepts any signature; these are not credentials, only a shape the SDK insists on.
const EMULATOR_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export function createEc2Client({ region, endpoint }: Ec2ClientOptions): EC2Client {
  if (endpoint === undefined || endpoint === '') return new EC2Client({ region });
  return new EC2Client({ region, endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 3 });
}
