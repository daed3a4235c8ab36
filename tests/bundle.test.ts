import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_HOLIDAYS_ID, ISO_CODES_IDS } from '../admin/build-tables.js';
import { buildConsole, LOGIN_GOAL_KB, measureBundle, type BuiltChunk, type BundleFigures } from './bench/bundle.js';

/**
 * The console's cut, on a real `vite build`: the login page loads neither react-admin nor the
 * screens, charts or calendar, and stays under its size budget (`npm run bench -- bundle`
 * prints the figures). Sizes, not timings.
 */
let dir = '';
let chunks: BuiltChunk[] = [];
let figures: BundleFigures;

beforeAll(async () => {
  ({ dir, chunks } = await buildConsole());
  figures = measureBundle(dir);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const modulesOf = (files: { file: string }[]) =>
  files.flatMap(({ file }) => chunks.find((c) => c.fileName === file)?.moduleIds ?? [`(unknown chunk ${file})`]);

describe('console bundle', () => {
  it('gives the login page no react-admin, forms, charts, calendar or screens', () => {
    const modules = modulesOf(figures.login.files);
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.some((m) => m.includes('admin/totp/LoginPage'))).toBe(true);
    // react-admin's default theme is only an object (the login page uses the console's theme).
    const heavy = modules
      .filter((m) => !m.includes('ra-ui-materialui/dist/theme/'))
      .filter((m) =>
        /node_modules[\\/](react-admin|ra-ui-materialui|ra-data-simple-rest|react-hook-form|@tanstack|@mui[\\/]x-|@fullcalendar|temporal-polyfill|lodash)[\\/]|admin[\\/](App\.tsx|reports|calendar|clients|support-requests|dashboard)[\\/]?/.test(
          m,
        ),
      );
    expect(heavy).toEqual([]);
  });

  it('keeps the login page under its budget', () => {
    expect(figures.login.kb).toBeLessThan(LOGIN_GOAL_KB);
  });

  it('loads react-admin after the sign-in, and the charts and the calendar only on their pages', () => {
    const after = modulesOf(figures.signedIn.files);
    expect(after.some((m) => /node_modules[\\/]ra-ui-materialui[\\/]/.test(m))).toBe(true);
    expect(after.filter((m) => /node_modules[\\/](@fullcalendar|temporal-polyfill|@mui[\\/]x-charts)[\\/]/.test(m))).toEqual([]);
  });

  it('opens the home page with its own small chunk: no other screen, pickers, holiday table, charts or calendar', () => {
    const home = chunks.find((c) => c.moduleIds.some((m) => /admin[\\/]dashboard[\\/]Dashboard\.tsx$/.test(m)));
    expect(home?.fileName).toMatch(/^assets\/home-/);
    // The home chunk and every chunk it imports statically.
    const loaded = new Set<string>();
    const todo = [home!.fileName];
    while (todo.length) {
      const file = todo.pop()!;
      if (loaded.has(file)) continue;
      loaded.add(file);
      todo.push(...(chunks.find((c) => c.fileName === file)?.imports ?? []));
    }
    // What opening the home page adds to what signing in loaded.
    const before = new Set([...figures.login.files, ...figures.signedIn.files].map((f) => f.file));
    const modules = modulesOf([...loaded].filter((file) => !before.has(file)).map((file) => ({ file })));
    expect(modules.some((m) => /admin[\\/]dashboard[\\/]/.test(m))).toBe(true);
    expect(
      modules.filter((m) =>
        /@mui[\\/]x-|@fullcalendar|holiday|admin[\\/](fields[\\/]DateInputs|clients|support-requests[\\/]Support)/.test(m),
      ),
    ).toEqual([]);
  });

  it('bundles the build-time holiday table and ISO code lists, not the libraries', () => {
    const all = chunks.flatMap((c) => c.moduleIds);
    expect(all).toEqual(expect.arrayContaining([COMPACT_HOLIDAYS_ID, ...Object.values(ISO_CODES_IDS)]));
    expect(all.filter((m) => /node_modules[\\/](@holiday-jp|iso-639-1|i18n-iso-countries)[\\/]/.test(m))).toEqual([]);
  });

  it("gives the residents' form page none of the console", () => {
    const files = figures.requestForm.files.map((f) => f.file);
    expect(files.some((f) => /^assets\/request-/.test(f))).toBe(true);
    expect(modulesOf(figures.requestForm.files).filter((m) => /admin[\\/](totp|providers|Root)|node_modules[\\/]@mui/.test(m))).toEqual([]);
    expect(figures.requestForm.kb).toBeLessThan(20);
  });
});
