import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import { createUser } from '@firebreak/accounts';
import { listTimeline } from '@firebreak/db';
import { type Deployment, type PlaybookId, PLAYBOOKS } from '@firebreak/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { denyEntriesFor, readCleanEnvironment, readDeploymentEvidence } from '../support/ec2-evidence';
import { ensurePatchedImage } from '../support/patched-image';
import type { TestContext } from '../support/test-context';
import { TEST_POLICY } from '../support/test-policy';
import { type ConsoleStack, startConsoleStack } from './support/console-stack';
import { openNoticeLink, waitForNotice } from './support/contact-links';
import { decideOnCard } from './support/decide-on-card';
import { declareFromForm } from './support/declare-from-form';
import { clocksOnPage, decisionsOnTimeline, stepsOnPage, waitForStatusOnPage } from './support/incident-page';
import { putPolicyInForce } from './support/policy-in-force';
import { signIn } from './support/sign-in';

const ENGINEER = { username: 'e2e-on-call', password: 'copper heron waits by the seventh lock', displayName: 'Olu Okafor' };
const DECIDED_BY_ENGINEER = `${ENGINEER.displayName} as on-call`;

/**
 * The four playbooks the console test does not drive, each from the declare form to closed, every decision taken on
 * its card by an on-call engineer and every customer action through the contact's signed link. Clocks run in seconds.
 *
 * The tests share one fleet, in an order that keeps them apart: the vulnerabilities replace instances (each with its
 * own patched image), and the compromise, which isolates its deployment's instances for good, comes last.
 */
