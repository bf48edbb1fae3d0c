import type { IncidentStatus, Severity, StepName, StepStatus } from '@firebreak/domain';

/** Words for every state shown in the console: colour is never the only signal. */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  declared: 'Declared',
  active: 'Running',
  contained: 'Contained',
  recovering: 'Recovering',
  monitoring: 'Monitoring',
  maintenance: 'Maintenance',
  blocked: 'Source blocked',
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
  decide: 'Decide how to recover',
  rebuild: 'Rebuild on new infrastructure',
  'backup-notice': 'Send the backup environment details',
  recreate: 'Recreate a clean environment',
  reestablish: 'Re-establish production with the customer',
  'risk-communication': 'Communicate the risk',
  monitor: 'Heightened monitoring until both sign off',
  bulletin: 'Security bulletin',
  'fix-release': 'Fixed software released',
  'maintenance-schedule': 'Maintenance schedule',
  upgrade: 'Upgrade deployments',
  block: 'Block the source address',
  alert: 'Alert operations',
  'lift-block': 'Lift the block',
  close: 'Close the incident',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
