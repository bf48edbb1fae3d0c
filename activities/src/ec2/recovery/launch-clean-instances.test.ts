import { describe, expect, it } from 'vitest';

import { cleanInstanceClientToken } from './launch-clean-instances';

describe('cleanInstanceClientToken', () => {
  const key = { incidentId: 'inc-abcdefabcdef', deploymentId: 'northwind-transfer', purpose: 'backup' as const };

  it('is the same for the same environment, slot and attempt, and fits the 64-character limit', () => {
    const token = cleanInstanceClientToken(key, 1, 1);
    expect(cleanInstanceClientToken({ ...key }, 1, 1)).toBe(token);
    expect(token.length).toBeLessThanOrEqual(64);
    expect(token).toMatch(/^[\x21-\x7e]+$/);
  });

  it('differs per slot, attempt, purpose and incident', () => {
    const tokens = new Set([
      cleanInstanceClientToken(key, 1, 1),
      cleanInstanceClientToken(key, 2, 1),
      cleanInstanceClientToken(key, 1, 2),
      cleanInstanceClientToken({ ...key, purpose: 'recreate' }, 1, 1),
      cleanInstanceClientToken({ ...key, incidentId: 'inc-000000000000' }, 1, 1),
    ]);
    expect(tokens.size).toBe(5);
  });
});
