import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createPartner } from './helpers/factories.js';

const t = useTestApp();

type Agent = ReturnType<typeof request.agent>;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const sampleText = (name: string) => readFileSync(new URL(`../seeds/samples/${name}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csv = (rows: string[][]) => `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;

const count = async (table: string) => Number((await t.db.knex(table).count({ n: '*' }))[0]!.n);
const counter = async (name: string) => Number((await t.db.knex('counters').where({ name }).first('value'))?.value ?? 0);
const snapshot = async () => ({
  clients: await count('clients'),
  volunteers: await count('volunteers'),
  audit: await count('audit_log'),
  clientNo: await counter('client'),
  volunteerNo: await counter('volunteer'),
});

function upload(
  agent: Agent,
  resource: string,
  body: Buffer | string,
  opts: { dryRun?: boolean; type?: string; acceptDuplicates?: boolean } = {},
) {
  return agent
    .post(`/api/imports/${resource}`)
    .query({ dry_run: String(opts.dryRun ?? true), ...(opts.acceptDuplicates ? { accept_duplicates: 'true' } : {}) })
    .set('Content-Type', opts.type ?? 'text/csv')
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
}

/** The rows a successful import added, oldest first. */
const addedSince = async (table: string, lastId: number) => t.db.knex(table).where('id', '>', lastId).orderBy('id');
const lastId = async (table: string) => Number((await t.db.knex(table).max({ id: 'id' }))[0]!.id ?? 0);

describe('roster import: dry run', () => {
  it('reports every row’s problems by row number and column, and writes nothing', async () => {
    const agent = await t.as('admin');
    const before = await snapshot();
    const file = csv([
      ['氏名', '言語', 'メール', '対面可', '活動できる時間帯', '区市町村コード', '月の上限'],
      ['山田 花子', 'ja en', 'hanako@example.jp', 'はい', '月 09:00-12:00; 土 08:30-18:00', '131105', '4'],
      ['', 'ja', 'not-an-email', '', '', '', ''],
      ['Ivan', 'ja xx', '', '', '', '', ''],
      ['Maria', 'pt', '', 'たぶん', '日 09:00-12:00', '', '200'],
      ['', '', '', '', '', '', ''],
      ['Chen', 'zh', '', '', '', '999999', ''],
      ['Ali', 'ar', '', '', '月 07:00-09:00', '', ''],
    ]);
    const res = await upload(agent, 'volunteers', file);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dry_run: true, total_rows: 6, valid_rows: 1, created: 0 });
    const at = (row: number, column: string | null) =>
      res.body.errors.filter((e: { row: number; column: string | null }) => e.row === row && e.column === column);
    expect(res.body.errors.filter((e: { row: number }) => e.row === 2)).toEqual([]);
    expect(at(3, '氏名')).toHaveLength(1);
    expect(at(3, 'メール')).toHaveLength(1);
    expect(at(4, '言語')[0].message).toContain('「xx」');
    expect(at(5, '対面可')[0].message).toContain('はい・いいえ');
    expect(at(5, '活動できる時間帯')[0].message).toContain('月〜土');
    expect(at(5, '月の上限')).toHaveLength(1);
    expect(at(7, '区市町村コード')[0].message).toContain('999999');
    expect(at(8, '活動できる時間帯')[0].message).toContain('08:30');
    expect(res.body.errors.some((e: { row: number }) => e.row === 6)).toBe(false);
    for (const e of res.body.errors) expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(res.body.preview[0]).toEqual({
      row: 2,
      name: '山田 花子',
      languages: ['ja', 'en'],
      email: 'hanako@example.jp',
      in_person_ok: true,
      availability: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 6, start: '08:30', end: '18:00' },
      ],
      municipality_code: '131105',
      monthly_limit: 4,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a clean dry run reports no errors and still writes nothing', async () => {
    const agent = await t.as('admin');
    const before = await snapshot();
    const res = await upload(agent, 'clients', readFileSync(new URL('../seeds/samples/clients-sample.csv', import.meta.url)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dry_run: true, total_rows: 5, valid_rows: 5, errors: [], created: 0 });
    expect(res.body.preview).toHaveLength(5);
    expect(await snapshot()).toEqual(before);
  });
});

