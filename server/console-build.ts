import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files whose change always calls for a new console build, besides what the build lists. */
const ALWAYS = ['admin/vite.config.ts', 'package-lock.json'];

/**
 * Whether the console in `root/dist/admin` is missing or older than any project file it was
 * built from. The build writes that list to `sources.json` (see admin/vite.config.ts), so a
 * change in server/ code the console imports counts as well as one in admin/.
 */
export function consoleIsStale(root: string): boolean {
  const built = path.join(root, 'dist', 'admin', 'index.html');
  const listed = path.join(root, 'dist', 'admin', 'sources.json');
  if (!existsSync(built) || !existsSync(listed)) return true;
  const builtAt = statSync(built).mtimeMs;
  let sources: unknown;
  try {
    sources = JSON.parse(readFileSync(listed, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(sources)) return true;
  // A source that changed or disappeared; a new file shows up as a change in the file importing it.
  return [...sources.map(String), ...ALWAYS].some((file) => {
    const full = path.join(root, file);
    return !existsSync(full) || statSync(full).mtimeMs > builtAt;
  });
}
