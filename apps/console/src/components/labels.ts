import type { IncidentStatus, Severity, StepName, StepStatus } from '@firebreak/domain';

/** Words for every state shown in the console: colour is never the only signal. */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  declared: 'Declared',
  active: 'Running',
  contained: 'Contained',
  closed: 'Closed',
  failed: 'Failed: needs an engineer',
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  completed: 'Done',
  failed: 'Failed',
};

export const STEP_LABELS: Record<StepName, string> = {
  disconnect: 'Disconnect from the internet',
  notify: 'Notify technical contacts',
  close: 'Close the incident',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
