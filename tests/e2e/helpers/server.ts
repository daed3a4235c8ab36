import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { start } from '../../../server/index.js';
import { LOCK_FILE } from '../../../server/db/data-dir-lock.js';
import { tokyoDate } from '../../../server/domain/time.js';
import { consoleBuilt } from './template.js';

export type RunningServer = { url: string; stop: () => Promise<void>; knex: Knex };

/** The real server with demo data on a throwaway embedded database, on a free port. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!consoleBuilt()) {
    throw new Error('The console is not built: run `npm run build` before the browser tests.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-e2e-'));
  // The run's migrated and seeded folder (helpers/template.ts), unless Japan's date has changed
  // since it was seeded: the demo data are dated from the day they are loaded.
  const template = inject('e2eTemplate');
  if (template && template.seededOn === tokyoDate(new Date())) {
    cpSync(template.dir, dataDir, { recursive: true, filter: (from) => path.basename(from) !== LOCK_FILE });
  }
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, SEED_DEMO: 'true', ...env });
  const { server, stop, knex } = await start(config);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    knex,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
