import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureTemporalCli, findFreePort, startMotoServer, startTemporalDevServer, toolsDirFrom } from '@firebreak/stack';
import { workflowsPath } from '@firebreak/worker';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    motoEndpoint: string;
    workflowBundlePath: string;
    scratchDir: string;
  }
}

/**
 * Starts the real services every integration test talks to — a Temporal dev server (the CLI that `npm start` uses)
 * and moto's EC2 server — and bundles the workflows once for all test workers.
 */
export default async function setup(project: TestProject) {
  const scratchDir = mkdtempSync(join(tmpdir(), 'firebreak-test-'));
  const binary = await ensureTemporalCli({ toolsDir: toolsDirFrom() });
  const temporal = await startTemporalDevServer({
    binary,
    port: await findFreePort(),
    uiPort: await findFreePort(),
    dbFile: join(scratchDir, 'temporal.db'),
    logFile: join(scratchDir, 'temporal.log'),
  });
  const moto = await startMotoServer({ port: await findFreePort(), logFile: join(scratchDir, 'moto.log') });

  const bundle = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietLogger });
  const workflowBundlePath = join(scratchDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', temporal.address);
  project.provide('motoEndpoint', moto.endpoint);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('scratchDir', scratchDir);

  return async () => {
    await moto.stop();
    await temporal.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  };
}

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
