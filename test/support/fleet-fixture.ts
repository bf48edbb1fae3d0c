import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { EC2Client } from '@aws-sdk/client-ec2';
import { createEc2Client } from '@firebreak/aws';
import { type FirebreakDb, migrateToLatest, openDatabase } from '@firebreak/db';
import { type DemoFleet, seedDemoFleet } from '@firebreak/stack';
import { inject } from 'vitest';

export const REGION = 'us-east-1';

export interface FleetFixture {
  db: FirebreakDb;
  databasePath: string;
  ec2: EC2Client;
  fleet: DemoFleet;
}

/**
 * What every EC2 test starts from: an emptied emulator seeded with the demo fleet, and a fresh migrated database
 * holding its directory.
 */
export async function createFleetFixture(name: string, motoEndpoint = inject('motoEndpoint')): Promise<FleetFixture> {
  const reset = await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
  if (!reset.ok) throw new Error(`resetting the EC2 emulator failed: HTTP ${reset.status}`);
  const databasePath = join(inject('scratchDir'), `${name}-${randomBytes(4).toString('hex')}.db`);
  const db = openDatabase(databasePath);
  await migrateToLatest(db);
  const ec2 = createEc2Client(REGION, { endpoint: motoEndpoint });
  const fleet = await seedDemoFleet({ ec2, db, region: REGION });
  return { db, databasePath, ec2, fleet };
}