describe('roster import: encodings', () => {
  const clients = sampleText('clients-sample.csv');
  const variants: [string, Buffer][] = [
    ['UTF-8 with BOM', Buffer.concat([BOM, Buffer.from(clients, 'utf8')])],
    ['UTF-8 without BOM', Buffer.from(clients, 'utf8')],
    ['Shift_JIS (cp932)', iconv.encode(clients, 'cp932')],
  ];

  it.each(variants)('imports the clients sample saved as %s', async (_label, bytes) => {
    const agent = await t.as('coordinator');
    const since = await lastId('clients');
    // Each variant imports the same people again: their duplicates are accepted on purpose.
    const res = await upload(agent, 'clients', bytes, { dryRun: false, acceptDuplicates: true });
    expect(res.status, JSON.stringify(res.body.errors)).toBe(201);
    expect(res.body).toMatchObject({ dry_run: false, total_rows: 5, valid_rows: 5, created: 5, errors: [] });
    const rows = await addedSince('clients', since);
    expect(rows.map((r) => r.name_kana)).toEqual([
      'オレナ・コヴァレンコ',
      'グエン・ティ・ラン',
      'ラム・バハドゥル・グルン',
      'アナ・ソウザ',
      'リー・ウェイ',
    ]);
    expect(rows[0]).toMatchObject({
      name: 'Olena Kovalenko',
      languages: ['uk', 'ru'],
      nationality: 'UA',
      japanese_level: 'basic',
      eligibility: 'ofp_member',
      ofp_member_no: 'OFP-0101',
      address: '目黒区中目黒９－９－９',
    });
    expect(new Date(rows[0].consent_at).toISOString()).toBe('2025-04-01T01:00:00.000Z');
    expect(rows[2]).toMatchObject({ languages: ['ne', 'en'], notes: '髙田さん (OFP) からの紹介①' });
    expect(rows[3].notes).toBe('ポルトガル語の通訳が必要\r\n(電話は夕方)');
    expect(rows[4]).toMatchObject({ languages: ['zh', 'en'], japanese_level: 'fluent' });
    expect(rows.every((r) => /^C-\d{5}$/.test(r.client_no))).toBe(true);
  });

  it('the Shift_JIS fixture really is not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(variants[2]![1])).toThrow();
  });

  it('imports the volunteers sample with yes/no marks, tasks and weekly times', async () => {
    const agent = await t.as('volunteer_staff');
    const since = await lastId('volunteers');
    const res = await upload(agent, 'volunteers', readFileSync(new URL('../seeds/samples/volunteers-sample.csv', import.meta.url)), {
      dryRun: false,
    });
    expect(res.status, JSON.stringify(res.body.errors)).toBe(201);
    const rows = await addedSince('volunteers', since);
    expect(rows.map((r) => r.name)).toEqual(['山田 花子', '佐藤 健', 'Maria Santos', '鈴木 一郎', 'Tran Van Minh']);
    expect(rows[0]).toMatchObject({
      service_municipality_codes: ['131105', '131091'],
      in_person_ok: true,
      online_ok: true,
      task_types: ['ward_office', 'hospital'],
      availability: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 6, start: '08:30', end: '18:00' },
      ],
      monthly_limit: 4,
      ofp_registered: true,
    });
    expect(rows[1]).toMatchObject({ languages: ['ja', 'vi'], in_person_ok: true, online_ok: false, monthly_limit: null });
    expect(rows[3]).toMatchObject({ status: 'paused', in_person_ok: true, online_ok: false, ofp_registered: true });
    expect(rows[4]).toMatchObject({ in_person_ok: false, service_municipality_codes: [] });
  });
});

describe('roster import: all or nothing', () => {
  const header = ['氏名', 'フリガナ', '言語', '区市町村コード'];
  const rows = Array.from({ length: 500 }, (_, i) => [`取込 テスト${i + 1}`, `トリコミ テスト${i + 1}`, 'ja', '131105']);
  // Excel row 377 is the 376th data row: the header is row 1.
  const broken = rows.map((r, i) => (i === 375 ? [r[0]!, r[1]!, 'zz', r[3]!] : r));

  it('a file of 500 rows with one bad row at row 377 writes nothing', async () => {
    const agent = await t.as('coordinator');
    const before = await snapshot();
    const res = await upload(agent, 'clients', csv([header, ...broken]), { dryRun: false });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation', dry_run: false, total_rows: 500, valid_rows: 499, created: 0 });
    expect(res.body.message).toContain('1 行');
    expect(res.body.errors).toEqual([{ row: 377, column: '言語', message: expect.stringContaining('「zz」') }]);
    expect(await snapshot()).toEqual(before);
  });

  it('the same file fixed imports all 500 rows in one go', async () => {
    const agent = await t.as('coordinator');
    const before = await snapshot();
    const res = await upload(agent, 'clients', csv([header, ...rows]), { dryRun: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dry_run: false, total_rows: 500, valid_rows: 500, created: 500, errors: [] });
    expect(res.body.preview).toHaveLength(20);
    expect(await count('clients')).toBe(before.clients + 500);
    expect(await counter('client')).toBe(before.clientNo + 500);
    // One entry per created row, and one for the import itself.
    expect(await count('audit_log')).toBe(before.audit + 501);
    const entry = await t.db.knex('audit_log').where({ resource: 'imports' }).orderBy('id', 'desc').first();
    expect(entry).toMatchObject({ action: 'create', details: { resource: 'clients', rows: 500 } });
  });
});

