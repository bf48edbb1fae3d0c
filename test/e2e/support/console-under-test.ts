import { join } from 'node:path';

import { findFreePort, repoRoot, startConsoleApp } from '@firebreak/stack';
import { inject } from 'vitest';

import { REGION, type TestContext } from '../../support/test-context';
import { TEST_LINK_SECRET } from '../../support/test-links';

export interface ConsoleUnderTest {
  url: string;
  stop(): Promise<void>;
}

/** `next start` of the built console against the test context's database, Temporal and moto, on a free port. */
export async function startConsoleUnderTest(ctx: TestContext): Promise<ConsoleUnderTest> {
  const port = await findFreePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const { url, process: app } = await startConsoleApp({
    consoleDir: join(repoRoot(), 'apps', 'console'),
    host: '127.0.0.1',
    port,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      FIREBREAK_DATABASE_PATH: ctx.databasePath,
      TEMPORAL_ADDRESS: ctx.temporalAddress,
      EC2_ENDPOINT: ctx.motoEndpoint,
      AWS_REGION: REGION,
      FIREBREAK_LINK_SECRET: TEST_LINK_SECRET,
    },
    logFile: join(inject('scratchDir'), `console-${port}.log`),
    readyTimeoutMs: 90_000,
  });
  return { url, stop: () => app.stop() };
}