describe('every playbook from the console, in Chromium', () => {
  let stack: ConsoleStack;
  let ctx: TestContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startConsoleStack('e2e-playbooks');
    ctx = stack.ctx;
    await createUser(ctx.db, { ...ENGINEER, role: 'on-call' });
    page = await (await stack.browser.newContext({ baseURL: stack.app.url })).newPage();
    await signIn(page, ENGINEER);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const deployment = (tenancy: Deployment['tenancy']) => ctx.fleet.deployments.find((d) => d.tenancy === tenancy)!;
  const designatedContact = (d: Deployment) =>
    ctx.fleet.customers.find((c) => c.id === d.customerIds[0])!.contacts.find((k) => k.role === 'designated-technical')!;

  /** Closed, with every step of the playbook shown as done (or as the given status, for a step the run skips). */
  async function expectClosedWithStepsDone(playbook: PlaybookId, notRun: Record<string, string> = {}) {
    await waitForStatusOnPage(page, 'Closed');
    const steps = await stepsOnPage(page);
    expect(Object.keys(steps)).toHaveLength(PLAYBOOKS[playbook].stepNames.length);
    for (const [name, status] of Object.entries(steps)) expect(`${name}: ${status}`).toBe(`${name}: ${notRun[name] ?? 'Done'}`);
  }

  /** The decision as the managers' timeline shows it: who, in which role, the choice and the reason. */
  async function decisionOnTimeline(incidentId: string, gate: string, choice: string): Promise<string> {
    const decisions = await decisionsOnTimeline(page, incidentId);
    const shown = decisions.find((text) => text.includes(`decided ${gate}: ${choice}`));
    if (!shown) throw new Error(`no ${gate}: ${choice} decision on the timeline:\n${decisions.join('\n')}`);
    return shown;
  }

  async function patchedImage(from: Deployment, name: string): Promise<string> {
    const { instances } = await readDeploymentEvidence(ctx.ec2, from, 'none');
    return ensurePatchedImage(ctx.ec2, instances[0]!.InstanceId!, name);
  }

  it('suspicious activity: the source is blocked, operations alerted, and the block lifted when its time runs out', async () => {
    await putPolicyInForce(ctx.db, { ...TEST_POLICY, blockTtlSeconds: 10 });
    const target = deployment('single');
    const incidentId = await declareFromForm(page, {
      playbook: 'suspicious-activity',
      deploymentIds: [target.id],
      summary: '40 failed SSH logins in a minute',
      sourceAddress: '203.0.113.45',
    });

    await waitForStatusOnPage(page, 'Source blocked', 60_000);
    expect((await denyEntriesFor(ctx.ec2, target, '203.0.113.45/32')).map((e) => e.Egress).sort()).toEqual([false, true]);
    const alert = await waitForNotice(ctx.smtp, { incidentId, kind: 'operations-alert:source-blocked', to: TEST_POLICY.operationsEmail });
    expect(alert.subject).toContain('blocked 203.0.113.45');

    // Nobody decides: the block expires and is lifted.
    await expectClosedWithStepsDone('suspicious-activity');
    expect(await denyEntriesFor(ctx.ec2, target, '203.0.113.45/32')).toEqual([]);
    const timeline = await page.locator('ol.timeline').innerText();
    expect(timeline).toContain('No decision on keep-block in time');
    expect(timeline).toContain('Unblocked 203.0.113.45');
  });

  it('suspicious activity: the on-call engineer keeps the block from the card', async () => {
    await putPolicyInForce(ctx.db, { ...TEST_POLICY, blockTtlSeconds: 120 });
    const target = deployment('multi');
    const incidentId = await declareFromForm(page, {
      playbook: 'suspicious-activity',
      deploymentIds: [target.id],
      summary: 'credential stuffing against the web application',
      sourceAddress: '198.51.100.0/24',
    });

    const reason = 'known botnet range; keep it blocked';
    await decideOnCard(page, { gate: 'keep-block', choice: 'keep', reason });
    // Kept: the lifting step never runs.
    await expectClosedWithStepsDone('suspicious-activity', { 'Lift the block': 'Not run' });
    expect((await denyEntriesFor(ctx.ec2, target, '198.51.100.0/24')).map((e) => e.Egress).sort()).toEqual([false, true]);
    const decision = await decisionOnTimeline(incidentId, 'keep-block', 'keep');
    expect(decision).toContain(DECIDED_BY_ENGINEER);
    expect(decision).toContain(reason);
  });

  it('vulnerability not exploitable: bulletin explaining why, fix released from the card, upgraded with the update train', async () => {
    await putPolicyInForce(ctx.db, TEST_POLICY);
    const target = deployment('multi');
    const image = await patchedImage(target, 'transfer-node-4.5.0');
    const incidentId = await declareFromForm(page, {
      playbook: 'non-exploitable-vulnerability',
      deploymentIds: [target.id],
      summary: 'XML parser flaw reported by a researcher',
      vulnerability: {
        reference: 'CVE-2026-40001',
        title: 'Entity expansion in the report parser',
        component: 'report-parser',
        discoveredAt: new Date().toISOString(),
        notExploitableBecause: 'the vulnerable parser is never reachable from the network',
      },
    });

    const bulletin = await waitForNotice(ctx.smtp, { incidentId, kind: 'bulletin-not-exploitable', to: designatedContact(target).email });
    expect(bulletin.text).toContain('never reachable from the network');
    const reason = 'ships in the regular 4.5.0 build';
    await decideOnCard(page, { gate: 'fix-released', choice: 'released', reason, parameters: { version: '4.5.0', imageId: image } });

    await expectClosedWithStepsDone('non-exploitable-vulnerability');
    const { instances } = await readDeploymentEvidence(ctx.ec2, target, incidentId);
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.map((i) => i.ImageId)).toEqual(instances.map(() => image));
    const decision = await decisionOnTimeline(incidentId, 'fix-released', 'released');
    expect(decision).toContain(DECIDED_BY_ENGINEER);
    expect(decision).toContain(reason);
  });

  it('exploitable vulnerability: fix released from the card, multi-tenant upgraded at once, single-tenant at the window its contact asked for', async () => {
    // Clocks long enough to be met through a browser; a maintenance notice long enough for the contact to answer.
    await putPolicyInForce(ctx.db, {
      ...TEST_POLICY,
      bulletinTargetSeconds: 300,
      bulletinLimitSeconds: 600,
      fixReleaseLimitSeconds: 600,
      maintenanceNoticeSeconds: 20,
      deferralLimitSeconds: 120,
    });
    const single = deployment('single');
    const multi = deployment('multi');
    const contact = designatedContact(single);
    const image = await patchedImage(multi, 'transfer-node-4.4.2-hotfix1');
    const incidentId = await declareFromForm(page, {
      playbook: 'exploitable-vulnerability',
      deploymentIds: [single.id, multi.id],
      summary: 'Path traversal in the node API, exploit published',
      vulnerability: {
        reference: 'CVE-2026-31337',
        title: 'Path traversal in the node API',
        component: 'asperanoded',
        discoveredAt: new Date().toISOString(),
      },
    });

    await waitForNotice(ctx.smtp, { incidentId, kind: 'bulletin-exploitable', to: contact.email });
    const reason = 'hotfix build passed its checks';
    await decideOnCard(page, {
      gate: 'fix-released',
      choice: 'released',
      reason,
      parameters: { version: '4.4.2-hotfix1', imageId: image },
    });

    // The single-tenant contact moves the window to the next whole minute after the proposed one, from the link.
    const schedule = await waitForNotice(ctx.smtp, { incidentId, kind: 'maintenance-schedule', to: contact.email });
    const contactPage = await openNoticeLink(stack.browser, stack.app.url, schedule);
    const proposed = /proposed (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC/.exec(await contactPage.getByLabel('Deployment').innerText());
    expect(proposed).not.toBeNull();
    const agreed = new Date(Date.parse(`${proposed![1]}T${proposed![2]}:00Z`) + 60_000).toISOString();
    await contactPage.getByLabel('New window (UTC)').fill(agreed.slice(0, 16));
    await contactPage.getByLabel('Reason').fill('large delivery running until then');
    await contactPage.getByRole('button', { name: 'Request this window' }).click();
    const outcome = contactPage.locator('form', { hasText: 'Request another maintenance window' }).locator('.form-ok, .form-error');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.innerText()).toContain(`is moved to ${agreed}`);
    await contactPage.context().close();
    await waitForNotice(ctx.smtp, { incidentId, kind: 'deferral-confirmation', to: contact.email });

    // While the single-tenant upgrade waits for its window, the page shows every clock met; once closed, the
    // deadlines as the timeline recorded them.
    const allMet = {
      'Security bulletin (target)': 'Met',
      'Security bulletin (hard limit)': 'Met',
      'Fixed software released': 'Met',
    };
    await expect.poll(() => clocksOnPage(page), { timeout: 30_000 }).toEqual(allMet);

    await expectClosedWithStepsDone('exploitable-vulnerability');
    expect(await clocksOnPage(page, 'deadlines')).toEqual(allMet);
    for (const d of [single, multi]) {
      const { instances } = await readDeploymentEvidence(ctx.ec2, d, incidentId);
      expect(instances.length).toBeGreaterThan(0);
      expect(instances.map((i) => i.ImageId)).toEqual(instances.map(() => image));
    }
    const upgradedSingle = (await listTimeline(ctx.db, incidentId)).find((e) => e.summary.startsWith(`Upgraded ${single.name}`))!;
    expect(Date.parse(upgradedSingle.at)).toBeGreaterThanOrEqual(Date.parse(agreed));

    const fix = await decisionOnTimeline(incidentId, 'fix-released', 'released');
    expect(fix).toContain(DECIDED_BY_ENGINEER);
    expect(fix).toContain(reason);
    const moved = (await decisionsOnTimeline(page, incidentId)).find((text) => text.includes(`moved the maintenance of ${single.id}`));
    expect(moved).toContain(`${contact.name} as contact`);
    expect(moved).toContain('large delivery running until then');
  });

  it('application compromised: recreated, production re-established, signed off by the customer (link) and operations (card)', async () => {
    await putPolicyInForce(ctx.db, TEST_POLICY);
    const target = deployment('single');
    const contact = designatedContact(target);
    const productionIps = (await readDeploymentEvidence(ctx.ec2, target, 'none')).associatedAddresses.map((a) => a.PublicIp!).sort();
    expect(productionIps.length).toBeGreaterThan(0);
    const incidentId = await declareFromForm(page, {
      playbook: 'application-compromise',
      deploymentIds: [target.id],
      summary: 'web shell found in the application',
    });

    const reasons = {
      recreate: 'the compromise is confined to the application tier',
      confirmed: `${contact.name} confirmed by phone: transfers verified on the clean hosts`,
      customer: 'no anomalies on our side for the whole watch',
      operations: 'flow logs and checks clean for the whole watch',
    };
    await decideOnCard(page, { gate: 'recreate-safe', choice: 'yes', reason: reasons.recreate });
    await decideOnCard(page, { gate: 'production-reestablished', choice: 'confirmed', reason: reasons.confirmed });

    // The customer signs monitoring off from the link in the sign-off request; operations from the card.
    const request = await waitForNotice(ctx.smtp, { incidentId, kind: 'monitoring-sign-off-request', to: contact.email }, 120_000);
    const contactPage = await openNoticeLink(stack.browser, stack.app.url, request);
    await contactPage.getByLabel('Anything to add (optional)').fill(reasons.customer);
    await contactPage.getByRole('button', { name: 'We are satisfied that no vulnerability remains' }).click();
    await contactPage.getByText('your sign-off is recorded').waitFor({ timeout: 30_000 });
    await contactPage.context().close();
    await decideOnCard(page, { gate: 'operations-satisfied', choice: 'satisfied', reason: reasons.operations });

    await expectClosedWithStepsDone('application-compromise');
    // EC2 itself: the customer's addresses point at the clean instances; the compromised ones hold none.
    const clean = await readCleanEnvironment(ctx.ec2, incidentId, target.id);
    const cleanIds = clean.instances.map((i) => i.InstanceId!);
    expect(cleanIds.length).toBeGreaterThan(0);
    const addresses = (await ctx.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    for (const ip of productionIps) expect(cleanIds).toContain(addresses.find((a) => a.PublicIp === ip)?.InstanceId);
    expect((await readDeploymentEvidence(ctx.ec2, target, incidentId)).associatedAddresses).toEqual([]);

    for (const [gate, choice, reason] of [
      ['recreate-safe', 'yes', reasons.recreate],
      ['production-reestablished', 'confirmed', reasons.confirmed],
      ['operations-satisfied', 'satisfied', reasons.operations],
    ] as const) {
      const decision = await decisionOnTimeline(incidentId, gate, choice);
      expect(decision).toContain(DECIDED_BY_ENGINEER);
      expect(decision).toContain(reason);
    }
    const signOff = await decisionOnTimeline(incidentId, 'customer-satisfied', 'satisfied');
    expect(signOff).toContain(`${contact.name} as contact`);
    expect(signOff).toContain(reasons.customer);
  });
});
