import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { inheritedEnv } from './env';
import { acquireToolLock } from './tool-lock';

const execFileAsync = promisify(execFile);

/**
 * Temporal's time-skipping test server, the one `TestWorkflowEnvironment.createTimeSkipping()` runs: a timer of 14 days
 * fires as soon as the workflow has nothing else to do. It is a Java program published to Maven Central; the version
 * follows the Java SDK's releases.
 */
export const TEMPORAL_TEST_SERVER_ARTIFACT = { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: '1.31.0' } as const;
const MAIN_CLASS = 'io.temporal.testserver.TestServer';
const FETCH_TIMEOUT_MS = 15 * 60_000;
const LOCK_WAIT_TIMEOUT_MS = 20 * 60_000;

export class TemporalTestServerError extends Error {
  override readonly name = 'TemporalTestServerError';
}

/**
 * The path of an executable that starts the test server (`<path> <port>`, as the SDK's ephemeral-server runner calls
 * it), fetching the server and its libraries with Maven into the tools cache the first time (~10 s from a warm Maven
 * repository). Needs `java` (17 or newer) and `mvn` on PATH.
 */
export async function ensureTemporalTestServer(options: { toolsDir: string; log?: (line: string) => void }): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { version } = TEMPORAL_TEST_SERVER_ARTIFACT;
  const home = join(options.toolsDir, `temporal-test-server-${version}`);
  const launcher = join(home, 'temporal-test-server');
  if (existsSync(launcher)) return launcher;

  mkdirSync(options.toolsDir, { recursive: true });
  const release = await acquireToolLock(join(options.toolsDir, 'temporal-test-server.lock'), 'Temporal test server', {
    timeoutMs: LOCK_WAIT_TIMEOUT_MS,
    log,
    fail: (message) => new TemporalTestServerError(message),
  });
  try {
    if (existsSync(launcher)) return launcher;
    await requireTool('java', ['-version']);
    await requireTool('mvn', ['--version']);
    // Fetched into a private directory and renamed: an interrupted fetch never leaves a launcher without its libraries.
    const staging = join(options.toolsDir, `.test-server-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      log(`Fetching the Temporal test server ${version} once with Maven (cached in ${options.toolsDir})...`);
      writeFileSync(join(staging, 'pom.xml'), pomFor(TEMPORAL_TEST_SERVER_ARTIFACT));
      await execFileAsync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'], {
        cwd: staging,
        env: inheritedEnv(),
        timeout: FETCH_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
        const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().slice(-4000);
        throw new TemporalTestServerError(`Maven could not fetch the Temporal test server ${version}:\n${output || error.message}`);
      });
      if (!readdirSync(join(staging, 'lib')).some((file) => file.startsWith('temporal-test-server-'))) {
        throw new TemporalTestServerError(`Maven finished but fetched no temporal-test-server jar into ${staging}/lib`);
      }
      // The launcher names its libraries by its own location, so the renamed directory keeps working.
      writeFileSync(
        join(staging, 'temporal-test-server'),
        `#!/bin/sh\nhere=$(dirname "$0")\nexec java -cp "$here/lib/*" ${MAIN_CLASS} "$@"\n`,
      );
      chmodSync(join(staging, 'temporal-test-server'), 0o755);
      rmSync(home, { recursive: true, force: true });
      renameSync(staging, home);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    log(`Temporal test server ready: ${launcher}`);
    return launcher;
  } finally {
    release();
  }
}

function pomFor(artifact: typeof TEMPORAL_TEST_SERVER_ARTIFACT): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>firebreak.tools</groupId>
  <artifactId>temporal-test-server-launcher</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>${artifact.groupId}</groupId>
      <artifactId>${artifact.artifactId}</artifactId>
      <version>${artifact.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

async function requireTool(command: string, args: string[]): Promise<void> {
  try {
    await execFileAsync(command, args, { timeout: 60_000 });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new TemporalTestServerError(
      `${missing ? `\`${command}\` was not found on PATH` : `\`${command} ${args.join(' ')}\` failed`}: the workflow unit tests ` +
        "run Temporal's time-skipping test server, a Java program fetched once with Maven. Install a JDK (17 or newer) and " +
        'Maven (e.g. `apt-get install default-jdk-headless maven`), then run the command again.',
    );
  }
}