describe('roster import: headers and values', () => {
  it('accepts English headers and labels', async () => {
    const agent = await t.as('admin');
    const since = await lastId('volunteers');
    const file = csv([
      [
        'name',
        'Name (kana)',
        'languages',
        'in_person_ok',
        'online_ok',
        'task_types',
        'availability',
        'monthly_limit',
        'status',
        'service_municipality_codes',
      ],
      [
        'Kim Minji',
        'キム・ミンジ',
        'Korean, Japanese',
        'no',
        'yes',
        'Hospital visit, ward_office',
        'Mon 9:00-12:00; 3 13:00-16:30',
        '3',
        'Paused',
        '131105, 131091',
      ],
    ]);
    const res = await upload(agent, 'volunteers', file, { dryRun: false });
    expect(res.status, JSON.stringify(res.body.errors)).toBe(201);
    expect((await addedSince('volunteers', since))[0]).toMatchObject({
      name: 'Kim Minji',
      name_kana: 'キム・ミンジ',
      languages: ['ko', 'ja'],
      in_person_ok: false,
      online_ok: true,
      task_types: ['hospital', 'ward_office'],
      availability: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 3, start: '13:00', end: '16:30' },
      ],
      monthly_limit: 3,
      status: 'paused',
      service_municipality_codes: ['131105', '131091'],
    });
  });

  it('finds the referring partner by name and names the column when it cannot', async () => {
    const agent = await t.as('coordinator');
    const partner = await createPartner(t.db.knex, { name: 'めぐろ国際交流協会' });
    const since = await lastId('clients');
    const file = csv([
      ['氏名', '言語', '資格', '紹介元'],
      ['Amara Okafor', 'en', '関連団体からの紹介', 'めぐろ国際交流協会'],
    ]);
    const ok = await upload(agent, 'clients', file, { dryRun: false });
    expect(ok.status, JSON.stringify(ok.body.errors)).toBe(201);
    expect((await addedSince('clients', since))[0]).toMatchObject({ eligibility: 'partner_referral', partner_id: partner.id });
    const missing = await upload(
      agent,
      'clients',
      csv([
        ['氏名', '言語', '資格', '紹介元'],
        ['X', 'en', 'partner_referral', 'どこにもない会'],
      ]),
    );
    expect(missing.status).toBe(200);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ row: 2, column: '紹介元' }));
  });

  it('refuses a partner ID beyond any record on its row, and still checks the rows after it', async () => {
    const agent = await t.as('coordinator');
    const file = csv([
      ['氏名', '言語', '資格', '紹介元', '電話番号'],
      ['X', 'en', '関連団体からの紹介', '99999999999', ''],
      ['Y', 'en', '一般', '', '080-5555-0101'],
      ['Z', 'zz', '一般', '', '080-5555-0101'],
    ]);
    for (const dryRun of [true, false]) {
      const res = await upload(agent, 'clients', file, { dryRun });
      expect(res.status).toBe(dryRun ? 200 : 400);
      expect(res.body.errors).toEqual([
        { row: 2, column: '紹介元', message: expect.stringContaining('関連団体が見つかりません') },
        { row: 4, column: '言語', message: expect.stringContaining('「zz」') },
      ]);
      expect(res.body.valid_rows).toBe(1);
    }
  });

  it('explains choices and dates in the sheet’s own words', async () => {
    const agent = await t.as('admin');
    const file = csv([
      ['氏名', '言語', '資格', '日本語レベル', '同意日時'],
      ['A', '英語', 'VIP', '日常会話', '2025/2/30 10:00'],
      ['B', 'ウクライナ語・ロシア語', 'ofp member', '', '2025-02-28T10:00:00+09:00'],
    ]);
    const res = await upload(agent, 'clients', file);
    expect(res.body.errors).toEqual([
      { row: 2, column: '資格', message: expect.stringContaining('OFP会員 (ofp_member)') },
      { row: 2, column: '同意日時', message: expect.stringContaining('存在しない日時') },
      { row: 3, column: null, message: expect.stringContaining('OFP') },
    ]);
    expect(res.body.preview[0]).toMatchObject({ languages: ['en'], japanese_level: 'conversational' });
    expect(res.body.preview[1]).toMatchObject({ languages: ['uk', 'ru'], eligibility: 'ofp_member' });
  });

  it('refuses an unknown header by name, for a dry run too', async () => {
    const agent = await t.as('admin');
    for (const dryRun of [true, false]) {
      const res = await upload(
        agent,
        'clients',
        csv([
          ['氏名', '言語', '血液型'],
          ['A', 'en', 'O'],
        ]),
        { dryRun },
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'validation', total_rows: 0, created: 0 });
      expect(res.body.errors).toEqual([{ row: 1, column: '血液型', message: expect.stringContaining('血液型') }]);
    }
  });

  it('refuses a missing required column and a header given twice', async () => {
    const agent = await t.as('admin');
    const res = await upload(
      agent,
      'clients',
      csv([
        ['氏名', 'name', 'メール'],
        ['A', 'B', ''],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ row: 1, column: 'name' }));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ row: 1, column: null, message: expect.stringContaining('言語') }));
  });
});

