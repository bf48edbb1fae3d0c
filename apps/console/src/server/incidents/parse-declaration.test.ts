import { FirebreakError, PLAYBOOKS } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { parseDeclaration } from './parse-declaration';

const valid = {
  playbook: 'infrastructure-compromise',
  deploymentIds: ['acme-prod'],
  severity: 'high',
  summary: '  Outbound traffic to an unknown host  ',
};

function refusal(body: unknown): FirebreakError {
  try {
    parseDeclaration(body);
  } catch (error) {
    if (error instanceof FirebreakError) return error;
    throw error;
  }
  throw new Error('expected the declaration to be refused');
}

describe('parseDeclaration', () => {
  it('accepts a valid declaration and trims the summary', () => {
    expect(parseDeclaration(valid).summary).toBe('Outbound traffic to an unknown host');
  });

  it('tells an unknown playbook apart from other field errors', () => {
    const error = refusal({ ...valid, playbook: 'ransomware', severity: 'urgent' });
    expect(error.code).toBe('UNKNOWN_PLAYBOOK');
    expect(error.message).toContain('"ransomware"');
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual(['playbook', 'severity']);
  });

  it('reports other problems as VALIDATION_FAILED with one field error per problem', () => {
    const error = refusal({ ...valid, deploymentIds: ['a', 'a'], summary: '' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual(['deploymentIds', 'summary']);
  });

  it('reports a missing playbook as a validation failure, not an unknown playbook', () => {
    const { playbook: _omitted, ...rest } = valid;
    expect(refusal(rest).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a documented playbook that is not automated yet', () => {
    // Playbooks become available one by one: the refusal is tested against a table where this one is not.
    const playbooks = { ...PLAYBOOKS, 'infrastructure-compromise': { ...PLAYBOOKS['infrastructure-compromise'], available: false } };
    let error: unknown;
    try {
      parseDeclaration(valid, playbooks);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FirebreakError);
    expect((error as FirebreakError).code).toBe('PLAYBOOK_NOT_AVAILABLE');
    expect((error as FirebreakError).message).toContain('not automated yet');
    expect((error as FirebreakError).fieldErrors).toEqual([{ path: 'playbook', message: 'not automated yet' }]);
  });

  it('asks for the source address of suspicious activity, and checks it is an address', () => {
    const base = { ...valid, playbook: 'suspicious-activity' };
    expect(refusal(base).fieldErrors.map((e) => e.path)).toEqual(['sourceAddress']);
    expect(refusal({ ...base, sourceAddress: '203.0.113.300' }).fieldErrors.map((e) => e.path)).toEqual(['sourceAddress']);
    const available = { ...PLAYBOOKS, 'suspicious-activity': { ...PLAYBOOKS['suspicious-activity'], available: true } };
    expect(parseDeclaration({ ...base, sourceAddress: '203.0.113.7' }, available).sourceAddress).toBe('203.0.113.7');
  });

  it('asks for the vulnerability, and why it is not exploitable for that playbook', () => {
    expect(refusal({ ...valid, playbook: 'exploitable-vulnerability' }).fieldErrors.map((e) => e.path)).toEqual(['vulnerability']);
    const vulnerability = {
      reference: 'CVE-2025-0001',
      title: 'Path traversal',
      component: 'transfer server',
      discoveredAt: '2025-11-27T10:00:00Z',
    };
    const error = refusal({ ...valid, playbook: 'non-exploitable-vulnerability', vulnerability });
    expect(error.fieldErrors.map((e) => e.path)).toEqual(['vulnerability.notExploitableBecause']);
    expect(
      refusal({
        ...valid,
        playbook: 'exploitable-vulnerability',
        vulnerability: { ...vulnerability, discoveredAt: 'yesterday' },
      }).fieldErrors.map((e) => e.path),
    ).toEqual(['vulnerability.discoveredAt']);
  });

  it('refuses a body that is not an object', () => {
    expect(refusal('declare!').fieldErrors).toEqual([{ path: 'body', message: expect.any(String) }]);
  });
});
