import { tryAcquirePidLock } from './pid-lock';

export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';
  constructor(readonly pid: number) {
    super(`Firebreak is already running (pid ${pid}): stop it with Ctrl-C in its terminal`);
  }
}

export interface SingleInstanceLock {
  release(): void;
}

/** One `npm start` per data directory: the pid file says who runs it. Throws AlreadyRunningError if it is live. */
export function acquireSingleInstanceLock(pidFile: string): SingleInstanceLock {
  const result = tryAcquirePidLock(pidFile);
  if (!result.acquired) throw new AlreadyRunningError(result.holderPid);
  return { release: result.release };
}
