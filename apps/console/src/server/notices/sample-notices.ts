import type { NoticeContent, NoticeKind } from '@firebreak/domain';

const base = {
  incidentId: 'inc-0123456789ab',
  customerName: 'Acme Media',
  playbookTitle: 'Infrastructure compromised',
  severity: 'critical',
};
const at = (hours: number) => new Date(Date.UTC(2026, 10, 27, 10) + hours * 3_600_000).toISOString();
const vulnerability = {
  reference: 'CVE-2026-31337',
  title: 'Path traversal in the node API',
  component: 'asperanoded',
  discoveredAt: at(0),
  notExploitableBecause: 'the affected endpoint is not reachable in the hosted service.',
};

/** One sample of every notice kind, for the preview page: what each template says before a playbook sends it. */
export const SAMPLE_NOTICES: Record<NoticeKind, NoticeContent> = {
  'incident-details': {
    kind: 'incident-details',
    ...base,
    summary: 'Unexpected outbound traffic from the transfer hosts',
    declaredAt: at(0),
    containedAt: at(0.01),
    deployments: [{ id: 'shared-transfer-eu', name: 'Shared transfer EU', instancesIsolated: 4, addressesReleased: 4, remaining: [] }],
  },
  'risk-communication': {
    kind: 'risk-communication',
    ...base,
    summary: 'Unexpected outbound traffic from the transfer hosts',
    assessment: 'No evidence that stored content was read; transfers in flight may have been observed.',
    preserved: ['forensic snapshots of every volume', 'the isolated instances'],
    deployments: [{ id: 'shared-transfer-eu', name: 'Shared transfer EU' }],
  },
  'backup-environment-ready': {
    kind: 'backup-environment-ready',
    ...base,
    readyAt: at(3),
    environments: [
      { id: 'shared-transfer-eu', name: 'Shared transfer EU', region: 'eu-west-1', publicAddresses: ['203.0.113.10'], purpose: 'backup' },
    ],
  },
  'maintenance-schedule': {
    kind: 'maintenance-schedule',
    ...base,
    playbookTitle: 'Potentially exploitable vulnerability',
    reference: 'CVE-2026-31337',
    version: '4.4.2',
    deployments: [
      { id: 'northwind-transfer', name: 'Northwind transfer', tenancy: 'single', window: at(48), deferrableUntil: at(48 + 14 * 24) },
      { id: 'shared-transfer-eu', name: 'Shared transfer EU', tenancy: 'multi', window: at(1) },
    ],
  },
  'deferral-confirmation': {
    kind: 'deferral-confirmation',
    ...base,
    playbookTitle: 'Potentially exploitable vulnerability',
    deployment: { id: 'northwind-transfer', name: 'Northwind transfer' },
    agreedWindow: at(96),
    requestedBy: 'Ada Park',
    reason: 'Quarter-end deliveries',
  },
  'bulletin-exploitable': {
    kind: 'bulletin-exploitable',
    ...base,
    playbookTitle: 'Potentially exploitable vulnerability',
    vulnerability,
    fixExpectedBy: at(24),
  },
  'bulletin-not-exploitable': { kind: 'bulletin-not-exploitable', ...base, playbookTitle: 'Vulnerability not exploitable', vulnerability },
  'monitoring-sign-off-request': {
    kind: 'monitoring-sign-off-request',
    ...base,
    monitoringSince: at(4),
    checksRun: 96,
    lastFindings: ['no unexpected connections', 'no new listening ports'],
  },
  'incident-closed': {
    kind: 'incident-closed',
    ...base,
    closedAt: at(72),
    closedBy: 'Ada Engineer',
    outcome: 'Clean environment in production; both sides signed off.',
  },
  'service-restored': {
    kind: 'service-restored',
    ...base,
    restoredAt: at(2),
    reason: 'The outbound traffic was the customer’s own scheduled transfer to a new partner.',
    deployments: [{ id: 'shared-transfer-eu', name: 'Shared transfer EU', differences: [] }],
  },
  reminder: {
    kind: 'reminder',
    ...base,
    about: 'the incident details',
    at: at(0.01),
    regarding: { kind: 'incident-details', revision: 1 },
  },
};
