import type { NoticeContent } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { renderNotice } from './render-notice';
import { NOTICE_TEMPLATES } from './templates/notice-templates';

const details: NoticeContent = {
  kind: 'incident-details',
  incidentId: 'inc-0123456789ab',
  playbookTitle: 'Infrastructure compromised',
  severity: 'critical',
  customerName: 'Acme Media',
  summary: 'Outbound traffic to <script>alert(1)</script> from the transfer hosts',
  declaredAt: '2026-11-27T10:00:00.000Z',
  containedAt: '2026-11-27T10:00:07.000Z',
  deployments: [{ id: 'shared-eu', name: 'Shared EU', instancesIsolated: 4, addressesReleased: 4, remaining: [] }],
};

describe('renderNotice', () => {
  it('names the incident, the customer and what was done', () => {
    const notice = renderNotice(details, 'Grace Hopper');
    expect(notice.subject).toBe('[Security incident inc-0123456789ab] Acme Media: environment disconnected from public access');
    expect(notice.text).toContain('Dear Grace Hopper,');
    expect(notice.text).toContain('Shared EU (shared-eu): 4 instance(s) isolated, 4 public address(es) released');
    expect(notice.text).toContain('2026-11-27 10:00:07 UTC');
  });

  it('says what was not cut off when containment is incomplete', () => {
    const remaining = ['instance i-1 still has the auto-assigned public address 203.0.113.9 on interface eni-1'];
    const notice = renderNotice({ ...details, deployments: [{ ...details.deployments[0]!, remaining }] }, 'Grace Hopper');
    expect(notice.text).toContain(`not yet cut off: ${remaining[0]}`);
    expect(notice.text).toContain('as far as we could');
    expect(notice.text).toContain('Our operations team has been alerted');
    expect(renderNotice(details, 'Grace Hopper').text).not.toContain('not yet cut off');
  });

  it('escapes every value in the HTML part', () => {
    const notice = renderNotice(details, 'Eve <eve@example.com>');
    expect(notice.html).not.toContain('<script>');
    expect(notice.html).toContain('&lt;script&gt;');
    expect(notice.html).toContain('Eve &lt;eve@example.com&gt;');
  });

  it('refuses a customer name that would forge a header', () => {
    expect(() => renderNotice({ ...details, customerName: 'Acme\r\nBcc: attacker@example.com' }, 'Grace')).toThrow(/line breaks/);
  });

  it('refuses content that does not match its kind', () => {
    expect(() => renderNotice({ ...details, kind: 'bulletin-exploitable' } as unknown as NoticeContent, 'Grace')).toThrow();
  });

  it('tells a single-tenant customer until when the maintenance may be moved', () => {
    const notice = renderNotice(
      {
        kind: 'maintenance-schedule',
        incidentId: 'inc-0123456789ab',
        playbookTitle: 'Potentially exploitable vulnerability',
        severity: 'high',
        customerName: 'Northwind',
        reference: 'CVE-2026-0001',
        version: '4.4.1',
        deployments: [
          {
            id: 'nw',
            name: 'Northwind',
            tenancy: 'single',
            window: '2026-11-28T02:00:00.000Z',
            deferrableUntil: '2026-12-12T02:00:00.000Z',
          },
        ],
      },
      'Ops',
    );
    expect(notice.text).toContain(
      'Northwind (dedicated service): 2026-11-28 02:00:00 UTC; you may ask to move it to any time until 2026-12-12 02:00:00 UTC',
    );
  });

  it('has a template for every notice kind', () => {
    expect(Object.keys(NOTICE_TEMPLATES).sort()).toMatchInlineSnapshot(`
      [
        "backup-environment-ready",
        "bulletin-exploitable",
        "bulletin-not-exploitable",
        "deferral-confirmation",
        "incident-closed",
        "incident-details",
        "maintenance-schedule",
        "monitoring-sign-off-request",
        "reminder",
        "risk-communication",
        "service-restored",
      ]
    `);
  });

  it("tells the customer their service is back, in the engineers' words, naming anything not put back", () => {
    const restored: NoticeContent = {
      kind: 'service-restored',
      incidentId: 'inc-0123456789ab',
      playbookTitle: 'Infrastructure compromised',
      severity: 'high',
      customerName: 'Acme Media',
      restoredAt: '2026-11-27T11:00:00.000Z',
      reason: 'the traffic was your own scheduled transfer',
      deployments: [
        { id: 'shared-eu', name: 'Shared EU', differences: [] },
        { id: 'edge', name: 'Edge', differences: ['interface eni-1 has no auto-assigned public address, had one'] },
      ],
    };
    const notice = renderNotice(restored, 'Grace Hopper');
    expect(notice.subject).toBe('[Security incident inc-0123456789ab] Acme Media: service restored');
    expect(notice.text).toContain('Why we concluded so: the traffic was your own scheduled transfer');
    expect(notice.text).toContain('Shared EU (shared-eu): as before the incident');
    expect(notice.text).toContain('Edge (edge): restored, except: interface eni-1 has no auto-assigned public address, had one');
  });
});
