import type { ClockStatus, IncidentStatus, Severity, StepStatus } from '@firebreak/domain';

import { CLOCK_STATUS_LABELS, INCIDENT_STATUS_LABELS, SEVERITY_LABELS, STEP_STATUS_LABELS } from './labels';

const INCIDENT_SYMBOLS: Record<IncidentStatus, string> = {
  declared: '○',
  active: '◐',
  contained: '■',
  recovering: '◑',
  monitoring: '◉',
  maintenance: '◒',
  blocked: '⛔',
  closed: '✓',
  failed: '✕',
};

const STEP_SYMBOLS: Record<StepStatus, string> = { pending: '○', running: '◐', completed: '✓', failed: '✕' };

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <span className={`badge status-${status}`}>
      <span aria-hidden="true">{INCIDENT_SYMBOLS[status]}</span> {INCIDENT_STATUS_LABELS[status]}
    </span>
  );
}

/** `notRun`: the incident ended before this step's turn came (a path the decisions did not take). */
export function StepStatusBadge({ status, notRun = false }: { status: StepStatus; notRun?: boolean }) {
  if (notRun) {
    return (
      <span className="badge step-not-run">
        <span aria-hidden="true">–</span> Not run
      </span>
    );
  }
  return (
    <span className={`badge step-${status}`}>
      <span aria-hidden="true">{STEP_SYMBOLS[status]}</span> {STEP_STATUS_LABELS[status]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

const CLOCK_SYMBOLS: Record<ClockStatus, string> = { running: '◷', warned: '⚠', met: '✓', breached: '✕', cancelled: '–' };

export function ClockStatusBadge({ status }: { status: ClockStatus }) {
  return (
    <span className={`badge clock-${status}`}>
      <span aria-hidden="true">{CLOCK_SYMBOLS[status]}</span> {CLOCK_STATUS_LABELS[status]}
    </span>
  );
}
