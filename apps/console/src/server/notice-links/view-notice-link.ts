import { recordLinkEvent, recordLinkRefusal } from './link-audit';
import { openNoticeLink, type OpenNoticeLinkResult } from './open-notice-link';

/** What the contact's page does with the link in its address: opens it, and audits the opening or the refusal. */
export async function viewNoticeLink(token: string): Promise<OpenNoticeLinkResult> {
  const opened = await openNoticeLink(token);
  if (opened.ok) await recordLinkEvent(opened.link, 'opened');
  else await recordLinkRefusal(token, opened.problem, 'view');
  return opened;
}
