import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../../server/config.js';
import { CONSOLE_DIR, start } from '../../../server/index.js';
import { tokyoDate } from '../../../server/domain/time.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's data folder with the demo data, and the Japan date it was seeded on. */
    e2eTemplate: { dir: string; seededOn: string } | null;
  }
}

/** Whether `npm run build` has made the console the server serves. */
export const consoleBuilt = () => existsSync(path.join(CONSOLE_DIR, 'index.html'));

/**
 * Migrates and seeds the demo data once per run: each browser test's server starts from a copy
 * of this folder (about 1 s) instead of migrating and seeding its own (about 8 s each).
 */
export default async function setup(project: TestProject) {
  if (!consoleBuilt()) {
    // startServer says what to do; nothing to prepare.
    project.provide('e2eTemplate', null);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'spot-e2e-tpl-'));
  const seededOn = tokyoDate(new Date());
  const { stop } = await start(loadConfig({ PORT: '0', DATA_DIR: dir, SEED_DEMO: 'true', LOG_LEVEL: 'error' }));
  await stop();
  project.provide('e2eTemplate', { dir, seededOn });
  return () => rmSync(dir, { recursive: true, force: true });
}
