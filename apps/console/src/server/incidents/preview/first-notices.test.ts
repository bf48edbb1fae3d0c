import type { NoticeRecipient } from '@firebreak/db';
import { DEFAULT_POLICY, NoticePreview, PLAYBOOK_IDS } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { FIRST_NOTICES, firstNoticesOf } from './first-notices';

const recipients: NoticeRecipient[] = [
  { id: 'acme-tech', name: 'Ada Tech', email: 'ada@acme.example', role: 'designated-technical', customerId: 'acme', customerName: 'Acme' },
  { id: 'acme-boss', name: 'Bo Boss', email: 'bo@acme.example', role: 'management', customerId: 'acme', customerName: 'Acme' },
  {
    id: 'globex-tech',
    name: 'Gil Tech',
    email: 'gil@globex.example',
    role: 'designated-technical',
    customerId: 'globex',
    customerName: 'Globex',
  },
];

describe('firstNoticesOf', () => {
  it('tells each designated technical contact the incident details once a compromise is contained', () => {
    const notices = firstNoticesOf('infrastructure-compromise', recipients, DEFAULT_POLICY);
    expect(notices.map((n) => [n.contactId, n.kind, n.customerName])).toEqual([
      ['acme-tech', 'incident-details', 'Acme'],
      ['globex-tech', 'incident-details', 'Globex'],
    ]);
    expect(notices[0]!.when).toBe('once the deployments are disconnected');
  });

  it('sends the bulletin of each vulnerability playbook, with the policy target in words', () => {
    const [exploitable] = firstNoticesOf('exploitable-vulnerability', recipients, { ...DEFAULT_POLICY, bulletinTargetSeconds: 7200 });
    expect(exploitable).toMatchObject({ kind: 'bulletin-exploitable', when: 'at once; due within 2 h 0 min of discovery' });
    expect(firstNoticesOf('non-exploitable-vulnerability', recipients, DEFAULT_POLICY)[0]!.kind).toBe('bulletin-not-exploitable');
  });

  it('alerts operations, and no customer, for suspicious activity', () => {
    expect(firstNoticesOf('suspicious-activity', recipients, DEFAULT_POLICY)).toEqual([
      {
        kind: 'operations-alert',
        when: 'once the source is blocked',
        recipientName: 'Operations',
        recipientEmail: DEFAULT_POLICY.operationsEmail,
        customerId: null,
        customerName: null,
        contactId: null,
        role: null,
      },
    ]);
  });

  it('answers a valid notice preview for every playbook', () => {
    for (const playbook of PLAYBOOK_IDS) {
      for (const notice of firstNoticesOf(playbook, recipients, DEFAULT_POLICY)) expect(NoticePreview.parse(notice)).toEqual(notice);
      expect(FIRST_NOTICES[playbook].roles.every((r) => r === 'designated-technical')).toBe(true);
    }
  });
});
