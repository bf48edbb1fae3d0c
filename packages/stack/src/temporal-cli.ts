import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { inheritedEnv } from './env';
import { acquireToolLock } from './tool-lock';

const execFileAsync = promisify(execFile);

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli';
/**
 * v1.5.1 is the newest tag that `go install <module>@<version>` accepts: later tags carry a `replace` directive in
 * their go.mod, which `go install` refuses outside the module's own tree.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MIN_GO = { major: 1, minor: 22 };
const BUILD_TIMEOUT_MS = 30 * 60_000;
const LOCK_WAIT_TIMEOUT_MS = 35 * 60_000;

export class TemporalCliError extends Error {
  override readonly name = 'TemporalCliError';
}

export interface EnsureTemporalCliOptions {
  /** Per-user cache outside the clone (see toolsDirFrom in env.ts). */
  toolsDir: string;
  /** Progress lines; defaults to stderr so a script's stdout stays clean. */
  log?: (line: string) => void;
}

/** The path of a Temporal CLI binary of the pinned version, building it with Go the first time. */
export async function ensureTemporalCli(options: EnsureTemporalCliOptions): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const binary = join(options.toolsDir, 'temporal');
  if (await hasPinnedVersion(binary)) return binary;

  mkdirSync(options.toolsDir, { recursive: true });
  const lockFile = join(options.toolsDir, 'temporal.build.lock');
  const release = await acquireToolLock(lockFile, 'Temporal CLI', {
    timeoutMs: LOCK_WAIT_TIMEOUT_MS,
    log,
    fail: (message) => new TemporalCliError(message),
  });
  try {
    // Another process may have built it while we waited for the lock.
    if (await hasPinnedVersion(binary)) return binary;
    await buildTemporalCli(options.toolsDir, binary, log);
    if (!(await hasPinnedVersion(binary))) {
      throw new TemporalCliError(`the Temporal CLI built at ${binary} does not report ${TEMPORAL_CLI_VERSION}`);
    }
    return binary;
  } finally {
    release();
  }
}

/** Reads the module version Go embedded in the binary (`go version -m`): the CLI itself reports a dev version. */
export async function installedTemporalCliVersion(binary: string): Promise<string | undefined> {
  if (!existsSync(binary)) return undefined;
  try {
    const { stdout } = await execFileAsync('go', ['version', '-m', binary], { timeout: 60_000 });
    return parseModuleVersion(stdout);
  } catch {
    return undefined; // unreadable or not a Go binary: rebuild (and a missing Go is reported by the build)
  }
}

/** The version on the `mod github.com/temporalio/cli vX.Y.Z h1:...` line of `go version -m` output. */
export function parseModuleVersion(goVersionOutput: string): string | undefined {
  for (const line of goVersionOutput.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === 'mod' && fields[1] === TEMPORAL_CLI_MODULE) return fields[2];
  }
  return undefined;
}

async function hasPinnedVersion(binary: string): Promise<boolean> {
  return (await installedTemporalCliVersion(binary)) === TEMPORAL_CLI_VERSION;
}

/** Fails with instructions if Go is missing or too old for the CLI's go.mod. */
export async function checkGo(): Promise<string> {
  const howToInstall =
    `Go ${MIN_GO.major}.${MIN_GO.minor} or newer is needed once, to build the Temporal CLI. Install it from ` +
    'https://go.dev/doc/install (or your package manager, e.g. `apt-get install golang-go` or `brew install go`), ' +
    'make sure `go version` works in this shell, then run the command again.';
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('go', ['version'], { timeout: 60_000 }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemporalCliError(code === 'ENOENT' ? `Go was not found on PATH. ${howToInstall}` : `\`go version\` failed. ${howToInstall}`);
  }
  const match = /go(\d+)\.(\d+)/.exec(stdout);
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  if (!match || major < MIN_GO.major || (major === MIN_GO.major && minor < MIN_GO.minor)) {
    throw new TemporalCliError(`found ${stdout.trim()}. ${howToInstall}`);
  }
  return stdout.trim();
}

async function buildTemporalCli(toolsDir: string, binary: string, log: (line: string) => void): Promise<void> {
  const goVersion = await checkGo();
  // Build into a private directory and rename: an interrupted build never leaves a half-written binary in place.
  const staging = join(toolsDir, `.build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} once with ${goVersion}, ~3 minutes (cached in ${toolsDir})...`);
  const started = Date.now();
  try {
    await runGoInstall(staging);
    renameSync(join(staging, 'temporal'), binary);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`Built the Temporal CLI in ${Math.round((Date.now() - started) / 1000)} s: ${binary}`);
}

function runGoInstall(gobin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['install', `${TEMPORAL_CLI_MODULE}/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...inheritedEnv(), GOBIN: gobin },
      stdio: ['ignore', 'inherit', 'pipe'],
      timeout: BUILD_TIMEOUT_MS,
    });
    let errorOutput = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      errorOutput = (errorOutput + chunk.toString('utf8')).slice(-4000);
    });
    child.once('error', (error) => reject(new TemporalCliError(`could not run go install: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new TemporalCliError(
            `go install of the Temporal CLI failed (${signal ? `killed by ${signal}` : `exit code ${code}`}):\n${errorOutput.trim()}`,
          ),
        );
    });
  });
}
