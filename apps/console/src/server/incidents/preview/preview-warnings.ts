import type { Customer, DeploymentPreview, NoticePreview, PlaybookId } from '@firebreak/domain';

import { FIRST_NOTICES } from './first-notices';

export interface WarningInput {
  playbook: PlaybookId;
  deployments: readonly DeploymentPreview[];
  notices: readonly NoticePreview[];
  customers: readonly Pick<Customer, 'id' | 'name'>[];
}

/** What the engineer should know before running the playbook, in sentences: what would stop it first. */
export function previewWarnings({ playbook, deployments, notices, customers }: WarningInput): string[] {
  const refusals: string[] = [];
  const others: string[] = [];
  for (const d of deployments) {
    if (d.problem) refusals.push(`${d.name}: ${d.problem}`);
    for (const check of d.permissions) {
      const on = check.target ? ` on ${check.target}` : '';
      if (check.outcome === 'refused') refusals.push(`${d.name}: EC2 would refuse ${check.action}${on}; the playbook would stop there.`);
      if (check.outcome === 'failed') others.push(`${d.name}: ${check.action}${on} was answered with an error: ${check.detail}`);
      if (check.outcome === 'dry-run-ignored')
        others.push(`${d.name}: the EC2 endpoint performed ${check.action}${on} instead of a dry run.`);
    }
    const changes = d.changes;
    if (changes?.kind === 'disconnect' && changes.instances.length === 0) {
      others.push(`${d.name}: EC2 has no instance tagged for this deployment; only its subnets would be cut off.`);
    }
    if (changes?.kind === 'source-block') {
      for (const entry of changes.entries.filter((e) => e.action === 'no-room')) {
        refusals.push(
          `${d.name}: network ACL ${entry.networkAclId} has no free ${entry.egress ? 'outbound' : 'inbound'} rule number below its first allow rule; the block would fail.`,
        );
      }
      if (changes.entries.length === 0)
        refusals.push(`${d.name}: no network ACL found on the deployment's subnets; nothing would be blocked.`);
    }
    if (changes?.kind === 'maintenance' && changes.instances.length === 0) {
      others.push(`${d.name}: EC2 has no instance tagged for this deployment; the upgrade would have nothing to replace.`);
    }
  }
  // A customer with no contact in the roles the first notice goes to hears nothing.
  if (FIRST_NOTICES[playbook].roles.length > 0) {
    const told = new Set(notices.map((n) => n.customerId));
    const affected = [...new Set(deployments.flatMap((d) => d.customerIds))];
    for (const customerId of affected.filter((id) => !told.has(id))) {
      const name = customers.find((c) => c.id === customerId)?.name ?? customerId;
      others.push(`Nobody at ${name} will be told: the directory has no designated technical contact for them.`);
    }
  }
  return [...refusals, ...others];
}
