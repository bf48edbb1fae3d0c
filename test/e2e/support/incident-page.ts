import type { Page } from 'playwright-core';

import { waitUntil } from '../../support/wait-until';

/** Waits until the incident page (which refreshes itself while the incident is open) shows this status. */
export async function waitForStatusOnPage(page: Page, statusLabel: string, timeoutMs = 180_000): Promise<void> {
  const badges = page.locator('.incident-badges');
  await waitUntil(
    `the incident page shows "${statusLabel}"`,
    async () => {
      const shown = await badges.innerText();
      if (shown.includes('Failed') && !statusLabel.startsWith('Failed')) {
        throw new Error(`the incident failed:\n${await page.locator('ol.steps').innerText()}`);
      }
      return shown.includes(statusLabel);
    },
    { timeoutMs, intervalMs: 500 },
  );
}

/** Each step the incident page lists, by its label, with the status it shows. */
export async function stepsOnPage(page: Page): Promise<Record<string, string>> {
  const steps: Record<string, string> = {};
  for (const row of await page.locator('ol.steps li').all()) {
    steps[(await row.locator('.step-name').innerText()).trim()] = statusOf(await row.locator('.badge').innerText());
  }
  return steps;
}

/**
 * Each SLA clock the page shows, by its label, with its status: the live clocks while the incident is open, the
 * deadlines as they ended once it is closed.
 */
export async function clocksOnPage(page: Page, section: 'clocks' | 'deadlines' = 'clocks'): Promise<Record<string, string>> {
  const clocks: Record<string, string> = {};
  for (const row of await page.locator(`section[aria-labelledby="${section}-heading"] tbody tr`).all()) {
    clocks[(await row.locator('td').nth(0).innerText()).trim()] = statusOf(await row.locator('td').nth(1).innerText());
  }
  return clocks;
}

// A badge starts with a symbol for those who do not read colour; the words after it are the status.
const statusOf = (badge: string) => badge.trim().replace(/^\S+\s+/, '');

/** The decisions on the managers' timeline of an incident, each as the page shows it (who, role, choice, reason). */
export async function decisionsOnTimeline(page: Page, incidentId: string): Promise<string[]> {
  await page.goto(`/incidents/${incidentId}/timeline?kind=decision`);
  return page.locator('.manager-timeline .event-decision').allInnerTexts();
}
