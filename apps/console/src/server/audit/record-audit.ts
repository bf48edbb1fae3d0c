import { appendAuditEntry, type AuditEvent } from '@firebreak/db';

import { getDatabase } from '../database';

/**
 * Appends to the audit log. A failure to record is reported on the server log and does not undo the action it
 * describes (which has already happened); the missing entry shows as a gap in what operators expect to see.
 */
export async function recordAudit(event: Omit<AuditEvent, 'component'> & { component?: string }): Promise<void> {
  try {
    await appendAuditEntry(await getDatabase(), { component: 'console', ...event });
  } catch (error) {
    console.error(`[audit] could not record ${event.eventType}:`, error instanceof Error ? error.message : error);
  }
}
