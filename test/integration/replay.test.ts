import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const HISTORIES_DIR = join(import.meta.dirname, '../histories');

/**
 * Recorded histories of real runs, replayed against today's workflow code. A change that would break an incident
 * already in flight (a reordered step, a removed activity) fails here with a non-determinism error.
 * Record new ones with `FIREBREAK_RECORD_HISTORIES=1 npm test -- infrastructure-compromise`.
 */
describe('replay of recorded histories', () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`replays ${file} deterministically`, async () => {
      const history = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
      const workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
      await expect(Worker.runReplayHistory({ workflowBundle }, history, file)).resolves.toBeUndefined();
    });
  }
});
