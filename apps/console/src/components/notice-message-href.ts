/** The console page showing one notice as its contact received it. */
export function noticeMessageHref(key: { incidentId: string; kind: string; contactId: string; revision: number }): string {
  const query = new URLSearchParams({ kind: key.kind, contact: key.contactId, revision: String(key.revision) });
  return `/incidents/${key.incidentId}/message?${query.toString()}`;
}
