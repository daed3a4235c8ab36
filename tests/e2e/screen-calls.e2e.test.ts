import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from './helpers/casework.js';
import { useConsole } from './helpers/session.js';

/**
 * Which API calls each console screen makes when it is opened (a full page load, so the
 * layout's own calls — identity, settings, menu badges — count too), as a coordinator on the
 * demo data. `npm run bench -- screens` replays them; SCREEN_CALLS_WRITE=1 rewrites its fixture.
 */
const ui = useConsole('coordinator@demo.otonari.example');
const FIXTURE = new URL('../bench/screen-calls.json', import.meta.url);

const SCREENS = [
  '/',
  '/support-requests',
  '/support-requests/create',
  '/assignments',
  '/activity-reports',
  '/expenses',
  '/clients',
  '/volunteers',
  '/id-checks',
  '/partners',
  '/messages',
  '/follow-ups',
  '/reports',
  '/calendar',
];
const SHOWN = ['support-requests', 'clients', 'volunteers'];

type Walk = Record<string, string[]>;

async function callsOn(route: string): Promise<string[]> {
  const calls: string[] = [];
  const seen = (r: { url: () => string; method: () => string }) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) calls.push(`${r.method()} ${url.pathname}${url.search}`);
  };
  // The previous screen's last calls are not this one's.
  await ui.page.goto(`/#${route}`, { waitUntil: 'networkidle' });
  ui.page.on('request', seen);
  await ui.page.reload({ waitUntil: 'networkidle' });
  // A list asks only once the session is checked: wait until no new call came for a whole second.
  for (let waited = 0, before = -1; calls.length !== before && waited < 10; waited++) {
    before = calls.length;
    await ui.page.waitForTimeout(1000);
  }
  ui.page.off('request', seen);
  return calls;
}

/** A call without its ids and times: what the fixture is compared on. */
const shape = (call: string) => call.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/:id');

describe('API calls per console screen', () => {
  it('the home screen makes one call for its numbers and one for the menu badges; the fixture lists what each screen asks', async () => {
    const routes = [...SCREENS];
    for (const resource of SHOWN) {
      const [first] = await api<{ id: number }[]>(ui.page.request, 'GET', `/api/${resource}?range=[0,0]`);
      if (first) routes.push(`/${resource}/${first.id}/show`);
    }
    const walk: Walk = {};
    for (const route of routes) walk[route] = await callsOn(route);

    const home = walk['/']!.map(shape);
    expect(
      home.filter((c) => c === 'GET /api/dashboard'),
      JSON.stringify(walk['/']),
    ).toHaveLength(1);
    expect(home.filter((c) => c === 'GET /api/badges')).toHaveLength(1);
    // No card counts a list of its own any more.
    expect(
      home.filter((c) => /^GET \/api\/(support-requests|assignments|expenses|activity-reports|self-reports|messages|volunteers)$/.test(c)),
    ).toEqual([]);
    expect(home.filter((c) => c.startsWith('GET /api/reports/'))).toEqual([]);

    if (process.env.SCREEN_CALLS_WRITE) writeFileSync(FIXTURE, `${JSON.stringify(walk, null, 2)}\n`);
    const fixture: Walk = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const shapes = (w: Walk) =>
      Object.fromEntries(Object.entries(w).map(([k, v]) => [k.replace(/\/\d+\//, '/:id/'), [...new Set(v.map(shape))].sort()]));
    expect(shapes(fixture), 'tests/bench/screen-calls.json is out of date: run this file with SCREEN_CALLS_WRITE=1').toEqual(shapes(walk));
  });
});
