import { z } from 'zod';

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
      'Contained: wait for the on-call engineer to close the incident',
    ],
    available: true,
  },
  'application-compromise': {
    id: 'application-compromise',
    title: 'Application environment compromised',
    steps: ['Disconnect', 'Notify', 'Recreate a clean environment', 'Re-establish production', 'Monitor'],
    available: false,
  },
  'exploitable-vulnerability': {
    id: 'exploitable-vulnerability',
    title: 'Potentially exploitable vulnerability',
    steps: ['Bulletin within 2 h (24 h at most)', 'Fix released within 24 h', 'Maintenance schedule', 'Upgrade'],
    available: false,
  },
  'non-exploitable-vulnerability': {
    id: 'non-exploitable-vulnerability',
    title: 'Vulnerability not exploitable',
    steps: ['Bulletin explaining why', 'Fix in the next regular update train'],
    available: false,
  },
  'suspicious-activity': {
    id: 'suspicious-activity',
    title: 'Suspicious activity',
    steps: ['Block the source address', 'Alert operations', 'Lift the block after the policy TTL'],
    available: false,
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
} as const;
