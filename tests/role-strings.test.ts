import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../server/domain/enums.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The two files allowed to name roles: the enumeration and the role table. */
const ALLOWED = new Set(['server/domain/enums.ts', 'server/domain/roles.ts']);

const QUOTED_ROLE = new RegExp(`(['"\`])(?:${ROLES.join('|')})\\1`, 'g');

/**
 * The lines with a quoted role name ('admin', "coordinator", `secretariat`…), except `admin` as
 * a path segment after 'dist' (the built console's folder).
 */
function roleNameLines(source: string): number[] {
  const hits: number[] = [];
  source.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(QUOTED_ROLE)) {
      if (/['"`]dist['"`],\s*$/.test(line.slice(0, match.index))) continue;
      hits.push(i + 1);
    }
  });
  return [...new Set(hits)];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe('role names', () => {
  it('are compared only in the role table: no quoted role name (admin above all) anywhere else in server/ or admin/', () => {
    const offenders = ['server', 'admin']
      .flatMap(sourceFiles)
      .filter((file) => !ALLOWED.has(file))
      .flatMap((file) => roleNameLines(readFileSync(path.join(ROOT, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(offenders, 'ask server/domain/roles.ts (canAccess, rolesAllowed, CASEWORK…) instead of naming a role').toEqual([]);
  });

  it('the scan finds the comparisons it is meant to find, and leaves paths alone', () => {
    for (const code of [
      "if (me.role !== 'admin' && me.id !== id) throw forbidden();",
      'if (permissions === "admin") return null;',
      "trx('staff').where({ role: 'admin', active: true })",
      "filter={{ role: ['coordinator', 'admin'] }}",
      'case `admin`:',
      "if (role === 'coordinator') return true;",
    ]) {
      expect(roleNameLines(code), code).toEqual([1]);
    }
    for (const code of ["path.join(ROOT, 'dist', 'admin')", "const x = 'administrator';", "role: { admin: 'Admin' }", '// an admin may'])
      expect(roleNameLines(code), code).toEqual([]);
  });
});
