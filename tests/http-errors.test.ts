import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('HTTP errors and protections', () => {
  it('GET /api/health answers without login', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.db.engine });
  });

  it('answers 404 JSON for an unknown API route, logged in or not', async () => {
    const anon = await request(t.app).get('/api/no-such-thing');
    expect(anon.status).toBe(404);
    expect(anon.body.error).toBe('not_found');
    const agent = await t.as('admin');
    expect((await agent.delete('/api/partners/1/extra')).status).toBe(404);
  });

  it('answers 415 for a body that is not JSON and 400 for malformed JSON', async () => {
    const agent = await t.as('coordinator');
    const form = await agent.post('/api/partners').type('form').send('name=x');
    expect(form.status).toBe(415);
    expect(form.body.error).toBe('unsupported_media_type');
    const broken = await agent.post('/api/partners').set('Content-Type', 'application/json').send('{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('validation');
    const array = await agent.post('/api/partners').send([{ name: 'x' }]);
    expect(array.status).toBe(400);
    const nothing = await agent.post('/api/partners');
    expect(nothing.status).toBe(400);
  });

  it('answers 413 for an oversized body', async () => {
    const agent = await t.as('coordinator');
    const res = await agent.post('/api/partners').send({ name: 'x', notes: 'あ'.repeat(1_200_000) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload_too_large');
  });

  it('refuses a write from a foreign Origin with 403, allows its own origin', async () => {
    const agent = await t.as('coordinator');
    const foreign = await agent.post('/api/partners').set('Origin', 'https://evil.example').send({ name: '攻撃' });
    expect(foreign.status).toBe(403);
    expect(await t.db.knex('partners').where('name', '攻撃').first()).toBeUndefined();
    const crossSite = await agent.post('/api/partners').set('Sec-Fetch-Site', 'cross-site').send({ name: '攻撃2' });
    expect(crossSite.status).toBe(403);
    const same = await agent.post('/api/partners').set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').send({ name: '正規' });
    expect(same.status).toBe(201);
  });

  it('sends security headers with a CSP', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('never answers 500 to hostile input', async () => {
    const agent = await t.as('admin');
    const attempts = [
      agent.get('/api/partners').query({ filter: '{"id":["x"]}' }),
      agent.get('/api/partners').query({ filter: '{"id":{"$gt":1}}' }),
      agent.get('/api/partners').query({ sort: '["name","SIDEWAYS"]' }),
      agent.get('/api/partners').query({ filter: '{"q":123}' }),
      agent.get('/api/partners').query({ filter: '{"created_at":"2020-13-45"}' }),
      agent.get('/api/partners/99999999999999'),
      agent.put('/api/partners/1').send({ version: 'one' }),
      agent.put('/api/partners/1').send({ version: 1, name: { nested: true } }),
      agent.post('/api/partners').send({ name: 'x'.repeat(5000) }),
      agent.post('/api/partners').send({ name: 'ok', archived_at: 'not a date' }),
      agent.post('/api/staff').send({ email: 'x@test.example', display_name: 'x', role: 'king', password: 'long-enough-1' }),
      agent.post('/api/partners').send('"just a string"').set('Content-Type', 'application/json'),
    ];
    for (const [i, res] of (await Promise.all(attempts)).entries()) {
      expect(res.status, `attempt ${i} → ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.message).toEqual(expect.any(String));
    }
    expect(t.errors).toEqual([]);
  });
});
