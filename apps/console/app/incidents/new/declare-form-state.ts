export interface DeclareFormValues {
  playbook: string;
  deploymentIds: string[];
  severity: string;
  summary: string;
}

export interface DeclareFormState {
  /** Sent with the declaration so a resubmission after a failure declares the same incident, not a second one. */
  idempotencyKey: string;
  message?: string;
  fieldErrors: Record<string, string>;
  values: DeclareFormValues;
}
