import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ROUTES } from '../server/openapi-routes.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

/** Every `router.<method>('<path>'` written in the server's own routers (the CRUD ones aside). */
function routesInSource(): { method: string; path: string; file: string }[] {
  const found: { method: string; path: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (full.endsWith('.ts') && !full.endsWith(path.join('http', 'crud.ts'))) {
        for (const m of readFileSync(full, 'utf8').matchAll(/\b(?:router|api)\.(get|post|put|delete)\(\s*'([^']+)'/g)) {
          found.push({ method: m[1]!, path: m[2]!.replace(/:(\w+)/g, '{$1}'), file: path.relative(process.cwd(), full) });
        }
      }
    }
  };
  walk(path.join(process.cwd(), 'server'));
  return found;
}

describe('OpenAPI description', () => {
  it("documents every route the server's routers declare, and each documented route exists", async () => {
    const doc = (await (await t.as('admin')).get('/api/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    for (const r of routesInSource()) {
      // Routers are mounted under a prefix; '/:file' serves '<resource>.csv', '/:resource' the import targets.
      const suffix = r.path === '/{file}' ? '.csv' : r.path === '/' ? '' : r.path;
      const hit = documented.filter(
        (d) => d.startsWith(`${r.method} /api/`) && (suffix ? d.endsWith(suffix) || d.endsWith(`${r.path}`) : true),
      );
      expect(hit.length, `${r.method.toUpperCase()} ${r.path} in ${r.file}`).toBeGreaterThan(0);
    }
    const admin = await t.as('admin');
    for (const r of CUSTOM_ROUTES) {
      const url = r.path.replace('{id}', '1').replace('{resource}', 'clients');
      const res = await admin[r.method](url);
      expect(res.body?.message, `${r.method.toUpperCase()} ${r.path}`).not.toBe('そのような API はありません。');
    }
  });

  it('lists PUT and DELETE only where the resource has them, and describes bodies and queries from the zod schemas', async () => {
    const doc = (await (await t.as('coordinator')).get('/api/openapi.json')).body;
    expect(doc.paths['/api/request-events/{id}'].put).toBeUndefined();
    expect(Object.keys(doc.paths['/api/request-events/{id}'].delete.responses)).toEqual(['401', '403', '409']);
    expect(doc.paths['/api/partners/{id}'].put).toBeDefined();
    const status = doc.paths['/api/support-requests/{id}/status'].post.requestBody.content['application/json'].schema;
    expect(status.properties.status.enum).toEqual(expect.arrayContaining(['received', 'checking', 'matching', 'closed']));
    const anonymise = doc.paths['/api/clients/{id}/anonymise'].post.requestBody.content['application/json'].schema;
    expect(anonymise.required).toEqual(expect.arrayContaining(['version', 'reason']));
    const encoding = doc.paths['/api/exports/{resource}.csv'].get.parameters.find((p: { name: string }) => p.name === 'encoding');
    expect(encoding.schema.enum).toEqual(expect.arrayContaining(['utf-8', 'shift_jis']));
    const month = doc.paths['/api/reports/monthly'].get.parameters.find((p: { name: string }) => p.name === 'month');
    expect(month.required).toBe(true);
    // CRUD and custom operations on one path are both kept.
    expect(doc.paths['/api/settings'].get).toBeDefined();
    expect(doc.paths['/api/settings'].put).toBeDefined();
  });
});
