import type { NoticeContent, NoticeContentOf } from '@firebreak/domain';

import type { NoticeDraft } from './notice-layout';

type Templates = { [K in NoticeContent['kind']]: (content: NoticeContentOf<K>) => NoticeDraft };

const tag = (c: { incidentId: string }) => `[Security incident ${c.incidentId}]`;
const utc = (iso: string) => `${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC`;
const incidentFacts = (c: NoticeContent): [string, string][] => [
  ['Incident', c.incidentId],
  ['Playbook', c.playbookTitle],
  ['Severity', c.severity],
];

/** The words of every notice a customer's contacts can receive. */
export const NOTICE_TEMPLATES: Templates = {
  'incident-details': (c) => ({
    subject: `${tag(c)} ${c.customerName}: environment disconnected from public access`,
    paragraphs: [
      'We suspect that the environment of your transfer service may have been compromised. As a precaution we ' +
        (c.deployments.some((d) => d.remaining.length > 0)
          ? `disconnected it from public access as far as we could by ${utc(c.containedAt)}.`
          : `disconnected it from public access at ${utc(c.containedAt)}.`),
      `What we know: ${c.summary}`,
    ],
    facts: [...incidentFacts(c), ['Declared', utc(c.declaredAt)]],
    list: {
      heading: 'Affected deployments:',
      items: c.deployments.map(
        (d) =>
          `${d.name} (${d.id}): ${d.instancesIsolated} instance(s) isolated, ${d.addressesReleased} public address(es) released` +
          (d.remaining.length > 0 ? `; not yet cut off: ${d.remaining.join('; ')}` : ''),
      ),
    },
    closing: [
      ...(c.deployments.some((d) => d.remaining.length > 0)
        ? [
            'Some paths to the internet could not be closed yet (listed above). Our operations team has been alerted ' +
              'and is working on them; we will write again once they are closed.',
          ]
        : []),
      'Instances, their disks and their addresses are preserved for investigation; nothing has been deleted.',
      'Our operations team will now decide whether a clean environment on new infrastructure can be provided, and ' +
        'will write to you about any risk to your content as soon as it is known.',
    ],
  }),
  'backup-environment-ready': (c) => ({
    subject: `${tag(c)} ${c.customerName}: your clean environment is ready`,
    paragraphs: [
      `A clean environment on new infrastructure has been ready since ${utc(c.readyAt)}. It was built from a ` +
        'known-good image, with a firewall that allows only the transfer, application and SSH (port 3001) flows.',
    ],
    facts: incidentFacts(c),
    list: {
      heading: 'New environments:',
      items: c.environments.map((e) => `${e.name} (${e.id}) in ${e.region}: ${e.publicAddresses.join(', ') || 'no public address yet'}`),
    },
    closing: ['We monitor the new environment closely until you and our operations team are both satisfied.'],
  }),
  'risk-communication': (c) => ({
    subject: `${tag(c)} ${c.customerName}: risk to your content`,
    paragraphs: [`This message explains the risk to your content from the incident: ${c.summary}`, `Our assessment: ${c.assessment}`],
    facts: incidentFacts(c),
    list: { heading: 'Preserved for investigation:', items: c.preserved },
    closing: ['We will tell you at once if the assessment changes.'],
  }),
  'monitoring-sign-off-request': (c) => ({
    subject: `${tag(c)} ${c.customerName}: are you satisfied that no vulnerability remains?`,
    paragraphs: [
      `We have monitored your new environment closely since ${utc(c.monitoringSince)} (${c.checksRun} checks).`,
      'Please tell us when you are fully satisfied that no vulnerability remains; monitoring continues until you ' +
        'and our operations team have both signed off.',
    ],
    facts: incidentFacts(c),
    list: c.lastFindings.length ? { heading: 'Latest findings:', items: c.lastFindings } : undefined,
  }),
  'incident-closed': (c) => ({
    subject: `${tag(c)} ${c.customerName}: incident closed`,
    paragraphs: [`The incident was closed at ${utc(c.closedAt)} by ${c.closedBy}.`, `Outcome: ${c.outcome}`],
    facts: incidentFacts(c),
  }),
  'service-restored': (c) => ({
    subject: `${tag(c)} ${c.customerName}: service restored`,
    paragraphs: [
      `Our investigation found no compromise after all, and at ${utc(c.restoredAt)} we restored public access to your ` +
        'environment exactly as it was before we disconnected it.',
      `Why we concluded so: ${c.reason}`,
    ],
    facts: incidentFacts(c),
    list: {
      heading: 'Restored deployments:',
      items: c.deployments.map((d) =>
        d.differences.length === 0
          ? `${d.name} (${d.id}): as before the incident`
          : `${d.name} (${d.id}): restored, except: ${d.differences.join('; ')}`,
      ),
    },
    closing: [
      'The forensic snapshots and the containment firewall rules are kept, unused, for the record of this incident.',
      'If anything does not work as before, reply to this message or call our operations team.',
    ],
  }),
  'bulletin-exploitable': (c) => ({
    subject: `[Security bulletin ${c.vulnerability.reference}] ${c.vulnerability.title}`,
    paragraphs: [
      `A vulnerability that could be exploitable was found in ${c.vulnerability.component} ` +
        `(discovered ${utc(c.vulnerability.discoveredAt)}).`,
      `Fixed software will be available by ${utc(c.fixExpectedBy)}; we will then email you the maintenance schedule.`,
    ],
    facts: [['Reference', c.vulnerability.reference], ...incidentFacts(c)],
  }),
  'bulletin-not-exploitable': (c) => ({
    subject: `[Security bulletin ${c.vulnerability.reference}] ${c.vulnerability.title}: not exploitable in your service`,
    paragraphs: [
      `A vulnerability was reported in ${c.vulnerability.component}. It is not exploitable in your service: ` +
        (c.vulnerability.notExploitableBecause ?? ''),
      'The fix ships with the next regular update; no action is needed from you.',
    ],
    facts: [['Reference', c.vulnerability.reference], ...incidentFacts(c)],
  }),
  'maintenance-schedule': (c) => ({
    subject: `${tag(c)} ${c.customerName}: maintenance schedule for ${c.reference}`,
    paragraphs: [`Version ${c.version} corrects ${c.reference}. Your deployments will be upgraded as follows.`],
    facts: incidentFacts(c),
    list: {
      heading: 'Schedule:',
      items: c.deployments.map((d) =>
        d.tenancy === 'multi'
          ? `${d.name} (shared service): upgraded immediately, from ${utc(d.window)}`
          : `${d.name} (dedicated service): ${utc(d.window)}` +
            (d.deferrableUntil ? `; you may ask to move it to any time until ${utc(d.deferrableUntil)}` : ''),
      ),
    },
  }),
  'deferral-confirmation': (c) => ({
    subject: `${tag(c)} ${c.customerName}: maintenance moved to ${utc(c.agreedWindow)}`,
    paragraphs: [
      `As requested by ${c.requestedBy}, the maintenance of ${c.deployment.name} will take place at ${utc(c.agreedWindow)}.`,
      `Reason given: ${c.reason}`,
    ],
    facts: incidentFacts(c),
  }),
  reminder: (c) => ({
    subject: `${tag(c)} ${c.customerName}: reminder`,
    paragraphs: [
      c.regarding
        ? `A reminder: we have not had your acknowledgement of ${c.about} we sent you at ${utc(c.at)}. ` +
          'Please open the link below to read it again and acknowledge it.'
        : `A reminder: ${c.about} at ${utc(c.at)}.`,
    ],
    facts: incidentFacts(c),
  }),
};
