/**
 * `npm run bench -- bundle`: the console's JavaScript as a browser gets it. Builds the console
 * into a temporary folder, then reads the files: what the login page loads (the entry script
 * of index.html, its modulepreload links and every chunk they import statically), what the
 * console adds once signed in (admin/App.tsx's chunk and its static imports), the residents'
 * form page, and all JavaScript together. Sizes are gzip (level 9) per file, as sent.
 * Needs no database.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchResult } from './lib.js';

export const LOGIN_GOAL_KB = 250;
export const ALL_GOAL_KB = 450;

const ROOT = new URL('../..', import.meta.url).pathname;

/** A chunk as the build describes it: its file, the modules in it and its static imports. */
export type BuiltChunk = { fileName: string; moduleIds: string[]; imports: string[] };

/** Builds the console (both pages) into a new temporary folder; the caller removes `dir`. */
export async function buildConsole(): Promise<{ dir: string; chunks: BuiltChunk[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'otonari-bundle-'));
  // Under vitest NODE_ENV is "test", which would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      configFile: join(ROOT, 'admin/vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as { output: (BuiltChunk & { type: string })[] }[];
  return { dir, chunks: outputs.flatMap((o) => o.output.filter((c) => c.type === 'chunk')) };
}

export type PageLoad = { files: { file: string; kb: number }[]; kb: number };

export type BundleFigures = {
  login: PageLoad;
  /** What signing in adds (App and its static imports, minus what the login page loaded). */
  signedIn: PageLoad;
  requestForm: PageLoad;
  /** Every file the console can load: the login page and all it imports, also lazily. */
  console: PageLoad;
  all: PageLoad;
};

/** Reads a built `dist/admin`-shaped folder. */
export function measureBundle(dir: string): BundleFigures {
  const gz = new Map<string, number>();
  const kbOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
      gz.set(file, size);
    }
    return size;
  };
  // Minified chunks import each other as `import{…}from"./x.js"` or `import"./x.js"`; a
  // dynamic `import("./x.js")` has a parenthesis and is not followed.
  const staticImports = (file: string) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(/\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)].map(
      (m) => `assets/${m[1]}`,
    );
  const dynamicImports = (file: string) =>
    [...readFileSync(join(dir, file), 'utf8').matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => `assets/${m[1]}`);
  const closure = (starts: string[], lazyToo = false) => {
    const seen = new Set<string>();
    const todo = [...starts];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      todo.push(...staticImports(file), ...(lazyToo ? dynamicImports(file) : []));
    }
    return seen;
  };
  const pageStarts = (html: string) =>
    [...readFileSync(join(dir, html), 'utf8').matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  // Largest first.
  const load = (files: Iterable<string>): PageLoad => {
    const list = [...files].map((file) => ({ file, kb: kbOf(file) })).sort((a, b) => b.kb - a.kb);
    return { files: list, kb: list.reduce((sum, f) => sum + f.kb, 0) };
  };

  const assets = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const login = closure(pageStarts('index.html'));
  const wholeConsole = closure(pageStarts('index.html'), true);
  const app = assets.find((f) => /^assets\/App-[\w-]+\.js$/.test(f));
  if (!app) throw new Error('no App chunk: admin/App.tsx is no longer imported lazily');
  const signedIn = [...closure([app])].filter((f) => !login.has(f));
  return {
    login: load(login),
    signedIn: load(signedIn),
    requestForm: load(closure(pageStarts('request/index.html'))),
    console: load(wholeConsole),
    all: load(assets),
  };
}

const kb = (v: number) => `${v.toFixed(1)} KB`;
const list = (files: PageLoad['files']) => files.map((f) => `${f.file.replace('assets/', '')} ${kb(f.kb)}`).join(', ');

export async function benchBundle(): Promise<BenchResult> {
  const { dir } = await buildConsole();
  try {
    const f = measureBundle(dir);
    const met = f.login.kb < LOGIN_GOAL_KB && f.console.kb < ALL_GOAL_KB;
    return {
      name: 'bundle',
      what: "the console's JavaScript (`vite build`), gzip per file",
      data: `${f.all.files.length} JS files`,
      figures: `login page ${kb(f.login.kb)} (${f.login.files.length} files); signing in adds ${kb(f.signedIn.kb)}; the whole console ${kb(f.console.kb)} (${f.console.files.length} files); all JS with the residents' form ${kb(f.all.kb)}`,
      goal: `login < ${LOGIN_GOAL_KB} KB, whole console < ${ALL_GOAL_KB} KB`,
      met: met ? 'yes' : 'no',
      details: [
        `login page ${kb(f.login.kb)} (goal ${f.login.kb < LOGIN_GOAL_KB ? 'met' : 'not met'}): ${list(f.login.files)}`,
        `signing in adds ${kb(f.signedIn.kb)}: ${list(f.signedIn.files)}`,
        `residents' form page ${kb(f.requestForm.kb)}: ${list(f.requestForm.files)} (its 20 languages' texts load one at a time)`,
        `the whole console ${kb(f.console.kb)} (goal ${f.console.kb < ALL_GOAL_KB ? 'met' : 'not met'}), largest: ${list(f.console.files.slice(0, 8))}`,
        `all JS files ${kb(f.all.kb)} (${f.all.files.length} files, with the residents' form and its texts)`,
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
