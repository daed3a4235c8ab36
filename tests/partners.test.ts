import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createPartner } from './helpers/factories.js';

const t = useTestApp();

describe('partners: the REST contract end to end', () => {
  it('creates a partner, stores it with an audit entry, and returns 201 with the record', async () => {
    const agent = await t.as('coordinator');
    const res = await agent
      .post('/api/partners')
      .send({ name: 'みどり国際交流協会', contact_name: '佐藤', phone: '03-1234-5678', email: 'info@midori.example' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'みどり国際交流協会', version: 1, phone: '03-1234-5678' });
    expect(res.body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(res.body).not.toHaveProperty('search_text');
    const stored = await t.db.knex('partners').where('id', res.body.id).first();
    expect(stored.name).toBe('みどり国際交流協会');
    const entry = await t.db
      .knex('audit_log')
      .where({ resource: 'partners', record_id: String(res.body.id), action: 'create' })
      .first();
    expect(entry.changed_fields).toEqual(expect.arrayContaining(['name', 'phone']));
  });

  it('lists with sort, range and Content-Range', async () => {
    const agent = await t.as('coordinator');
    for (const name of ['あおば会', 'いろは会', 'うみの会']) await createPartner(t.db.knex, { name });
    const total = Number((await t.db.knex('partners').count({ n: '*' }))[0]!.n);
    const res = await agent.get('/api/partners').query({ sort: '["name","ASC"]', range: '[0,1]' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.headers['content-range']).toBe(`partners 0-1/${total}`);
    const names = (await agent.get('/api/partners').query({ sort: '["name","DESC"]', range: '[0,99]' })).body.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual([...names].sort().reverse());
    const empty = await agent.get('/api/partners').query({ range: '[500,509]' });
    expect(empty.body).toEqual([]);
    expect(empty.headers['content-range']).toBe(`partners */${total}`);
  });

  it('answers getMany with filter {"id":[…]}', async () => {
    const agent = await t.as('coordinator');
    const a = await createPartner(t.db.knex);
    const b = await createPartner(t.db.knex);
    const res = await agent.get('/api/partners').query({ filter: JSON.stringify({ id: [a.id, b.id] }) });
    expect(res.body.map((p: { id: number }) => p.id).sort()).toEqual([a.id, b.id].sort());
    // ra-data-simple-rest's getMany sends no range: all of them, not a first page of 25.
    const many = [];
    for (let i = 0; i < 30; i++) many.push((await createPartner(t.db.knex)).id);
    const all = await agent.get('/api/partners').query({ filter: JSON.stringify({ id: many }) });
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(30);
    expect(all.headers['content-range']).toBe('partners 0-29/30');
    const paged = await agent.get('/api/partners').query({ filter: JSON.stringify({ id: many }), range: '[0,9]' });
    expect(paged.body).toHaveLength(10);
  });

  it('searches with q regardless of width, kana and case, and phone punctuation', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: 'サクラ Support Center', phone: '080-1234-5678' });
    for (const q of ['さくら', 'ｻｸﾗ', 'SUPPORT', 'ｓｕｐｐｏｒｔ', '０８０１２３４５６７８', '08012345678', '1234-5678']) {
      const res = await agent.get('/api/partners').query({ filter: JSON.stringify({ q }) });
      expect(
        res.body.map((r: { id: number }) => r.id),
        q,
      ).toContain(p.id);
    }
    const none = await agent.get('/api/partners').query({ filter: JSON.stringify({ q: '존재하지않음' }) });
    expect(none.body).toEqual([]);
  });

  it('filters by range suffixes on timestamps', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex);
    await t.db.knex('partners').where('id', p.id).update({ created_at: '2020-01-15T10:00:00+09:00' });
    const res = await agent
      .get('/api/partners')
      .query({ filter: JSON.stringify({ created_at_gte: '2020-01-15', created_at_lte: '2020-01-15' }) });
    expect(res.body.map((r: { id: number }) => r.id)).toEqual([p.id]);
    const after = await agent.get('/api/partners').query({ filter: JSON.stringify({ created_at_gt: '2020-01-15T10:00:00+09:00' }) });
    expect(after.body.map((r: { id: number }) => r.id)).not.toContain(p.id);
  });

  it('refuses unknown sort and filter fields with 400', async () => {
    const agent = await t.as('coordinator');
    for (const query of [
      { sort: '["password_hash","ASC"]' },
      { filter: '{"search_text":"x"}' },
      { filter: '{"name_gte":"a"}' },
      { filter: 'not json' },
      { range: '[5,1]' },
      { range: '[0,100000]' },
      { unknown: '1' },
      { filter: '{"created_at_gte":"yesterday"}' },
    ]) {
      const res = await agent.get('/api/partners').query(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error).toBe('validation');
      expect(typeof res.body.message).toBe('string');
    }
  });

  it('gets one record, 404 for a missing one, 400 for a non-numeric id', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex);
    expect((await agent.get(`/api/partners/${p.id}`)).body).toMatchObject({ id: p.id, name: p.name });
    const missing = await agent.get('/api/partners/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'not_found' });
    expect((await agent.get('/api/partners/abc')).status).toBe(400);
  });

  it('updates with a partial body, ignores read-only fields, and bumps version', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: '旧名', phone: '03-0000-0000' });
    const res = await agent
      .put(`/api/partners/${p.id}`)
      .send({ version: 1, notes: '更新しました', id: 12345, created_at: '2000-01-01T00:00:00+09:00', updated_at: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: p.id, name: '旧名', phone: '03-0000-0000', notes: '更新しました', version: 2 });
    const stored = await t.db.knex('partners').where('id', p.id).first();
    expect(stored.version).toBe(2);
    expect(new Date(stored.created_at).getFullYear()).not.toBe(2000);
    const entry = await t.db
      .knex('audit_log')
      .where({ resource: 'partners', record_id: String(p.id), action: 'update' })
      .first();
    expect(entry.changed_fields).toEqual(['notes']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: '最初' });
    expect((await agent.put(`/api/partners/${p.id}`).send({ version: 1, name: '一人目' })).status).toBe(200);
    const stale = await agent.put(`/api/partners/${p.id}`).send({ version: 1, name: '二人目' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('conflict');
    expect((await t.db.knex('partners').where('id', p.id).first()).name).toBe('一人目');
  });

  it('needs the version on PUT and validates fields with field errors, writing nothing', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: '検証' });
    const noVersion = await agent.put(`/api/partners/${p.id}`).send({ name: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors).toHaveProperty('version');
    const bad = await agent.put(`/api/partners/${p.id}`).send({ version: 1, name: '', email: 'not-an-email', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({ name: expect.any(String), email: expect.any(String), colour: expect.any(String) });
    const stored = await t.db.knex('partners').where('id', p.id).first();
    expect(stored).toMatchObject({ name: '検証', version: 1 });
    const before = Number((await t.db.knex('partners').count({ n: '*' }))[0]!.n);
    const badCreate = await agent.post('/api/partners').send({ name: 'x', phone: 'call me' });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body.errors).toHaveProperty('phone');
    expect(Number((await t.db.knex('partners').count({ n: '*' }))[0]!.n)).toBe(before);
  });

  it('deletes a record and returns it; refuses with 409 when it has history', async () => {
    const agent = await t.as('coordinator');
    const p = await createPartner(t.db.knex, { name: '削除対象' });
    const res = await agent.delete(`/api/partners/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: p.id, name: '削除対象' });
    expect(await t.db.knex('partners').where('id', p.id).first()).toBeUndefined();
    expect(
      await t.db
        .knex('audit_log')
        .where({ resource: 'partners', record_id: String(p.id), action: 'delete' })
        .first(),
    ).toBeTruthy();

    const used = await createPartner(t.db.knex, { name: '紹介元' });
    await t.db.knex('clients').insert({ client_no: 'C-90001', name: 'Test Client', languages: ['en'], partner_id: used.id });
    const refused = await agent.delete(`/api/partners/${used.id}`);
    expect(refused.status).toBe(409);
    expect(await t.db.knex('partners').where('id', used.id).first()).toBeTruthy();
  });
});
