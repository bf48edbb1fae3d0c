import type { ClockName, ClockStatus, DeciderRole, IncidentStatus, Severity, StepName, StepStatus } from '@firebreak/domain';

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
  restore: 'Restore after a false positive',
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

export const CLOCK_LABELS: Record<ClockName, string> = {
  containment: 'Containment (every deployment cut off)',
  'bulletin-target': 'Security bulletin (target)',
  'bulletin-limit': 'Security bulletin (hard limit)',
  'fix-release': 'Fixed software released',
  'backup-instance': 'Backup instance on new infrastructure',
};

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  running: 'Running',
  warned: 'Warned: deadline near',
  met: 'Met',
  breached: 'Breached',
  cancelled: 'Not needed any more',
};

export const DECIDER_ROLE_LABELS: Record<DeciderRole, string> = {
  'on-call': 'on-call engineers',
  administrator: 'administrators',
  contact: "the customer's contacts",
};

/** Words for the values a gate asks for besides the choice; a name without an entry is shown as it is. */
export const PARAMETER_LABELS: Record<string, string> = {
  version: 'Fixed version',
  imageId: 'Patched image (AMI id)',
};

/** Words for the choices gates offer; a choice without an entry is shown as it is. */
export const CHOICE_LABELS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  confirmed: 'Confirmed',
  'not-yet': 'Not yet',
  released: 'Released',
  satisfied: 'Satisfied',
  keep: 'Keep the block',
  'lift-now': 'Lift the block now',
};
