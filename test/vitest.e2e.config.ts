import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['e2e/**/*.test.ts'],
    // The same Temporal + moto setup as the integration tests, then a current production build of the console.
    globalSetup: ['support/global-setup.ts', 'e2e/support/console-build-setup.ts'],
    setupFiles: ['support/quiet-temporal-logs.ts'],
    fileParallelism: false,
    // A browser, the console and a worker on two cores: run after the other projects, not beside them.
    sequence: { groupOrder: 1 },
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
});
