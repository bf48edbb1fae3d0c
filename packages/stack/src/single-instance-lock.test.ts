import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { tryAcquirePidLock } from './pid-lock';
import { acquireSingleInstanceLock, AlreadyRunningError } from './single-instance-lock';

/** A pid that certainly names no live process: one that ran and has been reaped. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('acquireSingleInstanceLock', () => {
  let dir: string;
  let pidFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'firebreak-lock-'));
    pidFile = join(dir, 'data', 'firebreak.pid');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes this process id into a new pid file and removes it on release', () => {
    const lock = acquireSingleInstanceLock(pidFile);
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(pidFile)).toBe(false);
  });

  it('refuses while the pid file names a live process, naming it', () => {
    const parentPid = process.ppid; // alive for as long as this test runs
    expect(tryAcquirePidLock(pidFile, parentPid).acquired).toBe(true);
    let caught: unknown;
    try {
      acquireSingleInstanceLock(pidFile);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AlreadyRunningError);
    expect((caught as AlreadyRunningError).pid).toBe(parentPid);
    expect((caught as Error).message).toBe(`Firebreak is already running (pid ${parentPid}): stop it with Ctrl-C in its terminal`);
    // The live holder's file is left alone.
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(parentPid));
  });

  it('replaces a stale pid file left by a process that is gone', () => {
    const stale = deadPid();
    expect(tryAcquirePidLock(pidFile, stale).acquired).toBe(true);
    const lock = acquireSingleInstanceLock(pidFile);
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('replaces a pid file with garbage in it', () => {
    mkdirSync(dirname(pidFile), { recursive: true });
    writeFileSync(pidFile, 'not a pid\n');
    const lock = acquireSingleInstanceLock(pidFile);
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });

  it('lets exactly one of two acquirers win, and the second only after the first releases', () => {
    const first = acquireSingleInstanceLock(pidFile);
    const second = tryAcquirePidLock(pidFile, process.ppid);
    expect(second.acquired).toBe(false);
    first.release();
    const third = tryAcquirePidLock(pidFile, process.ppid);
    expect(third.acquired).toBe(true);
  });

  it('does not remove a pid file that another process has taken over since', () => {
    const lock = acquireSingleInstanceLock(pidFile);
    writeFileSync(pidFile, `${process.ppid}\n`);
    lock.release();
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(process.ppid));
  });
});
