import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIncident, listNotices, listTimeline } from '@firebreak/db';
import { INCIDENT_UPDATES, TAG } from '@firebreak/domain';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeploymentEvidence } from '../support/ec2-evidence';
import { createTestContext, type TestContext } from '../support/test-context';
import { waitUntil } from '../support/wait-until';

const RECORD_HISTORIES = process.env.FIREBREAK_RECORD_HISTORIES === '1';

describe('infrastructure-compromise playbook: disconnect + notify, end to end', () => {
  let ctx: TestContext;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    ctx = await createTestContext('infra');
    const { worker, running } = await ctx.startWorker();
    stopWorker = async () => {
      worker.shutdown();
      await running;
    };
  });

  afterAll(async () => {
    await stopWorker?.();
    await ctx?.close();
  });

  it('isolates every instance of a multi-tenant deployment and emails each designated contact once', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'multi')!;
    const before = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
    expect(before.associatedAddresses.length).toBeGreaterThan(0);

    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    const incidentId = handle.workflowId.replace(/^incident-/, '');

    const incident = await waitUntil('the incident is contained', async () => {
      const found = await findIncident(ctx.db, incidentId);
      if (found?.status === 'failed') throw new Error(`incident failed: ${JSON.stringify(found.steps)}`);
      return found?.status === 'contained' && found;
    });

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

    // The timeline and steps hold every step.
    expect(incident.steps.map((s) => [s.name, s.status])).toEqual([
      ['disconnect', 'completed'],
      ['notify', 'completed'],
      ['close', 'pending'],
    ]);
    const timeline = await listTimeline(ctx.db, incidentId);
    const summaries = timeline.map((e) => e.summary);
    for (const expected of ['Step disconnect started', 'Denied all traffic', 'Released the public addresses',
      'isolation group', 'Verified: no public path remains', 'Step notify completed', 'Incident is contained']) {
      expect(summaries.some((s) => s.includes(expected)), expected).toBe(true);
    }
    expect(timeline.filter((e) => e.kind === 'notice')).toHaveLength(designated.length);

    // Closing is a validated update carrying who and why.
    await expect(
      handle.executeUpdate(INCIDENT_UPDATES.closeIncident, { args: [{ actor: { kind: 'user', id: 'eng-1', name: 'Ada' }, reason: '' }] }),
    ).rejects.toThrow();
    await handle.executeUpdate(INCIDENT_UPDATES.closeIncident, {
      args: [{ actor: { kind: 'user', id: 'eng-1', name: 'Ada' }, reason: 'Forensics complete; customer informed' }],
    });
    await handle.result();
    const closed = await findIncident(ctx.db, incidentId);
    expect(closed?.status).toBe('closed');
    const decision = (await listTimeline(ctx.db, incidentId)).find((e) => e.kind === 'decision');
    expect(decision?.actor.name).toBe('Ada');
    expect(decision?.details.reason).toBe('Forensics complete; customer informed');
    expect(ctx.smtp.messages).toHaveLength(designated.length);

    if (RECORD_HISTORIES) {
      const record = async (workflowId: string, file: string) => {
        const history = await ctx.client.workflow.getHandle(workflowId).fetchHistory();
        writeFileSync(join(import.meta.dirname, '../histories', file), historyToJSON(history));
      };
      await record(handle.workflowId, 'infrastructure-compromise.json');
      await record(`${handle.workflowId}/disconnect/${deployment.id}`, 'disconnect-deployment.json');
    }
  });

  it('refuses to close an incident that is still being contained', async () => {
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    ctx.smtp.clear();
    const handle = await ctx.declare('infrastructure-compromise', [deployment]);
    await expect(
      handle.executeUpdate(INCIDENT_UPDATES.closeIncident, {
        args: [{ actor: { kind: 'user', id: 'eng-1', name: 'Ada' }, reason: 'too early' }],
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/can be closed once it is contained/) } });
    const incidentId = handle.workflowId.replace(/^incident-/, '');
    await waitUntil('the incident is contained', async () => (await findIncident(ctx.db, incidentId))?.status === 'contained');
    await ctx.smtp.waitForMessages(2);
    expect(ctx.smtp.messages.map((m) => m.to)).toHaveLength(2);
  });
});
