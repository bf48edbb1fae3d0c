import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type PidLockResult = { acquired: true; release(): void } | { acquired: false; holderPid: number };

/** Whether a process with this id exists. EPERM means it exists but belongs to someone else. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes a lock held by a file that names the holder's pid. The file is created exclusively (O_EXCL), so of two
 * racing processes only one wins; a file naming a dead process (a crash, a reboot) is stale and replaced.
 * `release` removes the file only while it still names this process.
 */
export function tryAcquirePidLock(path: string, pid: number = process.pid): PidLockResult {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      writeFileSync(path, `${pid}\n`, { flag: 'wx' });
      return {
        acquired: true,
        release() {
          if (readHolder(path) === pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder !== undefined && holder !== pid && isProcessAlive(holder)) return { acquired: false, holderPid: holder };
    // Stale, empty or our own leftover: remove it and try again (a racing process may win the retry; that is fine).
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}
