#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh clone: plain Node, no dependencies, because it runs before
// they are installed. Installs what is missing, then hands over to the TypeScript code (through tsx).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [command, ...rest] = process.argv.slice(2);

const MIN_NODE = [20, 19];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
  console.error(`Firebreak needs Node ${MIN_NODE.join('.')} or newer (found ${process.versions.node}).`);
  process.exit(1);
}

function installIfNeeded() {
  const modules = join(root, 'node_modules');
  const lock = join(root, 'package-lock.json');
  // npm writes node_modules/.package-lock.json at the end of every install: its age is the install's age.
  const installed = join(modules, '.package-lock.json');
  const hasLock = existsSync(lock);
  const stale = !existsSync(modules) || !existsSync(installed) || (hasLock && statSync(installed).mtimeMs < statSync(lock).mtimeMs);
  if (!stale) return;
  const args = hasLock ? ['ci'] : ['install'];
  console.log(`Installing dependencies (npm ${args.join(' ')})...`);
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm ${args.join(' ')} failed${result.error ? `: ${result.error.message}` : ''}.`);
    process.exit(result.status ?? 1);
  }
}

/** Runs a child with the terminal, relays the signals this process receives, and exits with its exit code. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    // Ctrl-C reaches the child straight from the terminal too; the child treats a repeat as "still stopping".
    const relay = (signal) => () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const handlers = Object.fromEntries(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => [signal, relay(signal)]));
    for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
    child.once('error', (error) => {
      console.error(`could not run ${cmd}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler);
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1));
    });
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}

const node = process.execPath;

// The project pins Node 20 knowingly; the AWS SDK's notice about its future Node 22 requirement is noise on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

switch (command) {
  case 'start': {
    installIfNeeded();
    process.exit(await run(node, ['--import', 'tsx', 'packages/stack/src/start.ts', ...rest]));
    break;
  }
  case 'test': {
    installIfNeeded();
    const built = await run(node, ['--import', 'tsx', 'packages/stack/src/cli/ensure-temporal-cli.ts']);
    if (built !== 0) process.exit(built);
    // What `npx vitest run` resolves to, without npx's extra process between the terminal and the tests.
    process.exit(await run(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...rest]));
    break;
  }
  default:
    console.error('usage: node scripts/bootstrap.mjs start|test [args...]');
    process.exit(2);
}
