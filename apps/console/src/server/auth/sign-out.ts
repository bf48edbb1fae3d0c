import { endSession, findActiveSession } from '@firebreak/accounts';

import { recordAudit } from '../audit/record-audit';
import { getDatabase } from '../database';

/** Ends the session server-side, so the cookie is worthless even if a copy survives somewhere. */
export async function signOut(sessionId: string | undefined, sourceAddress: string): Promise<void> {
  if (sessionId === undefined) return;
  const db = await getDatabase();
  const session = await findActiveSession(db, sessionId);
  if (!(await endSession(db, sessionId)) || !session) return;
  await recordAudit({
    severity: 'info',
    eventType: 'sign-out',
    actor: { kind: 'user', id: session.user.id, name: session.user.displayName },
    sourceAddress,
    details: { username: session.user.username },
  });
}
