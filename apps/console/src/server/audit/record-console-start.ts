import { appendAuditEntrySync } from '@firebreak/db';
import { SYSTEM_ACTOR } from '@firebreak/domain';

import { getEnv } from '../../env';
import { recordAudit } from './record-audit';

/**
 * Called once per server process, when Next.js starts it: records the start, and the stop when a signal ends the
 * process. The stop is written synchronously: Next.js exits soon after the signal, before promises would settle.
 */
export async function recordConsoleStart(): Promise<void> {
  const details = { pid: process.pid };
  await recordAudit({ severity: 'notice', eventType: 'console.started', actor: SYSTEM_ACTOR, details });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      try {
        appendAuditEntrySync(getEnv().databasePath, {
          severity: 'notice',
          component: 'console',
          eventType: 'console.stopped',
          actor: SYSTEM_ACTOR,
          details: { ...details, signal },
        });
      } catch (error) {
        console.error('[audit] could not record the console stopping:', error instanceof Error ? error.message : error);
      }
    });
  }
}
