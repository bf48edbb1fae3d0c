import type { EC2Client } from '@aws-sdk/client-ec2';
import type { FirebreakDb } from '@firebreak/db';

export interface Ec2ActivityDeps {
  /** The client for a deployment's region; the composition root decides endpoint and credentials. */
  ec2For: (region: string) => EC2Client;
  db: FirebreakDb;
}
