import { describe, expect, it } from 'vitest';
import { renderIncidentDetails } from './render-incident-details';

const data = {
  incidentId: 'inc-0123456789ab',
  playbookTitle: 'Infrastructure compromised',
  severity: 'critical',
  summary: 'Outbound traffic to <script>alert(1)</script> from the transfer hosts',
  declaredAt: '2026-11-27T10:00:00.000Z',
  containedAt: '2026-11-27T10:00:07.000Z',
  customerName: 'Acme Media',
  deployments: [{ id: 'shared-eu', name: 'Shared EU', instancesIsolated: 4, addressesReleased: 4 }],
};

describe('renderIncidentDetails', () => {
  it('names the incident, the customer and what was done', () => {
    const notice = renderIncidentDetails(data, 'Grace Hopper');
    expect(notice.subject).toBe(
      '[Security incident inc-0123456789ab] Acme Media: environment disconnected from public access',
    );
    expect(notice.text).toContain('Dear Grace Hopper,');
    expect(notice.text).toContain('Shared EU (shared-eu): 4 instance(s) isolated, 4 public address(es) released');
    expect(notice.text).toContain('2026-11-27T10:00:07.000Z');
  });

  it('escapes every value in the HTML part', () => {
    const notice = renderIncidentDetails(data, 'Eve <eve@example.com>');
    expect(notice.html).not.toContain('<script>');
    expect(notice.html).toContain('&lt;script&gt;');
    expect(notice.html).toContain('Eve &lt;eve@example.com&gt;');
  });

  it('refuses a customer name that would forge a header', () => {
    expect(() => renderIncidentDetails({ ...data, customerName: 'Acme\r\nBcc: attacker@example.com' }, 'Grace')).toThrow(
      /line breaks/,
    );
  });
});
