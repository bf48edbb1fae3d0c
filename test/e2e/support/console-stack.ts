import { TASK_QUEUE } from '@firebreak/domain';
import type { Browser } from 'playwright-core';

import { createTestContext, type TestContext } from '../../support/test-context';
import { launchChromium } from './browser';
import { type ConsoleUnderTest, startConsoleUnderTest } from './console-under-test';

/** What a browser test file shares: the real services, a worker, the built console in front of them, and Chromium. */
export interface ConsoleStack {
  ctx: TestContext;
  app: ConsoleUnderTest;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the stack for one test file. Whatever started before a failure is stopped again, so a broken start never
 * leaves a worker polling or a console running.
 */
export async function startConsoleStack(name: string): Promise<ConsoleStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    // The console starts workflows on the real task queue, so this file's worker polls that one.
    const ctx = await createTestContext(name, { taskQueue: TASK_QUEUE });
    stops.push(() => ctx.close());
    stops.push((await ctx.startWorker()).stop);
    const app = await startConsoleUnderTest(ctx);
    stops.push(() => app.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    return { ctx, app, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