describe('roster import: files that are not rosters', () => {
  it('refuses an empty file, a BOM alone and a header with no rows', async () => {
    const agent = await t.as('admin');
    for (const body of [Buffer.alloc(0), BOM, Buffer.from('氏名,言語\r\n\r\n')]) {
      const res = await upload(agent, 'clients', body, { dryRun: false });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation');
      expect(res.body.errors[0].message).toMatch(/空|データの行/);
    }
  });

  it('refuses binary files with a 400, never a 500', async () => {
    const agent = await t.as('admin');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const xlsx = Buffer.concat([Buffer.from('504b0304140006000800', 'hex'), Buffer.alloc(64, 7)]);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    for (const [body, type] of [
      [png, 'application/octet-stream'],
      [xlsx, 'application/vnd.ms-excel'],
      [noise, 'text/csv'],
    ] as const) {
      const res = await upload(agent, 'clients', body, { type });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/CSV|文字コード/);
    }
    const quotes = await upload(agent, 'clients', '氏名,言語\r\n"unclosed,en\r\n');
    expect(quotes.status).toBe(400);
  });

  it('refuses a body over 5 MB with 413 and JSON with 415', async () => {
    const agent = await t.as('admin');
    const big = await upload(agent, 'clients', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    expect(big.status).toBe(413);
    const json = await agent.post('/api/imports/clients').send({ name: 'A' });
    expect(json.status).toBe(415);
  });

  it('checks the query and the resource', async () => {
    const agent = await t.as('admin');
    expect((await agent.post('/api/imports/clients?dry_run=maybe').set('Content-Type', 'text/csv').send('氏名,言語\nA,en\n')).status).toBe(
      400,
    );
    expect((await upload(agent, 'partners', '氏名\nA\n')).status).toBe(404);
  });
});

