import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Apps built without a logger of their own write only errors: the run's output stays readable.
    env: { LOG_LEVEL: 'error' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
