import { defineConfig } from 'vitest/config';

/** Browser tests: the built console in Debian's Chromium, against a real server on PGlite. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/helpers/template.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    env: { LOG_LEVEL: 'error' },
    testTimeout: 90_000,
    // A screen's data arrive over the real API: under CI's load a poll waits up to 10 s, not 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 180_000,
  },
});
