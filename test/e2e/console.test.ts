import { createUser } from '@firebreak/accounts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readDeploymentEvidence } from '../support/ec2-evidence';
import type { TestContext } from '../support/test-context';
import { screenshot, seriousAxeViolations } from './support/browser';
import { type ConsoleStack, startConsoleStack } from './support/console-stack';
import { decideOnCard, decisionCard } from './support/decide-on-card';
import { fillDeclareForm, submitDeclareForm } from './support/declare-from-form';
import { signIn } from './support/sign-in';

const USER = { username: 'e2e-admin', password: 'amber kettle sings under nine lanterns' };

describe('the console in Chromium', () => {
  let stack: ConsoleStack;
  let ctx: TestContext;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    stack = await startConsoleStack('e2e');
    ctx = stack.ctx;
    await createUser(ctx.db, { ...USER, displayName: 'Erin Example', role: 'administrator' });
    context = await stack.browser.newContext({ baseURL: stack.app.url, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        cspViolations.push(`${page.url()}: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function expectAccessible(name: string) {
    expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  }

  it('signs in, declares from the form, takes the backup decision, and exports the record', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in');
    await expectAccessible('sign-in');
    await signIn(page, USER);

    // Declare from the form.
    const deployment = ctx.fleet.deployments[0]!;
    await fillDeclareForm(page, {
      playbook: 'infrastructure-compromise',
      deploymentIds: [deployment.id],
      summary: 'Unexpected outbound traffic from the transfer hosts',
    });

    // Preview first, from the keyboard: focus lands on the preview, which lists exactly what EC2 holds for the
    // deployment, with the DryRun verdicts; nothing is declared yet.
    await page.getByRole('button', { name: 'Preview changes' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Declare and run', exact: true }).waitFor({ timeout: 30_000 });
    const focused = await page.evaluate(
      () => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
    );
    expect(focused).toBe('preview-heading');
    const evidence = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
    const previewText = await page.locator('section.preview').innerText();
    for (const instance of evidence.instances) expect(previewText).toContain(instance.InstanceId!);
    for (const address of evidence.associatedAddresses) expect(previewText).toContain(address.PublicIp!);
    for (const subnetId of deployment.subnetIds) expect(previewText).toContain(subnetId);
    // The estate's shapes: the auto-assigned address, the load balancer's interface left to the ACL, IPv6.
    const autoAssigned = evidence.interfaces.filter(
      (i) => i.publicIp && !evidence.associatedAddresses.some((a) => a.PublicIp === i.publicIp),
    );
    expect(autoAssigned).toHaveLength(1);
    expect(previewText).toContain(autoAssigned[0]!.publicIp!);
    expect(previewText).toContain('ELB net/northwind-transfer/5d1e0a7c');
    expect(previewText).toContain('which denies IPv6 (::/0) too');
    expect(await page.locator('.dry-run-allowed').count()).toBeGreaterThan(0);
    expect(await ctx.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    await screenshot(page, 'declare');
    await expectAccessible('declare');

    // Changing the form makes the preview stale until it is taken again; then declare and run.
    await page.getByLabel('Severity').selectOption('high');
    await page.getByRole('button', { name: 'Declare and run now' }).waitFor();
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await page.getByRole('button', { name: 'Declare and run', exact: true }).waitFor({ timeout: 30_000 });
    const incidentId = await submitDeclareForm(page);

    // The emulator keeps the auto-assigned address it was asked to remove: the playbook says so and asks; on-call
    // accepts the remaining path from the card, with the reason.
    await decideOnCard(page, {
      gate: 'containment-incomplete',
      choice: 'accept-residuals',
      reason: 'The emulator keeps auto-assigned addresses; the subnet ACL denies all traffic',
    });
    // Contained, then the playbook asks whether a backup is safe: the card appears without a reload.
    await expect.poll(() => page.locator('.incident-badges').innerText(), { timeout: 120_000 }).toContain('Contained');
    await decisionCard(page, 'backup-safe');
    await screenshot(page, 'incident');
    await expectAccessible('incident');

    // The managers' timeline, open in a second tab before the decision, shows it without a reload too.
    const timelineTab = await context.newPage();
    await timelineTab.goto(`/incidents/${incidentId}/timeline`);
    await timelineTab.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));

    // Decide from the card; the timeline shows the decision in place, the page never reloads.
    await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    await decideOnCard(page, {
      gate: 'backup-safe',
      choice: 'no',
      reason: 'Forensics still running on the image; no backup until it is cleared',
    });
    expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await timelineTab.locator('.event-decision', { hasText: 'decided backup-safe' }).waitFor({ timeout: 30_000 });
    expect(await timelineTab.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await timelineTab.close();

    // The managers' timeline: the decision with who, role and reason; the kind filter from the query string.
    await page.goto(`/incidents/${incidentId}/timeline`);
    const decision = page.locator('.event-decision', { hasText: 'decided backup-safe' });
    await expect.poll(() => decision.innerText()).toContain('Forensics still running');
    expect(await decision.innerText()).toContain('Erin Example as administrator');
    // The local time is known only in the browser: it is set once the page has hydrated.
    await expect.poll(() => page.locator('.manager-timeline time').first().getAttribute('title')).toMatch(/^Your local time: /);
    await screenshot(page, 'timeline');
    await expectAccessible('timeline');
    await page.goto(`/incidents/${incidentId}/timeline?kind=decision`);
    const kinds = await Promise.all((await page.locator('.manager-timeline .event').all()).map((event) => event.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['decision']));

    // Export, with the signed-in session.
    const json = await context.request.get(`/api/v1/incidents/${incidentId}/export.json`);
    expect(json.status()).toBe(200);
    const document = (await json.json()) as {
      format: string;
      incident: { id: string };
      timeline: { kind: string; details: { reason?: string } }[];
    };
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
