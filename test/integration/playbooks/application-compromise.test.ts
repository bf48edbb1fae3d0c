import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import { findIncident } from '@firebreak/db';
import { describe, expect, it } from 'vitest';

import { readCleanEnvironment, readDeploymentEvidence } from '../../support/ec2-evidence';
import {
  acceptEmulatorResiduals,
  decide,
  incidentIdOf,
  recordHistoryIfAsked,
  refusal,
  waitForGate,
  waitForStatus,
} from '../../support/playbook-driver';
import { useTestContextWithWorker } from '../../support/test-context';

describe('application-compromise playbook, end to end', () => {
  const context = useTestContextWithWorker('application');

  it('recreates a clean environment and moves production onto it only once the customer confirms', async () => {
    const ctx = context();
    const deployment = ctx.fleet.deployments.find((d) => d.tenancy === 'single')!;
    const customer = ctx.fleet.customers.find((c) => c.id === deployment.customerIds[0])!;
    const contact = customer.contacts.find((c) => c.role === 'designated-technical')!;
    const asContact = { role: 'contact' as const, actor: { kind: 'contact' as const, id: contact.id, name: contact.name } };
    const before = await readDeploymentEvidence(ctx.ec2, deployment, 'none');
    const productionIps = before.associatedAddresses.map((a) => a.PublicIp).sort();

    const handle = await ctx.declare('application-compromise', [deployment], { summary: 'web shell found in the application' });
    const incidentId = incidentIdOf(handle);
    await acceptEmulatorResiduals(handle);
    await waitForGate(handle, 'recreate-safe');
    await decide(handle, 'recreate-safe', 'yes', 'the compromise is confined to the application tier');

    // The customer looks at the clean environment first; "not yet" asks again, production stays where it is.
    await waitForGate(handle, 'production-reestablished');
    await decide(handle, 'production-reestablished', 'not-yet', 'still testing transfers', asContact);
    await waitForGate(handle, 'production-reestablished');
    const clean = await readCleanEnvironment(ctx.ec2, incidentId, deployment.id);
    const cleanIds = clean.instances.map((i) => i.InstanceId!);
    expect(cleanIds).toHaveLength(before.instances.length);
    const addressesNow = (await ctx.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    for (const ip of productionIps) expect(addressesNow.find((a) => a.PublicIp === ip)?.InstanceId).toBeFalsy();

    await decide(handle, 'production-reestablished', 'confirmed', 'transfers verified on the clean hosts', asContact);
    await waitForStatus(ctx, handle, 'monitoring');

    // The customer's known addresses now point at the clean instances; the compromised ones stay isolated.
    const moved = (await ctx.ec2.send(new DescribeAddressesCommand({}))).Addresses ?? [];
    for (const ip of productionIps) expect(cleanIds).toContain(moved.find((a) => a.PublicIp === ip)?.InstanceId);
    const compromised = await readDeploymentEvidence(ctx.ec2, deployment, incidentId);
    expect(compromised.associatedAddresses).toEqual([]);

    await waitForGate(handle, 'customer-satisfied', customer.id);
    expect(await refusal(decide(handle, 'customer-satisfied', 'satisfied', 'ok', { ...asContact, customerId: 'someone-else' }))).toMatch(
      /^GATE_NOT_PENDING/,
    );
    await decide(handle, 'customer-satisfied', 'satisfied', 'no anomalies for a week', { ...asContact, customerId: customer.id });
    await decide(handle, 'operations-satisfied', 'satisfied', 'flow logs clean');
    await handle.result();
    expect((await findIncident(ctx.db, incidentId))?.status).toBe('closed');
    await recordHistoryIfAsked(ctx, handle.workflowId, 'application-compromise.json');
  });
});
