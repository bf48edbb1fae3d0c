import { join } from 'node:path';

import { buildConsole, consoleBuildReason, repoRoot } from '@firebreak/stack';

/** Builds the console once when it has never been built or its sources changed since; `next start` serves the build. */
export default async function setup() {
  const root = repoRoot();
  const reason = consoleBuildReason(root);
  if (!reason) return;
  console.info(`building the console for the browser tests (${reason})`);
  const logFile = join(root, 'test', 'artifacts', 'console-build.log');
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  await buildConsole({ root, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, logFile }).done;
}
