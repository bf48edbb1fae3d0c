import { setTimeout as sleep } from 'node:timers/promises';

import { isProcessAlive, tryAcquirePidLock } from './pid-lock';

/**
 * Waits for the lock that keeps two processes (a test run and `npm start`, or parallel test files) from fetching or
 * building the same tool into the cache at once. Returns the function that releases it.
 */
export async function acquireToolLock(
  lockFile: string,
  tool: string,
  options: { timeoutMs: number; log: (line: string) => void; fail: (message: string) => Error },
): Promise<() => void> {
  const deadline = Date.now() + options.timeoutMs;
  let told = false;
  for (;;) {
    const result = tryAcquirePidLock(lockFile);
    if (result.acquired) return result.release;
    if (!told) {
      options.log(`Waiting for another process (pid ${result.holderPid}) to finish installing the ${tool}...`);
      told = true;
    }
    if (Date.now() > deadline) {
      throw options.fail(
        `gave up waiting for pid ${result.holderPid} to install the ${tool} (lock ${lockFile}); ` +
          (isProcessAlive(result.holderPid) ? 'it is still running' : 'remove the lock file and retry'),
      );
    }
    await sleep(2000);
  }
}
