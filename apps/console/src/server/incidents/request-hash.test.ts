import type { Actor, DeclareIncidentRequest } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { declarationHash } from './request-hash';

const actor: Actor = { kind: 'user', id: 'u-1', name: 'On-call Engineer' };
const request: DeclareIncidentRequest = {
  playbook: 'suspicious-activity',
  deploymentIds: ['dep-b', 'dep-a'],
  severity: 'high',
  summary: 'Port scan from one address',
  sourceAddress: '203.0.113.7',
};

describe('declarationHash', () => {
  it('ignores deployment order and the display name', () => {
    expect(declarationHash({ ...request, deploymentIds: ['dep-a', 'dep-b'] }, { ...actor, name: 'Renamed' })).toBe(
      declarationHash(request, actor),
    );
  });

  it('tells apart declarations that differ in any field, the optional ones included', () => {
    const base = declarationHash(request, actor);
    const withoutSource = { ...request, sourceAddress: undefined };
    expect(declarationHash(withoutSource, actor)).not.toBe(base);
    expect(declarationHash({ ...request, sourceAddress: '203.0.113.8' }, actor)).not.toBe(base);
    expect(declarationHash(request, { ...actor, id: 'u-2' })).not.toBe(base);
    const vulnerability = { reference: 'CVE-2026-0001', title: 'Overflow', component: 'nodes', discoveredAt: '2026-11-01T00:00:00.000Z' };
    const declared = { ...withoutSource, playbook: 'exploitable-vulnerability' as const, vulnerability };
    expect(declarationHash(declared, actor)).not.toBe(
      declarationHash({ ...declared, vulnerability: { ...vulnerability, title: 'Other' } }, actor),
    );
  });
});
