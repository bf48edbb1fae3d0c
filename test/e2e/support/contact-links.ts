import type { Browser, Page } from 'playwright-core';

import type { ReceivedMessage, SmtpSink } from '../../support/smtp-sink';
import { linkTokenIn } from '../../support/test-links';
import { waitUntil } from '../../support/wait-until';

/** Waits for a notice of one incident and kind to reach a contact's mailbox. */
export async function waitForNotice(
  smtp: SmtpSink,
  { incidentId, kind, to }: { incidentId: string; kind: string; to: string },
  timeoutMs = 60_000,
): Promise<ReceivedMessage> {
  return waitUntil(
    `a ${kind} notice of ${incidentId} reaches ${to}`,
    async () => smtp.ofKind(kind).find((m) => m.to === to && m.headers.get('x-firebreak-incident') === incidentId),
    { timeoutMs },
  );
}

/**
 * Opens the link in a notice the way its contact does: in a browser context of its own, with no staff session,
 * against the console under test (the message names the public console; only the token matters).
 */
export async function openNoticeLink(browser: Browser, consoleUrl: string, message: ReceivedMessage): Promise<Page> {
  const context = await browser.newContext({ baseURL: consoleUrl });
  const page = await context.newPage();
  await page.goto(`/n/${linkTokenIn(message.text)}`);
  return page;
}
