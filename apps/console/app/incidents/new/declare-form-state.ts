export interface VulnerabilityFormValues {
  reference: string;
  title: string;
  component: string;
  /** As the form's datetime-local input gives it, read as UTC. */
  discoveredAt: string;
  notExploitableBecause: string;
}

export interface DeclareFormValues {
  playbook: string;
  deploymentIds: string[];
  severity: string;
  summary: string;
  sourceAddress: string;
  vulnerability: VulnerabilityFormValues;
}

export interface DeclareFormState {
  /** Sent with the declaration so a resubmission after a failure declares the same incident, not a second one. */
  idempotencyKey: string;
  message?: string;
  fieldErrors: Record<string, string>;
  values: DeclareFormValues;
}

export const EMPTY_VULNERABILITY: VulnerabilityFormValues = {
  reference: '',
  title: '',
  component: '',
  discoveredAt: '',
  notExploitableBecause: '',
};

export const VULNERABILITY_PLAYBOOKS: readonly string[] = ['exploitable-vulnerability', 'non-exploitable-vulnerability'];
