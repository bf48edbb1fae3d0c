import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describeExit, type ServiceProcess, spawnService } from './spawn-service';

export class ConsoleBuildError extends Error {
  override readonly name = 'ConsoleBuildError';
}

/** Source trees the console's production build is made from. */
function consoleSources(root: string): string[] {
  return [
    join(root, 'apps', 'console', 'app'),
    join(root, 'apps', 'console', 'src'),
    join(root, 'apps', 'console', 'next.config.ts'),
    join(root, 'apps', 'console', 'package.json'),
    join(root, 'packages', 'domain', 'src'),
    join(root, 'packages', 'db', 'src'),
  ];
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the console needs a (re)build, or undefined if its last build is current. */
export function consoleBuildReason(root: string): string | undefined {
  const buildId = join(root, 'apps', 'console', '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'the console has not been built yet';
  const builtAt = statSync(buildId).mtimeMs;
  const changed = consoleSources(root).some((path) => newestMtime(path) > builtAt);
  return changed ? 'the console sources changed since its last build' : undefined;
}

/**
 * `npm run build -w @firebreak/console`, output to a log file. Returned as a process so a Ctrl-C during the build
 * can stop it; `done` rejects with the log's tail if the build fails.
 */
export function buildConsole(options: { root: string; env: Record<string, string>; logFile: string }): {
  process: ServiceProcess;
  done: Promise<void>;
} {
  const build = spawnService({
    name: 'console build',
    command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
    args: ['run', 'build', '-w', '@firebreak/console'],
    cwd: options.root,
    env: options.env,
    logFile: options.logFile,
  });
  const done = build.exited.then((exit) => {
    if (exit.code !== 0) {
      throw new ConsoleBuildError(`the console build ${describeExit(exit)}:\n${build.outputTail(40)}`);
    }
  });
  return { process: build, done };
}
