import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('municipalities API', () => {
  it('serves the reference data keyed by code, for getMany too', async () => {
    const agent = await t.as('secretariat');
    const all = await agent.get('/api/municipalities').query({ range: '[0,999]' });
    expect(all.status).toBe(200);
    expect(all.body.filter((m: { prefecture: string }) => m.prefecture === '東京都')).toHaveLength(62);
    const many = await agent.get('/api/municipalities').query({ filter: JSON.stringify({ id: ['131105', '132012'] }) });
    expect(many.body.map((m: { id: string; name_ja: string }) => [m.id, m.name_ja])).toEqual([
      ['131105', '目黒区'],
      ['132012', '八王子市'],
    ]);
    expect((await agent.get('/api/municipalities/131016')).body).toMatchObject({ id: '131016', code: '131016', name_ja: '千代田区' });
    const search = await agent.get('/api/municipalities').query({ filter: JSON.stringify({ q: 'meguro' }) });
    expect(search.body.map((m: { code: string }) => m.code)).toEqual(['131105']);
    for (const q of ['めぐろ', 'メグロ', 'ﾒｸﾞﾛ', '目黒']) {
      const kana = await agent.get('/api/municipalities').query({ filter: JSON.stringify({ q }) });
      expect(
        kana.body.map((m: { code: string }) => m.code),
        q,
      ).toEqual(['131105']);
    }
    expect((await agent.post('/api/municipalities').send({ code: '999999' })).status).toBe(404);
  });
});
