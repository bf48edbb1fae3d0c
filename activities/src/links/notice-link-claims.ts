import { createHash } from 'node:crypto';

import { NoticeKind } from '@firebreak/domain';
import { z } from 'zod';

/** What a contact's link may be used for: the notice's page and the actions that notice allows. */
export const LINK_PURPOSE = 'notice-page';
export const LINK_ISSUER = 'firebreak';
export const LINK_AUDIENCE = 'firebreak-contact';

/** The notice a link opens, and for whom. */
export const NoticeLinkSubject = z.object({
  incidentId: z.string().min(1).max(100),
  contactId: z.string().min(1).max(64),
  kind: NoticeKind,
  revision: z.number().int().min(1),
});
export type NoticeLinkSubject = z.infer<typeof NoticeLinkSubject>;

export interface NoticeLinkClaims extends NoticeLinkSubject {
  linkId: string;
  expiresAt: string;
}

/** The id of a notice's link: the same notice always gets the same id, so revoking it covers every copy sent. */
export function noticeLinkId(subject: NoticeLinkSubject): string {
  const { incidentId, contactId, kind, revision } = subject;
  return createHash('sha256')
    .update(JSON.stringify([incidentId, contactId, kind, revision]))
    .digest('base64url')
    .slice(0, 32);
}
