import { describe, expect, it } from 'vitest';

import { replacementTags } from './replacement-tags';

describe('replacementTags', () => {
  it('keeps the old instance purpose tags and sets deployment, incident and lineage', () => {
    const tags = replacementTags(
      {
        InstanceId: 'i-0old',
        Tags: [
          { Key: 'Name', Value: 'shared-transfer-eu-transfer-node-1' },
          { Key: 'firebreak:role', Value: 'transfer-node-1' },
          { Key: 'firebreak:deployment', Value: 'stale' },
          { Key: 'firebreak:incident', Value: 'inc-000000000000' },
          { Key: 'firebreak:containment', Value: 'isolated' },
          { Key: 'firebreak:replaces', Value: 'i-0older' },
          { Key: 'aws:cloudformation:stack-name', Value: 'x' },
        ],
      },
      'inc-abcdefabcdef',
      'shared-transfer-eu',
    );
    expect(tags).toEqual([
      { Key: 'Name', Value: 'shared-transfer-eu-transfer-node-1' },
      { Key: 'firebreak:role', Value: 'transfer-node-1' },
      { Key: 'firebreak:deployment', Value: 'shared-transfer-eu' },
      { Key: 'firebreak:incident', Value: 'inc-abcdefabcdef' },
      { Key: 'firebreak:replaces', Value: 'i-0old' },
    ]);
  });
});
