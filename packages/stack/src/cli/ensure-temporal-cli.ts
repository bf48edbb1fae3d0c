/** Builds the pinned Temporal CLI into the tools cache if it is missing, and prints its path. Used by `npm test`. */
import { toolsDirFrom } from '../env';
import { ensureTemporalCli } from '../temporal-cli';

try {
  const binary = await ensureTemporalCli({ toolsDir: toolsDirFrom() });
  process.stdout.write(`${binary}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
