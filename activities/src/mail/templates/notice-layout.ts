import { HeaderSafeText } from '@firebreak/domain';

import { escapeHtml } from '../escape-html';

export interface NoticeDraft {
  subject: string;
  paragraphs: string[];
  facts?: [label: string, value: string][];
  list?: { heading: string; items: string[] };
  closing?: string[];
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

const LINK_LABEL = 'Acknowledge or respond:';
const SIGN_OFF = 'Please reply to this message with any question, quoting the incident number.';

/**
 * One layout for every notice: a plain-text part and an HTML part that say the same, every value escaped.
 * `link` is the recipient's signed page, where the notice is acknowledged or acted on.
 */
export function layoutNotice(draft: NoticeDraft, recipientName: string, link?: string): RenderedNotice {
  const subject = HeaderSafeText.parse(draft.subject);
  const facts = draft.facts ?? [];
  const closing = [...(draft.closing ?? []), SIGN_OFF];
  const linkLine = link ? `${LINK_LABEL} ${link}` : undefined;
  const text = [
    `Dear ${recipientName},`,
    '',
    ...draft.paragraphs.flatMap((p) => [p, '']),
    ...(facts.length ? [...facts.map(([label, value]) => `${label}: ${value}`), ''] : []),
    ...(draft.list ? [draft.list.heading, ...draft.list.items.map((i) => `  - ${i}`), ''] : []),
    ...(linkLine ? [linkLine, ''] : []),
    ...closing.flatMap((p) => [p, '']),
  ]
    .join('\n')
    .trimEnd();
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
    `<p>Dear ${escapeHtml(recipientName)},</p>`,
    ...draft.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    facts.length
      ? `<table cellpadding="4" style="border-collapse:collapse">${facts
          .map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`)
          .join('')}</table>`
      : '',
    draft.list
      ? `<p>${escapeHtml(draft.list.heading)}</p><ul>${draft.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`
      : '',
    link ? `<p>${escapeHtml(LINK_LABEL)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : '',
    ...closing.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
