import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: Error;
}

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Where its output goes, if it has a log file. */
  readonly logFile: string | undefined;
  /** Resolves (never rejects) once the process has exited or failed to start. */
  readonly exited: Promise<ExitInfo>;
  /** The exit, once it happened. */
  exitInfo(): ExitInfo | undefined;
  /** The last lines of its output, for error messages. */
  outputTail(lines?: number): string;
  /** SIGTERM to its process group, SIGKILL after `graceMs`; resolves once it is gone. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Appends stdout and stderr here. Without it, only an in-memory tail is kept. */
  logFile?: string;
}

const MEMORY_TAIL_CHARS = 8000;
const DEFAULT_GRACE_MS = 10_000;

/**
 * Starts a long-running child in its own process group. The group matters twice: a terminal's Ctrl-C reaches only
 * the supervisor, which can then stop services in order; and stop() reaches grandchildren too (launcher shims,
 * Next's workers). If the supervisor exits without stopping it, the group is killed on the way out.
 */
export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  let memoryTail = '';
  let logFd: number | undefined;
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    logFd = openSync(options.logFile, 'a');
    writeSync(logFd, `\n--- ${new Date().toISOString()} ${options.name}: ${options.command} ${options.args.join(' ')}\n`);
  }
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
  });
  // The child holds its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  const keepTail = (chunk: Buffer): void => {
    memoryTail = (memoryTail + chunk.toString('utf8')).slice(-MEMORY_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);

  let exit: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      // 'error' without a pid means it never started; with a pid, 'exit' still follows.
      if (child.pid === undefined) {
        exit = { code: null, signal: null, error };
        resolve(exit);
      }
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });

  const killOnSupervisorExit = (): void => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnSupervisorExit);
  void exited.then(() => process.removeListener('exit', killOnSupervisorExit));

  return {
    name: options.name,
    pid: child.pid,
    logFile: options.logFile,
    exited,
    exitInfo: () => exit,
    outputTail(lines = 30) {
      const text = options.logFile ? readFileTail(options.logFile, MEMORY_TAIL_CHARS) : memoryTail;
      return text
        .split('\n')
        .slice(-lines - 1)
        .join('\n')
        .trimEnd();
    },
    async stop(graceMs = DEFAULT_GRACE_MS) {
      if (exit) return;
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Grandchildren that outlived the leader would hold ports: the group goes too.
      signalGroup(child, 'SIGKILL', true);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals, evenIfLeaderExited = false): void {
  if (child.pid === undefined) return;
  const leaderAlive = child.exitCode === null && child.signalCode === null;
  if (!leaderAlive && !evenIfLeaderExited) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already (ESRCH).
  }
}

export function describeExit(info: ExitInfo): string {
  if (info.error) return `could not start: ${info.error.message}`;
  if (info.signal) return `was killed by ${info.signal}`;
  return `exited with code ${info.code}`;
}

/** The last `maxChars` of a file, decoded as UTF-8 (a split character at the start is harmless). */
export function readFileTail(path: string, maxChars: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxChars);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
