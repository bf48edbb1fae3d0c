import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { defineSearchAttributeKey } from '@temporalio/common';
import { SEARCH_ATTRIBUTE_TYPES } from '@firebreak/domain';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const scratchDir = mkdtempSync(join(tmpdir(), 'fb-api-'));
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: join(homedir(), '.cache/firebreak/tools/temporal') },
      searchAttributes: Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([n, t]) => defineSearchAttributeKey(n, t === 'Keyword' ? 'KEYWORD' : 'KEYWORD_LIST')),
    },
  });
  project.provide('temporalAddress', env.address);
  project.provide('scratchDir', scratchDir);
  return async () => { await env.teardown(); rmSync(scratchDir, { recursive: true, force: true }); };
}
