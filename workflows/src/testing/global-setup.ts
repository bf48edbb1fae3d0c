import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureTemporalTestServer, toolsDirFrom } from '@firebreak/stack';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testServerPath: string;
    workflowBundlePath: string;
  }
}

/** Fetches the time-skipping test server (once per machine) and bundles the workflows once for every test file. */
export default async function setup(project: TestProject) {
  const scratchDir = mkdtempSync(join(tmpdir(), 'firebreak-workflow-tests-'));
  const testServerPath = await ensureTemporalTestServer({ toolsDir: toolsDirFrom() });
  const bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../index.ts', import.meta.url)),
    logger: { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: console.warn, error: console.error },
  });
  const workflowBundlePath = join(scratchDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);
  project.provide('testServerPath', testServerPath);
  project.provide('workflowBundlePath', workflowBundlePath);
  return () => rmSync(scratchDir, { recursive: true, force: true });
}
