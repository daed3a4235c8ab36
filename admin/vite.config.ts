import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const from_here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
  root: from_here('.'),
  plugins: [react()],
  build: {
    outDir: from_here('../dist/admin'),
    emptyOutDir: true,
    rolldownOptions: {
      // The residents' request form is a page of its own with a tiny bundle, not the console.
      input: { console: from_here('index.html'), request: from_here('request/index.html') },
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