describe('roster import: who may import', () => {
  it('needs create on that resource', async () => {
    const file = csv([
      ['氏名', '言語'],
      ['A', 'en'],
    ]);
    const [secretariat, volunteerStaff, coordinator] = [
      await t.as('secretariat'),
      await t.as('volunteer_staff'),
      await t.as('coordinator'),
    ];
    const before = await snapshot();
    expect((await upload(secretariat, 'clients', file, { dryRun: false })).status).toBe(403);
    expect((await upload(volunteerStaff, 'clients', file, { dryRun: false })).status).toBe(403);
    expect((await upload(coordinator, 'volunteers', file, { dryRun: false })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
    const { default: supertest } = await import('supertest');
    expect((await upload(supertest.agent(t.app), 'clients', file)).status).toBe(401);
  });
});

describe('roster import: possible duplicates', () => {
  it('warns of a person already on the roster or listed twice in the file, and imports only once they are accepted', async () => {
    const agent = await t.as('coordinator');
    const existing = (
      await agent.post('/api/clients').send({
        name: 'Tran Thi Lan',
        name_kana: 'チャン ティ ラン',
        languages: ['vi'],
        phone: '080-1234-5678',
        eligibility: 'ofp_member',
        ofp_member_no: 'OFP-DUP',
      })
    ).body;
    const file = csv([
      ['氏名', 'フリガナ', '言語', '電話番号', 'メールアドレス', '利用資格'],
      ['チャン・ティ・ラン', '', 'vi', '０８０ (1234) 5678', '', '一般'],
      ['Ana Silva', 'アナ シルバ', 'pt', '', 'ana@example.jp', '一般'],
      ['Nguyen Van An', 'グエン ヴァン アン', 'vi', '', '', '一般'],
      ['Ana Silva', 'アナ シルバ', 'pt', '', 'ANA@example.jp', '一般'],
    ]);
    const dry = await upload(agent, 'clients', file);
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.warnings).toEqual([
      {
        row: 2,
        column: '電話番号',
        message: expect.stringContaining(`登録済みの ${existing.client_no}「Tran Thi Lan」と電話番号が同じです`),
      },
      {
        row: 5,
        column: 'メールアドレス',
        message: expect.stringContaining('このファイルの 3 行目とメールアドレス・氏名・フリガナが同じです'),
      },
    ]);
    const before = await count('clients');
    // One click cannot register likely duplicates: the import is refused until they are accepted.
    const refused = await upload(agent, 'clients', file, { dryRun: false });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('重複の可能性を確認しました');
    expect(refused.body.created).toBe(0);
    expect(await count('clients')).toBe(before);
    const done = await upload(agent, 'clients', file, { dryRun: false, acceptDuplicates: true });
    expect(done.status).toBe(201);
    expect(done.body.warnings).toHaveLength(2);
    expect(await count('clients')).toBe(before + 4);
  });
});

/** A roster of `rows` residents, each with a name and kana, a phone and an e-mail, all distinct. */
function roster(rows: number, tag: string): string {
  const header = ['氏名', 'フリガナ', '言語', '電話番号', 'メール', '区市町村コード'];
  const body = Array.from({ length: rows }, (_, i) => [
    `${tag} ${i + 1}`,
    `テスト ${tag}${i + 1}`,
    'vi en',
    `03-${tag.length}${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`,
    `${tag.toLowerCase()}${i}@example.jp`,
    '131105',
  ]);
  return csv([header, ...body]);
}

describe('roster import: many rows alike', () => {
  it('lists at most 10 look-alikes a row, the earliest first, when a whole file shares an office phone', async () => {
    const agent = await t.as('coordinator');
    const file = csv([['氏名', '言語', '電話番号'], ...Array.from({ length: 14 }, (_, i) => [`Office ${i + 1}`, 'en', '03-3333-0000'])]);
    const res = await upload(agent, 'clients', file);
    expect(res.status).toBe(200);
    const byRow = (row: number) =>
      res.body.warnings.filter((w: { row: number }) => w.row === row).map((w: { message: string }) => w.message);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([expect.stringContaining('このファイルの 2 行目と電話番号が同じです')]);
    expect(byRow(15)).toHaveLength(10);
    expect(byRow(15)[0]).toContain('このファイルの 2 行目');
    expect(byRow(15)[9]).toContain('このファイルの 11 行目');
  });
});

describe('roster import: the whole file in a few statements', () => {
  /** The SQL statements the app sends while fn runs, but for the sign-in checks every request makes. */
  async function statements(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => {
      if (!/\b(sessions|rate_limit\w*)\b/.test(q.sql)) seen.push(q.sql);
    };
    t.db.knex.on('query', listener);
    try {
      await fn();
    } finally {
      t.db.knex.removeListener('query', listener);
    }
    return seen;
  }

  it('checks and imports 40 rows and 400 rows with the same number of statements', async () => {
    const agent = await t.as('coordinator');
    const counts: Record<string, number> = {};
    for (const rows of [40, 400]) {
      for (const dryRun of [true, false]) {
        const tag = `Stmt${rows}${dryRun ? 'D' : 'I'}`;
        let status = 0;
        const sql = await statements(async () => {
          status = (await upload(agent, 'clients', roster(rows, tag), { dryRun })).status;
        });
        expect(status).toBe(dryRun ? 200 : 201);
        counts[`${dryRun ? 'dry run' : 'import'} ${rows}`] = sql.length;
      }
    }
    expect(counts['dry run 400']).toBe(counts['dry run 40']);
    expect(counts['import 400']).toBe(counts['import 40']);
    expect(counts['import 40']).toBeLessThan(40);
  });

  it('stores what a single create stores: numbers, search texts and one audit entry per person', async () => {
    const agent = await t.as('coordinator');
    const since = await lastId('clients');
    const res = await upload(agent, 'clients', roster(30, 'Same'), { dryRun: false });
    expect(res.status).toBe(201);
    const single = (
      await agent.post('/api/clients').send({
        name: 'Same 1',
        name_kana: 'テスト Same1',
        languages: ['vi', 'en'],
        phone: '03-4000-0000',
        email: 'same0@example.jp',
        municipality_code: '131105',
      })
    ).body;
    const rows = await addedSince('clients', since);
    expect(rows).toHaveLength(31);
    const [first, created] = [rows[0], rows.find((r) => r.id === single.id)];
    // The first imported row and the single create differ only in their numbers.
    const withoutNumber = (text: string, no: string) => text.replace(no.toLowerCase(), '#');
    expect(withoutNumber(first.search_text, first.client_no)).toBe(withoutNumber(created.search_text, created.client_no));
    expect(withoutNumber(first.search_basic, first.client_no)).toBe(withoutNumber(created.search_basic, created.client_no));
    expect(first.search_text).toContain(first.client_no.toLowerCase());
    const imported = rows.filter((r) => r.id !== single.id);
    const entries = await t.db
      .knex('audit_log')
      .where({ resource: 'clients', action: 'create' })
      .whereIn(
        'record_id',
        imported.map((r) => String(r.id)),
      );
    expect(entries).toHaveLength(30);
    expect(new Set(entries.map((e) => e.record_id)).size).toBe(30);
    expect(entries[0]!.changed_fields).toEqual(
      expect.arrayContaining(['name', 'name_kana', 'languages', 'phone', 'email', 'municipality_code']),
    );
    const numbers = imported.map((r) => Number(r.client_no.slice(2)));
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });
});

// PGlite has one connection, so nothing there is simultaneous: this runs against PostgreSQL.
describe.skipIf(!process.env.TEST_DATABASE_URL)('roster import beside other work (PostgreSQL)', () => {
  const ROWS = 2500;

  /** Resolves once a transaction other than this one has been open for `ms`: the import's. */
  async function importUnderway(ms: number): Promise<void> {
    for (;;) {
      const { rows } = await t.db.knex.raw(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start < now() - make_interval(secs => ?)`,
        [ms / 1000],
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it(`a client created while ${ROWS} rows are imported is saved before the import ends, and all numbers stay gapless`, async () => {
    const [importer, other] = [await t.as('coordinator'), await t.as('admin')];
    const done: string[] = [];
    // Rosters of other tests share phone patterns with this one: those look-alikes are accepted here.
    const importing = upload(importer, 'clients', roster(ROWS, 'Busy'), { dryRun: false, acceptDuplicates: true }).then((res) => {
      done.push('import');
      return res;
    });
    await importUnderway(50);
    const creates: Promise<request.Response>[] = [];
    const create = (i: number) => other.post('/api/clients').send({ name: `Meanwhile ${i}`, languages: ['en'] });
    creates.push(
      create(0).then((res) => {
        done.push('create');
        return res;
      }),
    );
    // More creates, one every 50 ms while the import runs (up to 20), to share the numbering with it.
    while (!done.includes('import') && creates.length < 20) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (!done.includes('import')) creates.push(create(creates.length));
    }
    const imported = await importing;
    const created = await Promise.all(creates);
    expect(imported.status, JSON.stringify(imported.body.errors)).toBe(201);
    expect(done[0]).toBe('create');
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));

    const counter = Number((await t.db.knex('counters').where({ name: 'client' }).first('value')).value);
    const numbers = (await t.db.knex('clients').pluck('client_no')).map((n: string) => Number(n.slice(2))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.at(-1)).toBe(counter);
    const block = (await t.db.knex('clients').where('name', 'like', 'Busy %').pluck('client_no'))
      .map((n: string) => Number(n.slice(2)))
      .sort((a, b) => a - b);
    expect(block).toHaveLength(ROWS);
    expect(block.at(-1)! - block[0]!).toBe(ROWS - 1);
    const meanwhile = created.map((r) => Number(r.body.client_no.slice(2)));
    expect(meanwhile.filter((n) => n >= block[0]! && n <= block.at(-1)!)).toEqual([]);
    // Long enough for an import that makes everyone wait to finish, so the ordering is what fails.
  }, 300_000);
});
