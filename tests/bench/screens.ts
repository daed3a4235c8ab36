import { readFileSync } from 'node:fs';
import request from 'supertest';
import { buildApp } from '../../server/app.js';
import { knexForPglite, newPglite } from '../../server/db/index.js';
import { migrateLatest } from '../../server/db/migrate.js';
import { tokyoDate } from '../../server/domain/time.js';
import { createLogger } from '../../server/log.js';
import { DEMO_PASSWORD, seedDemo } from '../../seeds/demo.js';
import { seedReference } from '../../seeds/reference.js';
import { fmtMs, log, percentile, timed, type BenchResult } from './lib.js';

const GOAL_MS = 300;
const ROUNDS = 10;
/** Each screen's API calls, captured by tests/e2e/screen-calls.e2e.test.ts from the real console. */
const FIXTURE = new URL('./screen-calls.json', import.meta.url);

/**
 * The home screen's calls before GET /api/dashboard and GET /api/badges (commit 3169366), read
 * off its widgets: every card asked its list for a total, the strip of month figures the monthly report.
 */
const HOME_BEFORE = (me: number, now: Date) => {
  const day = (offset: number) => `${tokyoDate(new Date(now.getTime() + offset * 86_400_000))}T00:00:00+09:00`;
  const month = tokyoDate(now).slice(0, 7);
  const list = (resource: string, filter: object, range = '[0,0]', sort = '["id","DESC"]') =>
    `GET /api/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter), range, sort })}`;
  const waiting = ['received', 'checking', 'matching', 'confirmed'];
  return [
    'GET /api/auth/me',
    'GET /api/settings',
    list('support-requests', { channel: 'web_form', status: 'received' }),
    list('assignments', { unseen_answer: true }),
    ...waiting.map((status) => list('support-requests', { status })),
    list('support-requests', { channel: 'web_form', status: 'received' }),
    ...[...waiting, 'done'].map((status) => list('support-requests', { coordinator_id: me, status })),
    list('assignments', { status: ['proposed', 'contacted'] }),
    list('assignments', { status: 'confirmed', start_at_gte: day(0), start_at_lt: day(1) }),
    list('assignments', { status: 'confirmed', start_at_gte: day(1), start_at_lt: day(2) }),
    list('support-requests', { coordinator_id: me, status: 'confirmed', end_at_lt: day(0) }),
    list('expenses', { outstanding: true }, '[0,499]', '["created_at","ASC"]'),
    list('activity-reports', { follow_up_open: true }, '[0,4]', '["created_at","ASC"]'),
    list('self-reports', { pending: true }, '[0,4]', '["submitted_at","ASC"]'),
    list('messages', { status: 'failed' }),
    list('messages', { status: 'held' }),
    list('volunteers', { id_check_expires_within_days: 60 }, '[0,7]', '["id_check_valid_until","ASC"]'),
    `GET /api/reports/monthly?month=${month}&audience=internal`,
  ];
};

type Agent = ReturnType<typeof request.agent>;

/** One screen opened: its calls sent together, as the browser sends them; the time until the last answer. */
async function open(agent: Agent, calls: string[]): Promise<{ ms: number; failed: string[] }> {
  const failed: string[] = [];
  const [ms] = await timed(() =>
    Promise.all(
      calls.map(async (call) => {
        const [method, url] = call.split(' ') as [string, string];
        const res = await agent[method.toLowerCase() as 'get'](url);
        if (res.status >= 400) failed.push(`${call} → ${res.status}`);
      }),
    ),
  );
  return { ms, failed };
}

/**
 * `npm run bench -- screens`: every console screen's API calls at demo size on the embedded
 * database (PGlite, one connection, where calls queue behind each other), 10 openings each.
 */
export async function benchScreens(): Promise<BenchResult> {
  const pglite = newPglite();
  await pglite.waitReady;
  const knex = knexForPglite(pglite, { logger: createLogger({ level: 'error' }) });
  try {
    await migrateLatest(knex);
    await seedReference(knex);
    await seedDemo(knex);
    const app = buildApp(
      { knex, engine: 'pglite', close: () => knex.destroy() },
      {
        sessionSecret: 'bench-secret-'.padEnd(48, 'x'),
        logger: createLogger({ level: 'error' }),
      },
    );
    const agent = request.agent(app);
    const login = await agent.post('/api/auth/login').send({ email: 'coordinator@demo.otonari.example', password: DEMO_PASSWORD });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const me = Number(login.body.id ?? (await agent.get('/api/auth/me')).body.id);
    const screens: Record<string, string[]> = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const all: [string, string[]][] = [...Object.entries(screens), ['/ (before: one call per card)', HOME_BEFORE(me, new Date())]];
    const lines: string[] = [];
    let worst = 0;
    const failures: string[] = [];
    for (const [screen, calls] of all) {
      await open(agent, calls); // warm-up: plans and caches, as a second visit finds them
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const { ms, failed } = await open(agent, calls);
        samples.push(ms);
        failures.push(...failed);
      }
      const p50 = percentile(samples, 50);
      if (!screen.includes('before')) worst = Math.max(worst, p50);
      lines.push(`${screen}: ${calls.length} calls, total p50 ${fmtMs(p50)}, max ${fmtMs(Math.max(...samples))}`);
      log(lines.at(-1));
    }
    const counts = await knex('support_requests').count({ n: '*' });
    return {
      name: 'screens',
      what: "each console screen's API calls (from a browser walk), sent together as the console sends them",
      data: `demo seed on PGlite (${Number(counts[0]?.n)} requests)`,
      figures: `slowest screen p50 ${fmtMs(worst)} (n=${ROUNDS} each)`,
      goal: `every screen ≤ ${GOAL_MS} ms`,
      met: worst <= GOAL_MS && !failures.length ? 'yes' : 'no',
      details: [...lines, ...(failures.length ? [`failed calls: ${[...new Set(failures)].join('; ')}`] : [])],
    };
  } finally {
    await knex.destroy();
  }
}
