import { z } from 'zod';

import type { StepName } from './incident-step';

/** The five documented incident playbooks. These ids are used everywhere: API, workflows, search attributes. */
export const PLAYBOOK_IDS = [
  'infrastructure-compromise',
  'application-compromise',
  'exploitable-vulnerability',
  'non-exploitable-vulnerability',
  'suspicious-activity',
] as const;

export const PlaybookId = z.enum(PLAYBOOK_IDS);
export type PlaybookId = z.infer<typeof PlaybookId>;

export interface PlaybookDescription {
  id: PlaybookId;
  title: string;
  /** One line per step, in the order the playbook runs them. */
  steps: readonly string[];
  /** The step names the incident page tracks, in order (see StepName). */
  stepNames: readonly StepName[];
  /** Whether this playbook can be declared and run today. */
  available: boolean;
}

export const PLAYBOOKS: Record<PlaybookId, PlaybookDescription> = {
  'infrastructure-compromise': {
    id: 'infrastructure-compromise',
    title: 'Infrastructure compromised',
    steps: [
      'Disconnect: cut every instance off the public internet (deny ACL, release Elastic IPs, isolation group)',
      'Notify: email each designated technical contact the incident details',
      'Decide: is it safe to provide a backup instance on new infrastructure?',
      'Rebuild: a clean environment on new infrastructure (target 24 h), and send its details',
      'Risk communication: tell technical contacts and management what the risk to their content is',
      'Monitor the new environment closely until the customer and operations both sign off',
      'Close with a summary',
    ],
    stepNames: ['disconnect', 'notify', 'decide', 'rebuild', 'backup-notice', 'risk-communication', 'monitor', 'close'],
    available: true,
  },
  'application-compromise': {
    id: 'application-compromise',
    title: 'Application environment compromised',
    steps: [
      'Disconnect the production environment from public access',
      'Notify the designated technical contacts',
      'Decide: is it safe to recreate a full clean environment?',
      'Recreate a full clean environment',
      'Re-establish production with the customer (the customer confirms)',
      'Risk communication to technical contacts and management',
      'Monitor until the customer and operations both sign off',
      'Close with a summary',
    ],
    stepNames: ['disconnect', 'notify', 'decide', 'recreate', 'reestablish', 'risk-communication', 'monitor', 'close'],
    available: true,
  },
  'exploitable-vulnerability': {
    id: 'exploitable-vulnerability',
    title: 'Potentially exploitable vulnerability',
    steps: [
      'Security bulletin to every customer (target 2 h, at most 24 h from discovery)',
      'Fixed software released (within 24 h)',
      "Maintenance schedule to every customer's designated contacts",
      'Upgrade: multi-tenant at once; single-tenant at the agreed window',
      'Close',
    ],
    stepNames: ['bulletin', 'fix-release', 'maintenance-schedule', 'upgrade', 'close'],
    available: true,
  },
  'non-exploitable-vulnerability': {
    id: 'non-exploitable-vulnerability',
    title: 'Vulnerability not exploitable',
    steps: ['Security bulletin explaining why it is not exploitable', 'The fix ships with the next regular update train', 'Close'],
    stepNames: ['bulletin', 'maintenance-schedule', 'upgrade', 'close'],
    available: true,
  },
  'suspicious-activity': {
    id: 'suspicious-activity',
    title: 'Suspicious activity',
    steps: [
      "Block the source address on the deployment's subnets",
      'Alert operations',
      'Lift the block when its time runs out, unless an engineer keeps it',
    ],
    stepNames: ['block', 'alert', 'lift-block', 'close'],
    available: true,
  },
};

/** The Temporal workflow type that runs each playbook (exported by name from @firebreak/workflows). */
export const PLAYBOOK_WORKFLOW_TYPES: Record<PlaybookId, string> = {
  'infrastructure-compromise': 'infrastructureCompromise',
  'application-compromise': 'applicationCompromise',
  'exploitable-vulnerability': 'exploitableVulnerability',
  'non-exploitable-vulnerability': 'nonExploitableVulnerability',
  'suspicious-activity': 'suspiciousActivity',
};

/** Names of the messages a running incident workflow accepts. */
export const INCIDENT_UPDATES = {
  /** Update: { actor, reason } → closes a contained incident. Validated synchronously. */
  closeIncident: 'closeIncident',
  /** Update: DecisionRequest → DecisionOutcome. Validated synchronously (gate pending, role, choice, reason). */
  decide: 'decide',
  /** Update: DeferralRequest → the agreed window. Single-tenant deployments only, within the policy's limit. */
  requestDeferral: 'requestDeferral',
} as const;

/** Queries every incident workflow answers. */
export const INCIDENT_QUERIES = {
  /** → { status, pendingDecisions: PendingDecision[], clocks: Clock[] } */
  state: 'incidentState',
} as const;
