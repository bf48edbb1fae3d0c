import { pingDatabase } from '@firebreak/db';
import { z } from 'zod';

import { getDatabase } from '../database';
import { getTemporalClient } from '../temporal-client';

export const ComponentHealth = z.object({ ok: z.boolean(), message: z.string() });
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: ComponentHealth,
  temporal: ComponentHealth,
  checkedAt: z.iso.datetime(),
});
export type Health = z.infer<typeof Health>;

const TEMPORAL_CHECK_TIMEOUT_MS = 3000;

/** Whether the console can reach what it depends on. Messages stay generic: this answer needs no token. */
export async function checkHealth(): Promise<Health> {
  const [database, temporal] = await Promise.all([checkDatabase(), checkTemporal()]);
  return {
    status: database.ok && temporal.ok ? 'ok' : 'degraded',
    database,
    temporal,
    checkedAt: new Date().toISOString(),
  };
}

async function checkDatabase(): Promise<z.infer<typeof ComponentHealth>> {
  try {
    await pingDatabase(await getDatabase());
    return { ok: true, message: 'reachable' };
  } catch (error) {
    console.error('[health] database check failed:', error);
    return { ok: false, message: 'not reachable' };
  }
}

async function checkTemporal(): Promise<z.infer<typeof ComponentHealth>> {
  try {
    const client = await getTemporalClient();
    const deadline = Date.now() + TEMPORAL_CHECK_TIMEOUT_MS;
    await client.connection.withDeadline(deadline, () => client.connection.workflowService.getSystemInfo({}));
    return { ok: true, message: 'reachable' };
  } catch (error) {
    console.error('[health] temporal check failed:', error);
    return { ok: false, message: 'not reachable' };
  }
}
