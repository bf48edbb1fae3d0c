import type { Page } from 'playwright-core';

export interface Credentials {
  username: string;
  password: string;
}

/** Signs in through the sign-in page and waits for the incident list. */
export async function signIn(page: Page, { username, password }: Credentials): Promise<void> {
  if (new URL(page.url()).pathname !== '/sign-in') await page.goto('/sign-in');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}
