import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { workflowsPath } from '@firebreak/worker';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, inject, it } from 'vitest';

const HISTORIES_DIR = join(import.meta.dirname, '../histories');
const LOADER = join(import.meta.dirname, '../support/swap-calls-loader.cjs');

const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (message: string) => console.error(message),
};

/** Today's workflows, except that disconnect protects the instances where it released the public addresses, and the reverse. */
async function bundleWithReorderedDisconnect(): Promise<string> {
  const bundle = await bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    logger: quietLogger,
    webpackConfigHook: (config) => {
      config.module!.rules!.push({
        test: /building-blocks[\\/]disconnect-deployment\.ts$/,
        enforce: 'pre',
        use: [
          {
            loader: LOADER,
            options: { first: 'ec2.protectInstances(input)', second: 'ec2.releasePublicAddresses(input)' },
          },
        ],
      });
      return config;
    },
  });
  return bundle.code;
}

describe('a workflow change that reorders steps', () => {
  it('fails the replay of the recorded histories with a determinism violation', async () => {
    const reordered = { code: await bundleWithReorderedDisconnect() };
    const today = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
    expect(reordered.code).not.toBe(today.code);

    // The building block's own history: the playbooks run it as a child workflow, so theirs hold no such step.
    const file = 'disconnect-deployment.json';
    const history = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
    const replay = Worker.runReplayHistory({ workflowBundle: reordered }, history, file);
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError);
    await expect(replay).rejects.toThrow(/Activity type of scheduled event '\w+' does not match activity type of activity command/);
    // The control: the same history replays cleanly against the code it was recorded with.
    await expect(Worker.runReplayHistory({ workflowBundle: today }, history, file)).resolves.toBeUndefined();
  });
});
