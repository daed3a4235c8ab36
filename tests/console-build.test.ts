import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleIsStale } from '../server/console-build.js';

/** A project folder with a console built at t=1000 s from the given sources. */
function project(sources: Record<string, number>, listed = Object.keys(sources)): string {
  const root = mkdtempSync(path.join(tmpdir(), 'console-build-'));
  const write = (file: string, seconds: number, text = '') => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    utimesSync(path.join(root, file), seconds, seconds);
  };
  for (const [file, at] of Object.entries(sources)) write(file, at);
  write('admin/vite.config.ts', 500);
  write('package-lock.json', 500);
  write('dist/admin/sources.json', 1000, JSON.stringify(listed));
  write('dist/admin/index.html', 1000);
  return root;
}

describe('npm start rebuilds the console', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const make = (...args: Parameters<typeof project>) => {
    const root = project(...args);
    roots.push(root);
    return root;
  };

  it('not when nothing it was built from changed', () => {
    expect(consoleIsStale(make({ 'admin/App.tsx': 900, 'server/reports/labels.ts': 900 }))).toBe(false);
  });

  it('when server code the console imports changed, not only admin/', () => {
    expect(consoleIsStale(make({ 'admin/App.tsx': 900, 'server/reports/labels.ts': 1100 }))).toBe(true);
  });

  it('when a source it was built from is gone, or the build lists nothing', () => {
    expect(consoleIsStale(make({ 'admin/App.tsx': 900 }, ['admin/App.tsx', 'admin/Removed.tsx']))).toBe(true);
    const root = make({ 'admin/App.tsx': 900 });
    rmSync(path.join(root, 'dist/admin/sources.json'));
    expect(consoleIsStale(root)).toBe(true);
  });

  it('when the build settings or the installed packages changed', () => {
    const root = make({ 'admin/App.tsx': 900 });
    utimesSync(path.join(root, 'package-lock.json'), 1100, 1100);
    expect(consoleIsStale(root)).toBe(true);
  });
});
