import { defineConfig } from 'vitest/config';

/** Browser tests: the built console in Debian's Chromium, against a real server on PGlite. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    env: { LOG_LEVEL: 'error' },
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
