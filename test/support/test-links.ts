/** The secret the test workers sign notice links with, and the console under test verifies them with. */
export const TEST_LINK_SECRET = 'firebreak-test-link-secret-0123456789abcdef';

/** Where test notices point their links; only the path and token matter to the tests. */
export const TEST_CONSOLE_URL = 'http://console.test';

/** The token of the first notice link in a message's text. */
export function linkTokenIn(text: string): string {
  const match = /\/n\/([A-Za-z0-9_.-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no notice link in:\n${text}`);
  return match[1];
}
