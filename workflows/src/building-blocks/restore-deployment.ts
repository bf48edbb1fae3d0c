import type { Deployment } from '@firebreak/domain';

import { ec2 } from '../support/activity-proxies';
import { JournalQueue } from '../support/incident-journal';

export interface RestoreDeploymentInput {
  incidentId: string;
  deployment: Deployment;
}

export interface RestoreDeploymentResult {
  deploymentId: string;
  /** Where EC2 still differs from the recorded pre-change state after the restore, one sentence each. */
  differences: string[];
}

/**
 * Puts one contained deployment back exactly as the disconnect recorded it, after a false positive. The order undoes
 * the disconnect's from the inside out: instance settings and interface groups first, then the public addresses,
 * then the subnet ACLs (the step that lets traffic in again), and last the load balancer targets and Auto Scaling,
 * so nothing sends traffic to or replaces an instance that is still being put back. A final comparison re-reads EC2
 * and names every field that differs from the record. What containment created for the forensic record (isolation
 * group, deny ACL, snapshots, tags) stays. Every step is desired-state, so a replay after a crash applies nothing twice.
 */
export async function restoreDeployment(input: RestoreDeploymentInput): Promise<RestoreDeploymentResult> {
  const { deployment } = input;
  const on = { deploymentId: deployment.id };
  const journal = new JournalQueue(input.incidentId);
  const change = (summary: string, details: object) => journal.add('ec2-change', summary, { ...on, ...details });
  try {
    change(`Put back termination protection and volume settings of ${deployment.name}`, await ec2.restoreInstanceProtection(input));
    change(`Put every interface of ${deployment.name} back on its original groups`, await ec2.restoreInterfaceGroups(input));
    change(`Put back the public addresses of ${deployment.name}`, await ec2.restorePublicAddresses(input));
    change(`Moved the subnets of ${deployment.name} back onto their original ACLs`, await ec2.restoreSubnetAcls(input));
    change(
      `Registered ${deployment.name} again with its load balancers and resumed Auto Scaling`,
      await ec2.restoreFleetAttachments(input),
    );
    const comparison = await ec2.compareWithPreChangeState(input);
    change(
      comparison.matches
        ? `Verified: ${deployment.name} is as it was before the incident`
        : `${deployment.name} differs from its pre-incident state in ${comparison.differences.length} place(s)`,
      comparison,
    );
    return { deploymentId: deployment.id, differences: comparison.differences };
  } finally {
    await journal.drain();
  }
}
