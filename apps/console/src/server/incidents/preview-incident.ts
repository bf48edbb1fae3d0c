import { type DryRunOptions, previewDisconnect, previewReplacements, previewSourceBlock } from '@firebreak/activities/ec2-preview';
import { currentPolicy, listCustomers, listNoticeRecipients } from '@firebreak/db';
import type {
  DeclareIncidentRequest,
  Deployment,
  DeploymentChanges,
  DeploymentPreview,
  DryRunCheck,
  IncidentPreview,
  Policy,
} from '@firebreak/domain';

import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';
import { ec2For, ec2IsEmulated } from '../ec2-clients';
import { parseDeclaration } from './parse-declaration';
import { describeEc2Failure } from './preview/ec2-failure';
import { FIRST_NOTICES, firstNoticesOf } from './preview/first-notices';
import { maintenanceScheduleOf } from './preview/maintenance-schedule';
import { previewWarnings } from './preview/preview-warnings';
import { resolveDeployments } from './resolve-deployments';

export interface PreviewIncidentInput {
  /** The unvalidated request body: the same as a declaration's. */
  request: unknown;
}

/** Deployments read at once; each costs a handful of describe calls, so a large declaration stays gentle on EC2. */
const DEPLOYMENTS_IN_FLIGHT = 4;

/**
 * What declaring this incident would change, before anything does: per deployment, what EC2 holds now that the
 * playbook acts on and whether EC2 would allow one call of each kind it makes (DryRun), and who gets the first
 * notice. Reads only: no incident, workflow or EC2 change, only an audit entry.
 */
export async function previewIncident(caller: Caller, { request }: PreviewIncidentInput): Promise<IncidentPreview> {
  assertPermitted(caller.role, 'incidents:declare');
  const { actor } = caller;
  const declaration = parseDeclaration(request);
  const deployments = await resolveDeployments(declaration.deploymentIds);
  const db = await getDatabase();
  const policy = await currentPolicy(db);
  const options: DryRunOptions = { emulated: ec2IsEmulated() };

  const previews: DeploymentPreview[] = [];
  for (let i = 0; i < deployments.length; i += DEPLOYMENTS_IN_FLIGHT) {
    const batch = deployments.slice(i, i + DEPLOYMENTS_IN_FLIGHT);
    previews.push(...(await Promise.all(batch.map((d) => previewDeployment(declaration, d, policy, options)))));
  }

  const customerIds = [...new Set(deployments.flatMap((d) => d.customerIds))].sort();
  const recipients = await listNoticeRecipients(db, customerIds, FIRST_NOTICES[declaration.playbook].roles);
  const notices = firstNoticesOf(declaration.playbook, recipients, policy);
  const customers = (await listCustomers(db)).filter((c) => customerIds.includes(c.id));
  const warnings = previewWarnings({ playbook: declaration.playbook, deployments: previews, notices, customers });

  await recordAudit({
    severity: 'info',
    eventType: 'incident.previewed',
    actor,
    details: {
      playbook: declaration.playbook,
      deploymentIds: declaration.deploymentIds,
      refused: previews.flatMap((p) => p.permissions.filter((c) => c.outcome === 'refused').map((c) => `${p.deploymentId}:${c.action}`)),
    },
  });
  return { playbook: declaration.playbook, previewedAt: new Date().toISOString(), deployments: previews, notices, warnings };
}

async function previewDeployment(
  declaration: DeclareIncidentRequest,
  deployment: Deployment,
  policy: Policy,
  options: DryRunOptions,
): Promise<DeploymentPreview> {
  const base = {
    deploymentId: deployment.id,
    name: deployment.name,
    region: deployment.region,
    tenancy: deployment.tenancy,
    customerIds: deployment.customerIds,
  };
  try {
    const { changes, permissions } = await readChanges(declaration, deployment, policy, options);
    return { ...base, changes, problem: null, permissions };
  } catch (error) {
    return { ...base, changes: null, problem: describeEc2Failure(error, deployment.id), permissions: [] };
  }
}

async function readChanges(
  declaration: DeclareIncidentRequest,
  deployment: Deployment,
  policy: Policy,
  options: DryRunOptions,
): Promise<{ changes: DeploymentChanges; permissions: DryRunCheck[] }> {
  const ec2 = ec2For(deployment.region);
  switch (declaration.playbook) {
    case 'infrastructure-compromise':
    case 'application-compromise':
      return previewDisconnect(ec2, deployment, options);
    case 'suspicious-activity':
      // parseDeclaration requires the address for this playbook.
      return previewSourceBlock(ec2, deployment, declaration.sourceAddress!, options);
    case 'exploitable-vulnerability':
    case 'non-exploitable-vulnerability': {
      const { instances, permissions } = await previewReplacements(ec2, deployment, options);
      const schedule = maintenanceScheduleOf(declaration.playbook, deployment.tenancy, policy);
      return { changes: { kind: 'maintenance', tenancy: deployment.tenancy, ...schedule, instances }, permissions };
    }
  }
}
