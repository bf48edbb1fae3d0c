import { findIncident, listTimeline } from '@firebreak/db';
import type { Deployment, Vulnerability } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { readDeploymentEvidence } from '../../support/ec2-evidence';
import { ensurePatchedImage } from '../../support/patched-image';
import {
  decide,
  ENGINEER,
  incidentIdOf,
  queryState,
  recordHistoryIfAsked,
  refusal,
  waitForGate,
  waitForStatus,
} from '../../support/playbook-driver';
import { type TestContext, useTestContextWithWorker } from '../../support/test-context';
import { TEST_POLICY } from '../../support/test-policy';
import { waitUntil } from '../../support/wait-until';

const vulnerability = (overrides: Partial<Vulnerability> = {}): Vulnerability => ({
  reference: 'CVE-2026-31337',
  title: 'Path traversal in the node API',
  component: 'asperanoded',
  discoveredAt: new Date().toISOString(),
  ...overrides,
});

/** Engineering's patched build, made here from one of the fleet's instances. */
async function patchedImageFor(ctx: TestContext, deployment: Deployment): Promise<string> {
  const { instances } = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
  return ensurePatchedImage(ctx.ec2, instances[0]!.InstanceId!);
}

describe('vulnerability playbooks, end to end', () => {
  const context = useTestContextWithWorker('vulnerability');

  it('exploitable: bulletin on time, fix released, multi-tenant upgraded at once, single-tenant at its deferred window', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const single = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const multi = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const everyone = ctx.fleet.customers.flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    const patchedImage = await patchedImageFor(ctx, multi);
    const policy = {
      ...TEST_POLICY,
      bulletinTargetSeconds: 30,
      bulletinLimitSeconds: 60,
      fixReleaseLimitSeconds: 60,
      maintenanceNoticeSeconds: 30,
      deferralLimitSeconds: 60,
    };
    const handle = await ctx.declare('exploitable-vulnerability', [single, multi], { vulnerability: vulnerability(), policy });
    const incidentId = incidentIdOf(handle);

    await waitForGate(handle, 'fix-released');
    expect(
      ctx.smtp
        .ofKind('bulletin-exploitable')
        .map((m) => m.to)
        .sort(),
    ).toEqual(everyone.map((c) => c.email).sort());
    const clocks = await waitUntil('the bulletin clocks are met', async () => {
      const state = await queryState(handle);
      const c = (state as unknown as { clocks: { name: string; status: string }[] }).clocks;
      return c.filter((x) => x.name.startsWith('bulletin')).every((x) => x.status === 'met') && c;
    });
    expect(clocks.map((c) => c.name).sort()).toEqual(['bulletin-limit', 'bulletin-target', 'fix-release']);

    expect(await refusal(decide(handle, 'fix-released', 'released', 'shipped'))).toMatch(/^DECISION_INVALID: give version, imageId/);
    await decide(handle, 'fix-released', 'released', 'hotfix build passed its checks', {
      parameters: { version: '4.4.2-hotfix1', imageId: patchedImage },
    });

    // Multi-tenant: upgraded at once. Single-tenant: waits for its window; the customer moves it within the limit.
    await waitUntil('the multi-tenant deployment runs the patched image', async () => {
      const { instances } = await readDeploymentEvidence(ctx.ec2, multi, incidentId);
      return instances.length > 0 && instances.every((i) => i.ImageId === patchedImage && i.State?.Name === 'running');
    });
    const schedules = ctx.smtp.ofKind('maintenance-schedule');
    expect(schedules).toHaveLength(everyone.length);
    const singleContact = ctx.fleet.customers.find((c) => c.id === single.customerIds[0])!.contacts[0]!;
    expect(schedules.find((m) => m.to === singleContact.email)!.text).toContain('you may ask to move it');

    const state = await queryState(handle);
    const plan = (state.facts.maintenance as { deploymentId: string; window: string; deferrableUntil: string }[]).find(
      (p) => p.deploymentId === single.id,
    )!;
    const asContact = { kind: 'contact' as const, id: singleContact.id, name: singleContact.name };
    const tooLate = new Date(Date.parse(plan.deferrableUntil) + 60_000).toISOString();
    expect(
      await refusal(
        handle.executeUpdate('requestDeferral', {
          args: [
            {
              requestId: 'defer-too-late',
              deploymentId: single.id,
              until: tooLate,
              reason: 'quarter end',
              actor: asContact,
              role: 'contact',
            },
          ],
        }),
      ),
    ).toMatch(/^DEFERRAL_REFUSED: the latest window/);
    expect(
      await refusal(
        handle.executeUpdate('requestDeferral', {
          args: [
            {
              requestId: 'defer-multi-1',
              deploymentId: multi.id,
              until: plan.deferrableUntil,
              reason: 'x',
              actor: asContact,
              role: 'contact',
            },
          ],
        }),
      ),
    ).toMatch(/^DEFERRAL_REFUSED/);
    const agreed = new Date(Date.parse(plan.window) + 8_000).toISOString();
    await handle.executeUpdate('requestDeferral', {
      updateId: 'defer-ok-1',
      args: [
        {
          requestId: 'defer-ok-1',
          deploymentId: single.id,
          until: agreed,
          reason: 'big delivery tonight',
          actor: asContact,
          role: 'contact',
        },
      ],
    });
    await waitUntil('the deferral is confirmed by email', async () => ctx.smtp.ofKind('deferral-confirmation').length > 0);

    await handle.result();
    // One reminder before the (moved) window, to the single-tenant customer's designated contacts only.
    const singleDesignated = ctx.fleet.customers
      .find((c) => c.id === single.customerIds[0])!
      .contacts.filter((c) => c.role === 'designated-technical');
    expect(
      ctx.smtp
        .ofKind('reminder')
        .map((m) => m.to)
        .sort(),
    ).toEqual(singleDesignated.map((c) => c.email).sort());
    const { instances } = await readDeploymentEvidence(ctx.ec2, single, incidentId);
    expect(instances.every((i) => i.ImageId === patchedImage)).toBe(true);
    const timeline = await listTimeline(ctx.db, incidentId);
    const upgradedSingle = timeline.find((e) => e.summary.startsWith(`Upgraded ${single.name}`))!;
    expect(Date.parse(upgradedSingle.at)).toBeGreaterThanOrEqual(Date.parse(agreed));
    expect(timeline.some((e) => e.summary.includes('moved the maintenance') && e.actor.name === singleContact.name)).toBe(true);
    expect((await findIncident(ctx.db, incidentId))?.status).toBe('closed');
    await recordHistoryIfAsked(ctx, handle.workflowId, 'exploitable-vulnerability.json');
  });

  it('warns on-call before a clock runs out and records the breach', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const single = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const policy = { ...TEST_POLICY, fixReleaseLimitSeconds: 3, warnAtFraction: 0.5 };
    const handle = await ctx.declare('exploitable-vulnerability', [single], { vulnerability: vulnerability(), policy });
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'fix-released');
    await waitUntil('the fix-release clock is breached', async () => {
      const summaries = (await listTimeline(ctx.db, incidentId)).map((e) => e.summary);
      return summaries.some((s) => s.startsWith('Clock fix-release breached'));
    });
    // The breach is on the timeline just before its alert is sent: wait for the alert itself.
    const alerts = await waitUntil('the breach alert arrives', async () => {
      const subjects = ctx.smtp.messages.filter((m) => m.to === policy.operationsEmail).map((m) => m.subject);
      return subjects.some((s) => s.includes('fix-release target missed')) && subjects;
    });
    expect(alerts.some((s) => s.includes('fix-release is due'))).toBe(true);
    expect(alerts.some((s) => s.includes('fix-release target missed'))).toBe(true);
    await handle.terminate('test finished');
  });

  it('not exploitable: bulletin explaining why, then the fix ships with the next update train', async () => {
    const ctx = context();
    ctx.smtp.clear();
    const multi = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const patchedImage = await patchedImageFor(ctx, multi);
    const handle = await ctx.declare('non-exploitable-vulnerability', [multi], {
      vulnerability: vulnerability({ notExploitableBecause: 'the vulnerable parser is never reachable from the network' }),
    });
    const incidentId = incidentIdOf(handle);
    await waitForGate(handle, 'fix-released');
    const bulletins = ctx.smtp.ofKind('bulletin-not-exploitable');
    expect(bulletins).toHaveLength(6);
    expect(bulletins[0]!.text).toContain('never reachable from the network');
    await decide(handle, 'fix-released', 'released', 'in the regular build', {
      actor: ENGINEER,
      parameters: { version: '4.5.0', imageId: patchedImage },
    });
    await waitForStatus(ctx, handle, 'maintenance');
    await handle.result();
    const timeline = await listTimeline(ctx.db, incidentId);
    const decidedAt = Date.parse(timeline.find((e) => e.details.gate === 'fix-released' && e.summary.includes('decided'))!.at);
    const upgradedAt = Date.parse(timeline.find((e) => e.summary.startsWith(`Upgraded ${multi.name}`))!.at);
    expect(upgradedAt - decidedAt).toBeGreaterThanOrEqual(TEST_POLICY.updateTrainCadenceSeconds * 1000);
    await recordHistoryIfAsked(ctx, handle.workflowId, 'non-exploitable-vulnerability.json');
  });
});
