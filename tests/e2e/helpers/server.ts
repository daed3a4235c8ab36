import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { loadConfig } from '../../../server/config.js';
import { CONSOLE_DIR, start } from '../../../server/index.js';

export type RunningServer = { url: string; stop: () => Promise<void>; knex: Knex };

/** The real server with demo data on a throwaway embedded database, on a free port. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html'))) {
    throw new Error('The console is not built: run `npm run build` before the browser tests.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'spot-e2e-'));
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
