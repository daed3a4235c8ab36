import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, knexForPostgres } from '../server/db/index.js';
import PgBoss from 'pg-boss';
import { bossDb, createQueueOnce } from '../server/messages/queue-db.js';
import { createTestDb, engineName } from './helpers/db.js';
import { databaseUrl } from './helpers/pg-url.js';

// pg-boss installs its schema as one 'BEGIN; …; COMMIT;' text and expects a second server starting
// at the same moment to fail it with 'already exists'; that server must still be able to go on.
describe(`the job queue's connection (${engineName()})`, () => {
  let db: Db;
  let single: Db['knex'];
  beforeAll(async () => {
    db = await createTestDb();
    // One connection, so the statement after the failure runs where the failure happened.
    if (db.engine === 'postgres') {
      const { rows } = await db.knex.raw<{ rows: { name: string }[] }>('select current_database() as name');
      single = knexForPostgres(databaseUrl(process.env.TEST_DATABASE_URL!, rows[0]!.name), 1);
    } else {
      single = db.knex;
    }
  });
  afterAll(async () => {
    if (single !== db?.knex) await single?.destroy();
    await db?.close();
  });

  it('is usable again after a script fails after its BEGIN, and nothing of the script stays', async () => {
    const queue = bossDb(single, db.engine);
    await expect(queue.executeSql('BEGIN; CREATE TABLE queue_race (x int); CREATE TABLE queue_race (x int); COMMIT;')).rejects.toThrow(
      /already exists/,
    );
    const { rows } = await queue.executeSql('select $1::int + 1 as n', [1]);
    expect(rows[0]?.n).toBe(2);
    const left = await queue.executeSql("select to_regclass('queue_race') as t", []);
    expect(left.rows[0]?.t).toBeNull();
  });
});

describe(`the job queue's queues, created by servers starting together (${engineName()})`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('are each created once, with no server failing on the race', async () => {
    const bosses = Array.from({ length: 4 }, () => new PgBoss({ db: bossDb(db.knex, db.engine), schedule: false, supervise: false }));
    for (const boss of bosses) await boss.start();
    try {
      for (let round = 0; round < 5; round++) {
        const name = `race-${round}`;
        await Promise.all(bosses.flatMap((boss) => [createQueueOnce(boss, name), createQueueOnce(boss, name)]));
        const { rows } = await db.knex.raw<{ rows: { n: number }[] }>('select count(*)::int as n from pgboss.queue where name = ?', [name]);
        expect(rows[0]?.n).toBe(1);
        await bosses[0]!.send(name, { round });
        const [job] = await bosses[1]!.fetch<{ round: number }>(name);
        expect(job?.data.round).toBe(round);
      }
    } finally {
      for (const boss of bosses) await boss.stop({ graceful: false, close: false, wait: true });
    }
  });
});
