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

// Big libraries change less often than our screens: separate chunks keep them cached
// across releases and keep every chunk well under the size budget.
const VENDOR_GROUPS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
  // Not MUI X (the charts): only the lazily loaded reports page needs them, so they travel in
  // its chunk. A group of their own would also take in their shared dependencies (React, MUI
  // utilities) and so become a chunk every page loads.
  { name: 'mui', test: /[\\/]node_modules[\\/](@mui(?![\\/]x-)|@emotion|@popperjs|react-transition-group)[\\/]/ },
  { name: 'react-admin', test: /[\\/]node_modules[\\/](react-admin|ra-[^\\/]+|@tanstack|react-hook-form|lodash)[\\/]/ },
];

export default defineConfig({
  root: fromHere('.'),
  plugins: [react(), listSources()],
  build: {
    outDir: fromHere('../dist/admin'),
    emptyOutDir: true,
    rolldownOptions: {
      // The residents' request form is a page of its own with a tiny bundle, not the console.
      input: { console: fromHere('index.html'), request: fromHere('request/index.html') },
      output: {
        // The successor of rollup's manualChunks in Vite 8 (rolldown).
        codeSplitting: { groups: VENDOR_GROUPS },
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
