import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

async function importClients(rows: string[][], dryRun: boolean) {
  const agent = await t.as('coordinator');
  return agent
    .post(`/api/imports/clients?dry_run=${dryRun}`)
    .set('Content-Type', 'text/csv')
    .send(Buffer.from(csv([['氏名', '言語', '国籍', '利用資格'], ...rows])));
}

describe('the names staff type for languages and countries', () => {
  it('imports the common Japanese and English names of languages and countries', async () => {
    const res = await importClients(
      [
        ['Maria Santos', 'タガログ語、英語', 'フィリピン', '一般'],
        ['Rahim Uddin', 'Bengali', 'バングラデシュ', '一般'],
        ['Chan Tai Man', '広東語', '香港', '一般'],
        ['Aung Min', 'ビルマ語', 'ミャンマー', '一般'],
        ['Mai Lin', 'Cantonese, Tagalog', 'Hong Kong', '一般'],
        ['John Smith', '英語', 'アメリカ', '一般'],
        ['Ayşe Yılmaz', 'トルコ語', 'Turkey', '一般'],
        ['Omar Haddad', 'アラビア語', 'パレスチナ', '一般'],
        ['Ko Ko', 'Myanmar', 'Myanmar', '一般'],
      ],
      true,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.preview.map((p: { languages: string[]; nationality: string }) => [p.languages, p.nationality])).toEqual([
      [['tl', 'en'], 'PH'],
      [['bn'], 'BD'],
      [['zh'], 'HK'],
      [['my'], 'MM'],
      [['zh', 'tl'], 'HK'],
      [['en'], 'US'],
      [['tr'], 'TR'],
      [['ar'], 'PS'],
      [['my'], 'MM'],
    ]);
  });

  it('records 朝鮮 and 無国籍 as nationalities, through the API, the import and the CSV export', async () => {
    const agent = await t.as('coordinator');
    const body = { name: 'API 朝鮮', languages: ['ko'], eligibility: 'ofp_member', ofp_member_no: 'OFP-XC', nationality: 'XC' };
    const created = await agent.post('/api/clients').send(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await agent.get(`/api/clients/${created.body.id}`)).body.nationality).toBe('XC');

    const imported = await importClients(
      [
        ['Import 朝鮮', '朝鮮語', '朝鮮', '一般'],
        ['Import 無国籍', 'Arabic', '無国籍', '一般'],
        ['Import Stateless', 'Arabic', 'Stateless', '一般'],
      ],
      false,
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const stored = await t.db.knex('clients').whereLike('name', 'Import %').orderBy('id').select('name', 'nationality', 'languages');
    expect(stored).toEqual([
      { name: 'Import 朝鮮', nationality: 'XC', languages: ['ko'] },
      { name: 'Import 無国籍', nationality: 'XS', languages: ['ar'] },
      { name: 'Import Stateless', nationality: 'XS', languages: ['ar'] },
    ]);

    const exported = await agent.get('/api/exports/clients.csv');
    expect(exported.status).toBe(200);
    const lines = exported.text.split('\r\n');
    expect(lines.find((l) => l.includes('API 朝鮮'))).toContain(',朝鮮,');
    expect(lines.find((l) => l.includes('Import 無国籍'))).toContain(',無国籍,');
    // What the export says, the import reads back.
    const again = await importClients([['Again', 'ko', '朝鮮', '一般']], true);
    expect(again.body.preview[0].nationality).toBe('XC');
    expect((await agent.post('/api/clients').send({ ...body, nationality: 'XY' })).status).toBe(400);
  });
});
