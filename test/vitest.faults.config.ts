import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

/**
 * Fault injection: crashes, restarts, outages and throttling against the same real services as the integration
 * tests (same global setup). Files run one after another: they kill processes and stop servers.
 */
export default defineConfig({
  // The console's modules import each other through its `@/` alias (apps/console/tsconfig.json); tests load them too.
  resolve: { alias: { '@/': fileURLToPath(new URL('../apps/console/src/', import.meta.url)) } },
  test: {
    name: 'faults',
    root: import.meta.dirname,
    include: ['faults/**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    setupFiles: ['support/quiet-temporal-logs.ts'],
    fileParallelism: false,
    // After unit and integration, not beside them: two cores, and these kill processes and stop servers.
    sequence: { groupOrder: 1 },
    testTimeout: 300_000,
    hookTimeout: 240_000,
  },
});
