import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The console's modules import each other through its `@/` alias (apps/console/tsconfig.json); tests load them too.
  resolve: { alias: { '@/': fileURLToPath(new URL('../apps/console/src/', import.meta.url)) } },
  test: {
    name: 'integration',
    root: import.meta.dirname,
    include: ['integration/**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    setupFiles: ['support/quiet-temporal-logs.ts'],
    // One Temporal server, one moto and two cores: files run one after another.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
