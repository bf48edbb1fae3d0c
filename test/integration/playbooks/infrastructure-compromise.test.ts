import { findIncident, listNotices, listTimeline } from '@firebreak/db';
import { TAG } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { readCleanEnvironment, readDeploymentEvidence } from '../../support/ec2-evidence';
import {
  acceptEmulatorResiduals,
  decide,
  ENGINEER,
  incidentIdOf,
  queryState,
  recordHistoryIfAsked,
  refusal,
  waitForGate,
  waitForStatus,
} from '../../support/playbook-driver';
import { useTestContextWithWorker } from '../../support/test-context';

describe('infrastructure-compromise playbook, end to end', () => {
  const context = useTestContextWithWorker('infra');

  it('isolates, notifies, rebuilds on new infrastructure, monitors until both sign off, and closes', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const before = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
    expect(before.associatedAddresses.length).toBeGreaterThan(0);

    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = handle.workflowId.replace(/^incident-/, '');

    await waitForStatus(ctx, handle, 'contained');

    // EC2, read independently: no public path remains.
    const after = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    expect(after.associatedAddresses).toEqual([]);
    expect(after.incidentAcls).toHaveLength(1);
    const denyAcl = after.incidentAcls[0]!;
    for (const subnetId of deployment.subnetIds) expect(after.aclBySubnet.get(subnetId)).toBe(denyAcl.NetworkAclId);
    const denyEntries = (denyAcl.Entries ?? []).filter((e) => e.RuleAction === 'deny' && e.CidrBlock === '0.0.0.0/0');
    expect(denyEntries.map((e) => e.Egress).sort()).toEqual([false, true]);
    const isolation = after.incidentGroups.find((g) => g.Tags?.some((t) => t.Key === TAG.role && t.Value === 'isolation'));
    expect(isolation).toBeDefined();
    expect(isolation!.IpPermissions ?? []).toEqual([]);
    expect(isolation!.IpPermissionsEgress ?? []).toEqual([]);
    expect(after.interfaces.length).toBe(before.interfaces.length);
    for (const eni of after.interfaces) expect(eni.groupIds).toEqual([isolation!.GroupId]);
    expect(after.incidentSnapshots).toHaveLength(after.volumeIds.length);
    for (const instance of after.instances) expect(instance.State?.Name).toBe('running');

    // Mail, read from the SMTP server: exactly one message per designated technical contact.
    const customers = ctx.fleet.customers.filter((c) => deployment.customerIds.includes(c.id));
    const designated = customers.flatMap((c) => c.contacts.filter((k) => k.role === 'designated-technical'));
    expect(designated.length).toBe(6);
    const messages = await ctx.smtp.waitForMessages(designated.length);
    expect(messages.map((m) => m.to).sort()).toEqual(designated.map((c) => c.email).sort());
    for (const message of messages) {
      expect(message.subject).toContain(incidentId);
      expect(message.text).toContain(deployment.name);
    }
    const managers = customers.flatMap((c) => c.contacts.filter((k) => k.role === 'management'));
    for (const m of managers) expect(messages.some((msg) => msg.to === m.email)).toBe(false);
    const notices = await listNotices(ctx.db, incidentId);
    expect(notices.map((n) => n.status)).toEqual(designated.map(() => 'sent'));

    // The steps and the timeline hold every step so far.
    await waitForGate(handle, 'backup-safe');
    const incident = (await findIncident(ctx.db, incidentId))!;
    expect(incident.steps.slice(0, 3).map((s) => [s.name, s.status])).toEqual([
      ['disconnect', 'completed'],
      ['notify', 'completed'],
      ['decide', 'running'],
    ]);
    const timeline = await listTimeline(ctx.db, incidentId);
    const summaries = timeline.map((e) => e.summary);
    for (const expected of [
      'Step disconnect started',
      'Denied all traffic',
      'Released the public addresses',
      'isolation group',
      'Verified: no public path remains',
      'Step notify completed',
      'Incident is contained',
    ]) {
      expect(
        summaries.some((s) => s.includes(expected)),
        expected,
      ).toBe(true);
    }
    expect(timeline.filter((e) => e.kind === 'notice')).toHaveLength(designated.length);
    // The children start before the playbook's bookkeeping; the step is still shown as started before their changes.
    const stepStarted = summaries.indexOf('Step disconnect started');
    expect(stepStarted).toBeGreaterThanOrEqual(0);
    expect(stepStarted).toBeLessThan(summaries.findIndex((s) => s.startsWith('Denied all traffic')));

    // Decisions are validated at once: a role that may not decide, a choice not offered, no reason.
    expect(await refusal(decide(handle, 'backup-safe', 'yes', 'looks fine', { role: 'contact' }))).toMatch(/^ROLE_NOT_ALLOWED/);
    expect(await refusal(decide(handle, 'backup-safe', 'maybe', 'unsure'))).toMatch(/^CHOICE_NOT_OFFERED/);
    expect(await refusal(decide(handle, 'backup-safe', 'yes', ''))).toMatch(/^DECISION_INVALID/);
    expect(await refusal(decide(handle, 'operations-satisfied', 'satisfied', 'early'))).toMatch(/^GATE_NOT_PENDING/);

    // Accepted once; the same decision id again returns the first outcome and changes nothing.
    const assessment = 'No evidence that customer content was read; the image is known-good.';
    const first = await decide(handle, 'backup-safe', 'yes', assessment, { decisionId: 'decision-backup-1' });
    const repeat = await decide(handle, 'backup-safe', 'no', 'changed my mind', { decisionId: 'decision-backup-1' });
    expect(repeat).toEqual(first);

    // Rebuild: a clean environment on new infrastructure, announced to the technical contacts.
    await waitForStatus(ctx, handle, 'monitoring');
    const clean = await readCleanEnvironment(ctx.ec2, incidentId, deployment.id);
    expect(clean.vpcIds).toHaveLength(1);
    expect(clean.vpcIds[0]).not.toBe(deployment.vpcId);
    expect(clean.instances).toHaveLength(before.instances.length);
    for (const instance of clean.instances) {
      expect(instance.MetadataOptions?.HttpTokens).toBe('required');
      expect(instance.ImageId).toBe(deployment.knownGoodImageId);
    }
    const ingressPorts = clean.firewallRules.map((r) => `${r.IpProtocol}:${r.FromPort}`).sort();
    expect(ingressPorts).not.toContain('tcp:22');
    expect(ingressPorts).toEqual(expect.arrayContaining(['tcp:33001', 'udp:33001', 'tcp:3001']));

    await ctx.smtp.waitForMessages(designated.length * 2 + (designated.length + managers.length) + designated.length);
    expect(
      ctx.smtp
        .ofKind('backup-environment-ready')
        .map((m) => m.to)
        .sort(),
    ).toEqual(designated.map((c) => c.email).sort());
    expect(
      ctx.smtp
        .ofKind('risk-communication')
        .map((m) => m.to)
        .sort(),
    ).toEqual([...designated, ...managers].map((c) => c.email).sort());
    expect(ctx.smtp.ofKind('risk-communication')[0]!.text).toContain(assessment);
    expect(ctx.smtp.ofKind('monitoring-sign-off-request')).toHaveLength(designated.length);

    // Monitoring ends only when every customer and operations have signed off.
    for (const customer of customers) {
      await waitForGate(handle, 'customer-satisfied', customer.id);
      await decide(handle, 'customer-satisfied', 'satisfied', 'our checks are clean', {
        role: 'contact',
        customerId: customer.id,
        actor: { kind: 'contact', id: customer.contacts[0]!.id, name: customer.contacts[0]!.name },
      });
    }
    expect((await queryState(handle)).status).toBe('monitoring');
    await decide(handle, 'operations-satisfied', 'satisfied', 'flow logs and checks clean for the whole period');
    await handle.result();

    const closed = await findIncident(ctx.db, incidentId);
    expect(closed?.status).toBe('closed');
    expect(closed?.steps.every((s) => s.status === 'completed')).toBe(true);
    expect(ctx.smtp.ofKind('incident-closed')).toHaveLength(designated.length);
    const decisions = (await listTimeline(ctx.db, incidentId)).filter((e) => e.kind === 'decision' && e.summary.includes('decided'));
    expect(decisions.map((e) => e.details.gate)).toEqual([
      'backup-safe',
      ...customers.map(() => 'customer-satisfied'),
      'operations-satisfied',
    ]);
    expect(decisions[0]!.actor.name).toBe(ENGINEER.name);
    expect(decisions[0]!.details.reason).toBe(assessment);
    // Still exactly one incident-details message per designated contact after everything else.
    expect(ctx.smtp.ofKind('incident-details')).toHaveLength(designated.length);

    await recordHistoryIfAsked(ctx, handle.workflowId, 'infrastructure-compromise.json');
    await recordHistoryIfAsked(ctx, `${handle.workflowId}/disconnect/${deployment.id}`, 'disconnect-deployment.json');
    await recordHistoryIfAsked(ctx, `${handle.workflowId}/rebuild/${deployment.id}`, 'rebuild-clean-environment.json');
    await recordHistoryIfAsked(ctx, `${handle.workflowId}/monitor/${deployment.id}`, 'heightened-monitoring.json');
  });

  it('refuses a decision before the playbook asks for it, and closes without a backup when none is safe', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    ctx.smtp.clear();
    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    expect(await refusal(decide(handle, 'backup-safe', 'no', 'too early'))).toMatch(/^GATE_NOT_PENDING/);
    await acceptEmulatorResiduals(handle);
    await waitForGate(handle, 'backup-safe');
    await decide(handle, 'backup-safe', 'no', 'The attacker may still hold credentials valid on any new host.');
    await handle.result();
    const incident = await waitForStatus(ctx, handle, 'closed');
    const skipped = incident.steps.filter((s) => s.status === 'pending').map((s) => s.name);
    expect(skipped).toEqual(['rebuild', 'backup-notice', 'monitor']);
    const clean = await readCleanEnvironment(ctx.ec2, incidentIdOf(handle), deployment.id);
    expect(clean.vpcIds).toEqual([]);
    const kinds = ctx.smtp.messages.map((m) => m.headers.get('x-firebreak-notice'));
    expect(kinds.filter((k) => k === 'risk-communication')).toHaveLength(3);
    expect(kinds).not.toContain('backup-environment-ready');
  });
});
