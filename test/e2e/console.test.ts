import { createUser } from '@firebreak/db';
import { TASK_QUEUE } from '@firebreak/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';
import { launchChromium, screenshot, seriousAxeViolations } from './support/browser';
import { type ConsoleUnderTest, startConsoleUnderTest } from './support/console-under-test';

const USERNAME = 'e2e-admin';
const PASSWORD = 'amber kettle sings under nine lanterns';

describe('the console in Chromium', () => {
  let ctx: TestContext;
  let stopWorker: () => Promise<void>;
  let app: ConsoleUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The console starts workflows on the real task queue, so this test's worker polls that one.
    ctx = await createTestContext('e2e', { taskQueue: TASK_QUEUE });
    const { worker, running } = await ctx.startWorker();
    stopWorker = async () => {
      worker.shutdown();
      await running;
    };
    await createUser(ctx.db, { username: USERNAME, displayName: 'Erin Example', role: 'administrator', password: PASSWORD });
    app = await startConsoleUnderTest(ctx);
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(`${page.url()}: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await stopWorker?.();
    await ctx?.close();
  });

  async function expectAccessible(name: string) {
    expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  }

  it('signs in, declares from the form, takes the backup decision, and exports the record', async () => {
    await page.goto('/');
    if (new URL(page.url()).pathname === '/sign-in') {
      await screenshot(page, 'sign-in');
      await expectAccessible('sign-in');
      await page.getByLabel('User name').fill(USERNAME);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
    }

    // Declare from the form.
    await page.goto('/incidents/new');
    const deployment = ctx.fleet.deployments[0]!;
    await page.locator(`input[name="deploymentIds"][value="${deployment.id}"]`).check();
    await page.getByLabel('Playbook').selectOption('infrastructure-compromise');
    await page.getByLabel('What happened').fill('Unexpected outbound traffic from the transfer hosts');
    await screenshot(page, 'declare');
    await expectAccessible('declare');
    await page.getByRole('button', { name: 'Declare incident and start the playbook' }).click();
    await page.waitForURL(/\/incidents\/inc-[a-z0-9-]+$/, { timeout: 30_000 });
    const incidentId = new URL(page.url()).pathname.split('/').pop()!;

    // Contained, then the playbook asks whether a backup is safe: the card appears without a reload.
    await expect.poll(() => page.locator('.incident-badges').innerText(), { timeout: 120_000 }).toContain('Contained');
    const card = page.locator('form.decision-card', { hasText: 'backup instance' });
    await card.waitFor({ timeout: 60_000 });
    await screenshot(page, 'incident');
    await expectAccessible('incident');

    // Decide from the card; the timeline shows the decision in place, the page never reloads.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    await card.getByLabel('No').check();
    await card.getByLabel('Reason').fill('Forensics still running on the image; no backup until it is cleared');
    await card.getByRole('button', { name: 'Decide' }).click();
    await page.locator('ol.timeline').getByText(/decided backup-safe: no/).waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The managers' timeline: the decision with who, role and reason; the kind filter from the query string.
    await page.goto(`/incidents/${incidentId}/timeline`);
    const decision = page.locator('.event-decision', { hasText: 'decided backup-safe' });
    await expect.poll(() => decision.innerText()).toContain('Forensics still running');
    expect(await decision.innerText()).toContain('Erin Example as administrator');
    expect(await page.locator('.manager-timeline time').first().getAttribute('title')).toMatch(/^Your local time: /);
    await screenshot(page, 'timeline');
    await expectAccessible('timeline');
    await page.goto(`/incidents/${incidentId}/timeline?kind=decision`);
    const kinds = await page.locator('.manager-timeline .event').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['decision']));

    // Export, with the signed-in session.
    const json = await context.request.get(`/api/v1/incidents/${incidentId}/export.json`);
    expect(json.status()).toBe(200);
    const document = (await json.json()) as { format: string; incident: { id: string }; timeline: { kind: string; details: { reason?: string } }[] };
    expect(document.format).toBe('firebreak-incident-export');
    expect(document.incident.id).toBe(incidentId);
    expect(document.timeline.some((e) => e.kind === 'decision' && e.details.reason?.startsWith('Forensics'))).toBe(true);
    const csv = await context.request.get(`/api/v1/incidents/${incidentId}/export.csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('at,kind,actor_kind,actor_id,actor_name,role,choice,reason,summary,details');

    // The printable report: navigation and buttons are gone on paper.
    await page.goto(`/incidents/${incidentId}/report`);
    await page.getByRole('heading', { name: /Incident report/ }).waitFor();
    await screenshot(page, 'report');
    await expectAccessible('report');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-actions').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The list, with its SLA badge and filters in the query string.
    await page.goto('/');
    const row = page.locator('tr', { hasText: incidentId });
    expect(await row.innerText()).toMatch(/On track|Deadline near|SLA breached/);
    await screenshot(page, 'incidents');
    await expectAccessible('incidents');
    await page.goto('/?playbook=suspicious-activity');
    expect(await page.locator('tr', { hasText: incidentId }).count()).toBe(0);
    await page.goto('/?playbook=infrastructure-compromise');
    expect(await page.locator('tr', { hasText: incidentId }).count()).toBe(1);

    // Reports: charts with the numbers beside them.
    await page.goto('/reports');
    await page.locator('#metric-contain ~ .charts table').first().waitFor();
    expect(await page.locator('#metric-contain ~ .charts table').first().innerText()).toContain('Infrastructure compromised');
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'reports');
    await expectAccessible('reports');

    // Every page worked under the console's content security policy, without an uncaught error.
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
