import { defineConfig } from 'vitest/config';

// Workflow unit tests: the workflows run on Temporal's time-skipping test server with mocked activities, so a 14-day
// timer fires at once and no emulator or mail server is involved.
export default defineConfig({
  test: {
    name: 'workflows',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
