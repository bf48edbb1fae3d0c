import { NoticeContent } from '@firebreak/domain';

import { layoutNotice, type RenderedNotice } from './templates/notice-layout';
import { NOTICE_TEMPLATES } from './templates/notice-templates';

export type { RenderedNotice };

/** Renders a notice for one recipient; the content is validated first, so a malformed one is never sent. */
export function renderNotice(content: NoticeContent, recipientName: string, link?: string): RenderedNotice {
  const parsed = NoticeContent.parse(content);
  const template = NOTICE_TEMPLATES[parsed.kind] as (c: NoticeContent) => ReturnType<(typeof NOTICE_TEMPLATES)['reminder']>;
  return layoutNotice(template(parsed), recipientName, link);
}
