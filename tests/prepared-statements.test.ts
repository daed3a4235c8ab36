import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { knexForPostgres } from '../server/db/index.js';
import { PREPARE } from '../server/db/prepared.js';
import { createLogger } from '../server/log.js';
import { useTestApp } from './helpers/app.js';
import { engineName } from './helpers/db.js';
import { createRequest, createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { signIn, TEST_SESSION_SECRET } from './helpers/totp.js';

const t = useTestApp();

describe('named statements on PostgreSQL', () => {
  // The app on a pool of one connection, so the catalogue of that connection's prepared
  // statements shows everything the app prepared.
  it.runIf(engineName() === 'postgres')(
    'prepares the session look-up, a list page and its count once per connection, and not a list of ids',
    async () => {
      const url = t.db.url!;
      const knex = knexForPostgres(url, 1);
      try {
        const app = buildApp(
          { knex, engine: 'postgres', close: () => knex.destroy() },
          {
            sessionSecret: TEST_SESSION_SECRET,
            logger: createLogger({ level: 'silent' }),
          },
        );
        const staff = await createStaff(knex, { role: 'coordinator' });
        for (let i = 0; i < 3; i++) await createRequest(knex);
        const agent = request.agent(app);
        await signIn(agent, staff.email, TEST_PASSWORD);
        const prepared = async () =>
          (
            (await knex.raw(`select statement from pg_prepared_statements where name like 'q\\_%' order by prepare_time`)).rows as {
              statement: string;
            }[]
          ).map((r) => r.statement);

        const list = { sort: '["received_at","DESC"]', range: '[0,1]' };
        for (let i = 0; i < 3; i++) {
          const res = await agent.get('/api/support-requests').query(list);
          expect(res.status).toBe(200);
          expect(res.headers['content-range']).toMatch(/\/3$/);
        }
        const afterList = await prepared();
        expect(afterList.filter((s) => s.includes('from "sessions"'))).toHaveLength(1);
        expect(afterList.filter((s) => /from "support_requests".*order by/s.test(s))).toHaveLength(1);
        expect(afterList.filter((s) => s.includes('from "support_request_counts"'))).toHaveLength(1);
        expect(afterList).toHaveLength(3);

        // A status tab: one more page and one more count; asked again, nothing more.
        for (let i = 0; i < 2; i++) {
          const res = await agent.get('/api/support-requests').query({ ...list, filter: '{"status":"matching"}' });
          expect(res.status).toBe(200);
        }
        expect(await prepared()).toHaveLength(5);

        // Records by id (react-admin's getMany): the text changes with the number of ids, so it
        // is not prepared.
        const ids = (await knex('support_requests').select('id')).map((r) => r.id);
        const many = await agent.get('/api/support-requests').query({ filter: JSON.stringify({ id: ids }) });
        expect(many.status).toBe(200);
        expect(many.body).toHaveLength(3);
        expect(await prepared()).toHaveLength(5);
      } finally {
        await knex.destroy();
      }
    },
  );
});

describe('a named statement whose table changed shape', () => {
  // A rolling deploy: a newer server's migration changes a column under a statement that an
  // older server's connection has prepared.
  it.runIf(engineName() === 'postgres')('is prepared again instead of failing ("cached plan must not change result type")', async () => {
    const url = t.db.url!;
    const knex = knexForPostgres(url, 1);
    try {
      await knex.schema.createTable('shape_change', (table) => {
        table.integer('n');
      });
      await knex('shape_change').insert([{ n: 1 }, { n: 2 }]);
      const read = () => knex('shape_change').select('n').orderBy('n').options(PREPARE);
      expect(await read()).toEqual([{ n: 1 }, { n: 2 }]);
      await knex.raw('alter table shape_change alter column n type text');
      expect(await read()).toEqual([{ n: '1' }, { n: '2' }]);
      expect(await read()).toEqual([{ n: '1' }, { n: '2' }]);
    } finally {
      await knex.schema.dropTableIfExists('shape_change');
      await knex.destroy();
    }
  });
});
