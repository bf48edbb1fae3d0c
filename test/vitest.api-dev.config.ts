import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { root: import.meta.dirname, include: ['integration/api.test.ts'], globalSetup: ['./api-dev-setup.tmp.ts'], testTimeout: 60000, hookTimeout: 120000 } });
