import type { NoticeRecipient } from '@firebreak/db';
import type { ContactRole, NoticePreview, PlaybookId, Policy } from '@firebreak/domain';

import { formatDuration } from '../../../components/format-time';

interface FirstNotice {
  kind: NoticePreview['kind'];
  /** Customer contacts with these roles; none means the notice goes to the operations team. */
  roles: ContactRole[];
  when: (policy: Policy) => string;
}

/** The first notice each playbook sends, and to whom: the first notify step of its workflow. */
export const FIRST_NOTICES: Record<PlaybookId, FirstNotice> = {
  'infrastructure-compromise': {
    kind: 'incident-details',
    roles: ['designated-technical'],
    when: () => 'once the deployments are disconnected',
  },
  'application-compromise': {
    kind: 'incident-details',
    roles: ['designated-technical'],
    when: () => 'once the deployments are disconnected',
  },
  'exploitable-vulnerability': {
    kind: 'bulletin-exploitable',
    roles: ['designated-technical'],
    when: (policy) => `at once; due within ${formatDuration(policy.bulletinTargetSeconds * 1000)} of discovery`,
  },
  'non-exploitable-vulnerability': { kind: 'bulletin-not-exploitable', roles: ['designated-technical'], when: () => 'at once' },
  'suspicious-activity': { kind: 'operations-alert', roles: [], when: () => 'once the source is blocked' },
};

/** Who gets the playbook's first notice, one row per recipient; `recipients` are the contacts with its roles. */
export function firstNoticesOf(playbook: PlaybookId, recipients: readonly NoticeRecipient[], policy: Policy): NoticePreview[] {
  const first = FIRST_NOTICES[playbook];
  const when = first.when(policy);
  if (first.roles.length === 0) {
    return [
      {
        kind: first.kind,
        when,
        recipientName: 'Operations',
        recipientEmail: policy.operationsEmail,
        customerId: null,
        customerName: null,
        contactId: null,
        role: null,
      },
    ];
  }
  return recipients
    .filter((r) => first.roles.includes(r.role))
    .map((r) => ({
      kind: first.kind,
      when,
      recipientName: r.name,
      recipientEmail: r.email,
      customerId: r.customerId,
      customerName: r.customerName,
      contactId: r.id,
      role: r.role,
    }));
}
