import type { NoticeKey } from '@firebreak/db';

/**
 * A Message-ID derived from the notice's idempotency key. Should a message ever leave twice (a crash in the instant
 * between the server's acceptance and the outbox update), mail clients see one message, not two.
 */
export function noticeMessageId(key: NoticeKey): string {
  return `<${key.incidentId}.${key.kind}.${key.contactId}.r${key.revision}@firebreak.invalid>`;
}
