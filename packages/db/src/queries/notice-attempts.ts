import type { FirebreakDb } from '../open-database';
import { keyed, type NoticeKey } from './notices';

/**
 * Records why the last delivery attempt of a pending notice failed (null: an attempt is under way). A retry that
 * finds no recorded reason on a notice attempted before knows the previous attempt ended without an answer.
 */
export async function setNoticeAttemptError(db: FirebreakDb, key: NoticeKey, error: string | null): Promise<void> {
  await keyed(db.updateTable('notices').set({ error }), key).where('status', '=', 'pending').execute();
}
