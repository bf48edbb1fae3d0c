import { describe, expect, it } from 'vitest';

import { declarationFromForm, utcFromInput } from './declaration-from-form';
import { type DeclareFormValues, EMPTY_VULNERABILITY } from './declare-form-state';

const base: DeclareFormValues = {
  playbook: 'infrastructure-compromise',
  deploymentIds: ['acme-prod'],
  severity: 'high',
  summary: 'Outbound traffic',
  sourceAddress: '203.0.113.9',
  vulnerability: { ...EMPTY_VULNERABILITY, reference: 'CVE-2025-1' },
};

describe('declarationFromForm', () => {
  it('leaves out the fields another playbook would need', () => {
    expect(declarationFromForm(base)).toEqual({
      playbook: base.playbook,
      deploymentIds: ['acme-prod'],
      severity: 'high',
      summary: 'Outbound traffic',
    });
  });

  it('sends the source address for suspicious activity, and nothing when it is blank', () => {
    expect(declarationFromForm({ ...base, playbook: 'suspicious-activity', sourceAddress: ' 203.0.113.9 ' }).sourceAddress).toBe(
      '203.0.113.9',
    );
    expect(declarationFromForm({ ...base, playbook: 'suspicious-activity', sourceAddress: '  ' })).not.toHaveProperty('sourceAddress');
  });

  it('sends the vulnerability, with the reason it is not exploitable only for that playbook', () => {
    const vulnerability = {
      reference: 'CVE-2025-1',
      title: 'T',
      component: 'C',
      discoveredAt: '2025-11-27T10:00',
      notExploitableBecause: 'needs a local account',
    };
    expect(declarationFromForm({ ...base, playbook: 'exploitable-vulnerability', vulnerability }).vulnerability).toEqual({
      reference: 'CVE-2025-1',
      title: 'T',
      component: 'C',
      discoveredAt: '2025-11-27T10:00:00Z',
    });
    expect(declarationFromForm({ ...base, playbook: 'non-exploitable-vulnerability', vulnerability }).vulnerability).toMatchObject({
      notExploitableBecause: 'needs a local account',
    });
  });
});

describe('utcFromInput', () => {
  it.each([
    ['2025-11-27T10:00', '2025-11-27T10:00:00Z'],
    ['2025-11-27T10:00:30', '2025-11-27T10:00:30Z'],
    ['', ''],
    ['yesterday', 'yesterday'],
  ])('reads %j as %j', (input, output) => {
    expect(utcFromInput(input)).toBe(output);
  });
});
