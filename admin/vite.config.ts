import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ROOT = resolve(fromHere('.'), '..');

/**
 * Writes the project's own files that went into the build (from admin/, server/, anywhere
 * outside node_modules) to `sources.json`, so `npm start` rebuilds when any of them changes.
 */
function listSources(): Plugin {
  return {
    name: 'list-sources',
    generateBundle() {
      const files = [...this.getModuleIds()]
        .filter((id) => id.startsWith(ROOT) && !id.includes('/node_modules/') && !id.includes('\0'))
        .map((id) => relative(ROOT, id.split('?')[0]!))
        .sort();
      this.emitFile({ type: 'asset', fileName: 'sources.json', source: JSON.stringify([...new Set(files)], null, 1) });
    },
  };
}

// The libraries of single pages (the reports' charts, the calendar, the holiday table of the
// request forms) stay in those pages' chunks.
const ONE_PAGE_LIBRARIES = /[\\/]node_modules[\\/](@mui[\\/]x-|d3-|@fullcalendar|@full-ui|temporal-|@holiday-jp)/;
// The residents' form page shares nothing with the console but these.
const REQUEST_FORM = /admin[\\/]request[\\/]|server[\\/]public[\\/]/;

/**
 * How the console is cut (`npm run bench -- bundle` measures it):
 * - `login`: everything the entry loads before anyone signs in (admin/Root.tsx and the login
 *   page: React, the MUI parts they use, the messages) in the entry chunk, and nothing else;
 * - `console-libs`: react-admin, the rest of MUI and the other libraries, one chunk fetched
 *   after the sign-in (a chunk per library piece would be many small files, each compressed alone);
 * - the screens stay one lazy chunk each (React.lazy in each resource's index).
 */
const CODE_SPLITTING = {
  groups: [
    // Vite's preload helper and polyfill: shared by both pages, so a tiny chunk of their own.
    { name: 'runtime', test: (id: string) => id.startsWith('\0'), priority: 3 },
    { name: 'login', tags: ['$initial' as const], test: (id: string) => !id.startsWith('\0') && !REQUEST_FORM.test(id), priority: 2 },
    {
      name: 'console-libs',
      test: (id: string) => /[\\/]node_modules[\\/]/.test(id) && !ONE_PAGE_LIBRARIES.test(id),
      priority: 1,
    },
  ],
};

export default defineConfig({
  root: fromHere('.'),
  plugins: [react(), listSources()],
  resolve: { alias: [{ find: /^object\.entries$/, replacement: fromHere('shims/object-entries.cjs') }] },
  build: {
    outDir: fromHere('../dist/admin'),
    emptyOutDir: true,
    // console-libs is one chunk on purpose (see CODE_SPLITTING); the sizes that matter, gzip,
    // are watched by `npm run bench -- bundle` and tests/bundle.test.ts.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // The residents' request form is a page of its own with a tiny bundle, not the console.
      input: { console: fromHere('index.html'), request: fromHere('request/index.html') },
      output: {
        // The successor of rollup's manualChunks in Vite 8 (rolldown).
        codeSplitting: CODE_SPLITTING,
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // No changeOrigin: the server refuses writes whose Origin differs from Host, and the
    // browser's Origin is this dev server.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
