import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildTables, COMPACT_HOLIDAYS_ID } from './build-tables';

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
// request forms) stay out of console-libs, in the chunks of the pages that use them.
const ONE_PAGE_LIBRARIES = /[\\/]node_modules[\\/](@mui[\\/]x-|d3-|@fullcalendar|@full-ui|temporal-|@holiday-jp)/;
// The residents' form page shares nothing with the console but these.
const REQUEST_FORM = /admin[\\/]request[\\/]|server[\\/]public[\\/]/;
// The date pickers: MUI X's and the console's fields around them.
const PICKERS = /[\\/]node_modules[\\/]@mui[\\/]x-date-pickers[\\/]|admin[\\/]fields[\\/]DateInputs\.tsx$/;
// What a screen may need besides console-libs, by name: the pickers, the holiday table, or a
// library of one page (charts, calendar).
const NEEDS = {
  pickers: PICKERS,
  holidays: new RegExp(`[\\\\/]node_modules[\\\\/]@holiday-jp[\\\\/]|^${COMPACT_HOLIDAYS_ID}$`),
  page: /[\\/]node_modules[\\/](@mui[\\/]x-charts|@fullcalendar|@full-ui)[\\/]/,
} as const;
type Need = keyof typeof NEEDS;

/** The module graph as the chunk groups below see it; filled once every module is parsed. */
const graph = {
  /** admin/App.tsx and all it imports statically: what signing in loads. */
  app: new Set<string>(),
  /** The home page (admin/dashboard/Dashboard.tsx) and its imports: the first screen after the sign-in. */
  home: new Set<string>(),
  /** What the login page imports lazily besides the console (the English messages), with their imports. */
  loginLater: new Set<string>(),
  /** Per module, the NEEDS among its static imports, transitively. */
  needs: new Map<string, Set<Need>>(),
};

/** Reads the module graph for CODE_SPLITTING (its `test`s run after this). */
function readGraph(): Plugin {
  return {
    name: 'read-graph',
    buildEnd() {
      const imports = (id: string) => this.getModuleInfo(id)?.importedIds ?? [];
      const closure = (starts: string[], into = new Set<string>()) => {
        const todo = [...starts];
        while (todo.length) {
          const id = todo.pop()!;
          if (into.has(id)) continue;
          into.add(id);
          todo.push(...imports(id));
        }
        return into;
      };
      const ids = [...this.getModuleIds()];
      graph.app.clear();
      graph.home.clear();
      graph.loginLater.clear();
      graph.needs.clear();
      const app = ids.filter((id) => /admin[\\/]App\.tsx$/.test(id));
      closure(app, graph.app);
      closure(
        ids.filter((id) => /admin[\\/]dashboard[\\/]Dashboard\.tsx$/.test(id)),
        graph.home,
      );
      const login = closure(ids.filter((id) => /admin[\\/]main\.tsx$/.test(id)));
      const later = [...login].flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []).filter((id) => !app.includes(id));
      for (const id of closure(later)) if (!login.has(id)) graph.loginLater.add(id);
      // Needs: each module's own, then its imports' until nothing changes (import cycles included).
      for (const id of ids) graph.needs.set(id, new Set((Object.keys(NEEDS) as Need[]).filter((n) => NEEDS[n].test(id))));
      for (let changed = true; changed; ) {
        changed = false;
        for (const id of ids) {
          const own = graph.needs.get(id)!;
          for (const dep of imports(id)) {
            for (const n of graph.needs.get(dep) ?? []) {
              if (!own.has(n)) {
                own.add(n);
                changed = true;
              }
            }
          }
        }
      }
    },
  };
}

const isOwnCode = (id: string) => !id.startsWith('\0') && !/[\\/]node_modules[\\/]/.test(id) && !REQUEST_FORM.test(id);
/** The console's own code loaded only with a screen (React.lazy), not at sign-in. */
const screenCode = (id: string) => isOwnCode(id) && !graph.app.has(id) && !graph.loginLater.has(id);
const needs = (id: string) => graph.needs.get(id) ?? new Set<Need>();

/**
 * How the console is cut (`npm run bench -- bundle` measures it). A group takes the modules its
 * `test` accepts and everything they import that a higher group did not take first.
 * - `login`: everything the entry loads before anyone signs in (admin/Root.tsx and the login
 *   page: React, the MUI parts they use, the messages) in the entry chunk, and nothing else;
 *   `login-later`: what that page loads lazily for itself (the English messages);
 * - `console-libs`: react-admin, the rest of MUI and the other libraries, one chunk fetched
 *   after the sign-in (a chunk per library piece would be many small files, each compressed alone);
 * - `App`: the console's frame (admin/App.tsx, the layout, the resources' definitions);
 * - the screens in a few chunks instead of one per screen (~100 files of 0.2–8 KB, each compressed
 *   alone, cost ~30 KB more): `home` (the first screen after the sign-in, kept small),
 *   `screens`, those that need nothing more, and `forms`, those that need the date pickers
 *   (`pickers`) or the holiday table. The reports and the calendar stay one chunk each with
 *   their libraries. Each screen is still loaded on demand (React.lazy in each resource's index).
 */
const CODE_SPLITTING = {
  groups: [
    // Vite's preload helper and polyfill: shared by both pages, so a tiny chunk of their own.
    { name: 'runtime', test: (id: string) => id.startsWith('\0'), priority: 70 },
    { name: 'login', tags: ['$initial' as const], test: (id: string) => !id.startsWith('\0') && !REQUEST_FORM.test(id), priority: 60 },
    { name: 'login-later', test: (id: string) => graph.loginLater.has(id), priority: 55 },
    {
      name: 'console-libs',
      test: (id: string) => /[\\/]node_modules[\\/]/.test(id) && !ONE_PAGE_LIBRARIES.test(id),
      priority: 50,
    },
    { name: 'App', test: (id: string) => graph.app.has(id), priority: 40 },
    // The home page on its own: the first screen after the sign-in stays small.
    { name: 'home', test: (id: string) => screenCode(id) && graph.home.has(id) && needs(id).size === 0, priority: 35 },
    // Before `pickers`, so that the helpers the pickers share with other screens stay here.
    { name: 'screens', test: (id: string) => screenCode(id) && needs(id).size === 0, priority: 30 },
    { name: 'pickers', test: (id: string) => PICKERS.test(id) && !graph.app.has(id), priority: 20 },
    { name: 'forms', test: (id: string) => screenCode(id) && !needs(id).has('page'), priority: 10 },
  ],
};

export default defineConfig({
  root: fromHere('.'),
  plugins: [react(), buildTables(), listSources(), readGraph()],
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
