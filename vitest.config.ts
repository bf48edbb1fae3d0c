import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test; anything that needs a running service is under test/.
export default defineConfig({
  test: {
    projects: [
      {
        // The console's tsconfig keeps JSX for Next.js to compile; its components' unit tests need it compiled here.
        oxc: { jsx: { runtime: 'automatic' } },
        // The console's modules import each other through its `@/` alias (apps/console/tsconfig.json).
        resolve: { alias: { '@/': fileURLToPath(new URL('./apps/console/src/', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.test.ts', 'activities/src/**/*.test.ts'],
        },
      },
      './workflows/vitest.config.ts',
      './test/vitest.config.ts',
      './test/vitest.e2e.config.ts',
      './test/vitest.faults.config.ts',
    ],
  },
});
