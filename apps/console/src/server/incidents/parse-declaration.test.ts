import { FirebreakError } from '@firebreak/domain';
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
    const error = refusal({ ...valid, playbook: 'exploitable-vulnerability' });
    expect(error.code).toBe('PLAYBOOK_NOT_AVAILABLE');
    expect(error.message).toContain('not automated yet');
  });

  it('refuses a body that is not an object', () => {
    expect(refusal('declare!').fieldErrors).toEqual([{ path: 'body', message: expect.any(String) }]);
  });
});
