import { spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleIsStale } from './console-build.js';

/**
 * `npm start`: builds the console when its build is missing or older than its sources, then
 * starts the server — so a newcomer needs nothing but `npm install && npm start`.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Built once, by the first process (not again by each of WEB_CONCURRENCY's workers).
if (cluster.isPrimary && consoleIsStale(ROOT)) {
  console.log('Building the console (admin/ → dist/admin)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'admin/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The console build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

await import('./index.js').then((m) => m.main());
