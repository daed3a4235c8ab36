import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

type Found = { id: number; name: string; match?: string[] };

async function newClient(name: string, name_kana?: string, extra: Record<string, unknown> = {}) {
  const agent = await t.as('coordinator');
  const res = await agent
    .post('/api/clients')
    .send({ name, name_kana, languages: ['vi'], eligibility: 'ofp_member', ofp_member_no: `OFP-${name}`, ...extra });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; client_no: string };
}

async function search(q: string, resource = 'clients', role: 'coordinator' | 'secretariat' = 'coordinator'): Promise<string[]> {
  const agent = await t.as(role);
  const res = await agent.get(`/api/${resource}`).query({ filter: JSON.stringify({ q }), range: '[0,49]' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as Found[]).map((c) => c.name);
}

async function duplicates(query: Record<string, string>, resource = 'clients'): Promise<Found[]> {
  const res = await (await t.as('coordinator')).get(`/api/${resource}/duplicates`).query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('names as foreign residents write them', () => {
  it('finds a name whatever its accents, word order and spaces', async () => {
    await newClient('Nguyễn Văn Thành', 'グエン・ヴァン・タン');
    await newClient('小川 理沙', 'オガワ リサ');
    await newClient('Đặng Thị Hoa', 'ダン ティ ホア');
    for (const q of ['nguyen', 'thanh', 'Văn', 'VAN', 'Thanh Nguyen', 'nguyen van thanh', 'NguyenVanThanh']) {
      expect(await search(q), q).toEqual(['Nguyễn Văn Thành']);
    }
    for (const q of ['オガワリサ', 'おがわ りさ', '小川理沙', '理沙 小川', 'ｵｶﾞﾜ']) expect(await search(q), q).toEqual(['小川 理沙']);
    // đ has no decomposition: it is folded to d by its own rule.
    expect(await search('dang hoa')).toEqual(['Đặng Thị Hoa']);
    // Volunteer staff and the secretariat search names only (search_basic), folded the same way.
    expect(await search('thanh nguyen', 'clients', 'secretariat')).toEqual(['Nguyễn Văn Thành']);
  });

  it('folds ヴ and ブ, ヴァ and バ, and the long-vowel mark in kana', async () => {
    await newClient('Viktor Kovalenko', 'ヴィクトル コヴァレンコ');
    await newClient('Khan Mohammad', 'カーン モハンマド');
    for (const q of ['ビクトル', 'ヴィクトル', 'コバレンコ', 'こばれんこ', 'ｺｳﾞｧﾚﾝｺ'])
      expect(await search(q), q).toEqual(['Viktor Kovalenko']);
    for (const q of ['カン', 'カーン', 'かん もはんまど']) expect(await search(q), q).toEqual(['Khan Mohammad']);
  });

  it('hints a duplicate on the kana alone, on the folded name alone and in another word order', async () => {
    const thanh = await newClient('Nguyen Thanh Tung', 'グエン タン トゥン', { phone: '090-1111-2222' });
    const lisa = await newClient('小川 理沙', 'オガワ リサ');
    const byOrder = await duplicates({ name: 'Tùng Nguyễn Thanh' });
    expect(byOrder).toEqual([expect.objectContaining({ id: thanh.id, match: ['name'] })]);
    const byKana = await duplicates({ name: 'Nguyen T. Tung', name_kana: 'グエンタントゥン' });
    expect(byKana).toEqual([expect.objectContaining({ id: thanh.id, match: ['kana'] })]);
    const byBoth = await duplicates({ name: '小川理沙', name_kana: 'オガワリサ' });
    expect(byBoth.find((d) => d.id === lisa.id)?.match).toEqual(['name', 'kana']);
    const kanaOnly = await duplicates({ name_kana: 'ｵｶﾞﾜ ﾘｻ' });
    expect(kanaOnly.map((d) => d.id)).toContain(lisa.id);
    expect(await duplicates({ name: 'Nguyen Thanh' })).toEqual([]);
    // The volunteers' check follows the same rules.
    const agent = await t.as('volunteer_staff');
    const v = await agent
      .post('/api/volunteers')
      .send({ name: 'Bùi Minh Đức', name_kana: 'ブイ ミン ドゥック', languages: ['vi'], in_person_ok: true });
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    expect(await duplicates({ name: 'Duc Bui Minh' }, 'volunteers')).toEqual([expect.objectContaining({ id: v.body.id, match: ['name'] })]);
    expect(await search('duc minh', 'volunteers')).toEqual(['Bùi Minh Đức']);
  });

  it('warns of a folded name or kana in a roster import, on the roster and within the file', async () => {
    const agent = await t.as('coordinator');
    const existing = await newClient('Trần Thị Lan', 'チャン ティ ラン');
    const file = [
      '氏名,フリガナ,言語,利用資格',
      'Lan Tran Thi,,vi,一般',
      'Someone Else,チャンティラン,vi,一般',
      'Maria Santos,マリア サントス,pt,一般',
      'Santos Maria,,pt,一般',
    ].join('\r\n');
    const res = await agent.post('/api/imports/clients?dry_run=true').set('Content-Type', 'text/csv').send(Buffer.from(file));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.warnings).toEqual([
      { row: 2, column: '氏名', message: expect.stringContaining(`登録済みの ${existing.client_no}「Trần Thị Lan」と氏名が同じです`) },
      {
        row: 3,
        column: 'フリガナ',
        message: expect.stringContaining(`登録済みの ${existing.client_no}「Trần Thị Lan」とフリガナが同じです`),
      },
      { row: 5, column: '氏名', message: expect.stringContaining('このファイルの 4 行目と氏名が同じです') },
    ]);
  });
});
