import { WARDS } from './data.js';
import { fmtInt, fmtMs, log, loginAgent, percentile, timed, type BenchContext, type BenchResult } from './lib.js';

const ROWS = 5000;
const ROUNDS = 3;
const CREATE_EVERY_MS = 100;
const GOALS = { importSeconds: 10, maxWaitMs: 1000 };

const FAMILY: [string, string][] = [
  ['Nguyen', 'グエン'],
  ['Tran', 'チャン'],
  ['Santos', 'サントス'],
  ['Gurung', 'グルン'],
  ['Kovalenko', 'コヴァレンコ'],
  ['Silva', 'シルバ'],
  ['Sharma', 'シャルマ'],
  ['Aung', 'アウン'],
  ['Ahmadi', 'アフマディ'],
  ['Smith', 'スミス'],
];
const GIVEN: [string, string][] = [
  ['Lan', 'ラン'],
  ['Minh', 'ミン'],
  ['Maria', 'マリア'],
  ['Ram', 'ラム'],
  ['Olena', 'オレーナ'],
  ['Ana', 'アナ'],
  ['Priya', 'プリヤ'],
  ['Thandar', 'タンダー'],
  ['Fatima', 'ファティマ'],
  ['Emily', 'エミリー'],
];
const LANGS = ['vi', 'uk ru', 'ネパール語, 英語', 'pt', 'tl en', 'zh', 'ko', 'my', 'fa', 'en'];
const NATIONS = ['VN', 'UA', 'ネパール', 'BR', 'PH', 'CN', 'KR', 'MM', 'AF', 'US'];
const LEVELS = ['', '話せない', '初級', 'conversational', '流暢'];

/**
 * A roster of `rows` residents as staff would export it from a spreadsheet: Japanese headers,
 * names with katakana, phones, e-mails, wards, languages by name or code, consent dates, notes.
 * Every tenth phone repeats an earlier row's, so the duplicate check has something to report.
 */
export function rosterCsv(rows: number, tag: string): string {
  const header = [
    '氏名',
    'フリガナ',
    '電話番号',
    'メール',
    '区市町村コード',
    '言語',
    '国籍',
    '日本語レベル',
    '資格',
    '住所',
    '同意日時',
    '備考',
  ];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const [family, familyKana] = FAMILY[i % FAMILY.length]!;
    const [given, givenKana] = GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]!;
    const phoneOf = (n: number) => `090-${String(7000 + (n % 3000)).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`;
    lines.push(
      [
        `${given} ${family} ${tag}${i}`,
        `${givenKana} ${familyKana}`,
        i % 10 === 9 ? phoneOf(i - 5) : phoneOf(i),
        i % 3 === 0 ? `${given.toLowerCase()}.${tag}${i}@example.jp` : '',
        WARDS[i % WARDS.length]!,
        `"${LANGS[i % LANGS.length]}"`,
        NATIONS[i % NATIONS.length]!,
        LEVELS[i % LEVELS.length]!,
        '一般',
        `目黒区中目黒${(i % 5) + 1}-${(i % 20) + 1}-${(i % 9) + 1}`,
        `2025/${(i % 12) + 1}/${(i % 28) + 1} 10:00`,
        i % 4 === 0 ? '"夕方に電話, 通訳が必要"' : '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const numbersOf = (values: string[]) => values.map((v) => Number(v.slice(2))).sort((a, b) => a - b);

/**
 * POST /api/imports/clients with 5,000 rows, ROUNDS times: a dry run, then the import while
 * another coordinator creates a client every 100 ms, each create's wait measured; then the
 * numbers are checked to be gapless and unique, each import's rows one consecutive block.
 */
export async function benchImport(ctx: BenchContext): Promise<BenchResult> {
  const knex = ctx.db.knex;
  const { agent } = await loginAgent(ctx, 'coordinator');
  const { agent: other } = await loginAgent(ctx, 'coordinator');
  const clientsBefore = Number((await knex('clients').count({ n: '*' }))[0]!.n);
  const upload = (file: string, dryRun: boolean) =>
    agent
      .post('/api/imports/clients')
      .query({ dry_run: String(dryRun) })
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(file, 'utf8'));
  const create = (i: number) =>
    other
      .post('/api/clients')
      .send({ name: `Single Create ${i}`, name_kana: 'シングル クリエイト', languages: ['en'], municipality_code: '131105' });

  // Warm-up: the code paths and the plans, on a small file.
  const warm = await upload(rosterCsv(50, 'w'), false);
  if (warm.status !== 201) throw new Error(`warm-up import: ${warm.status} ${JSON.stringify(warm.body).slice(0, 500)}`);
  for (let i = 0; i < 5; i++) await create(-i);

  const counterBefore = Number((await knex('counters').where({ name: 'client' }).first('value'))?.value ?? 0);
  const dryMs: number[] = [];
  const importMs: number[] = [];
  const waits: number[] = [];
  let warnings = 0;
  let sent = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [ms, dry] = await timed(() => upload(rosterCsv(ROWS, `d${round}-`), true));
    if (dry.status !== 200 || dry.body.errors.length || dry.body.valid_rows !== ROWS) {
      throw new Error(`dry run: ${dry.status} ${JSON.stringify(dry.body.errors).slice(0, 500)}`);
    }
    dryMs.push(ms);
    warnings = dry.body.warnings.length;

    // The import, with a create sent every 100 ms from its start until it answers.
    const creates: Promise<unknown>[] = [];
    let importDone = false;
    const ticker = setInterval(() => {
      if (importDone) return;
      const i = sent++;
      const t0 = performance.now();
      creates.push(
        create(i).then((res) => {
          if (res.status !== 201) throw new Error(`create during import: ${res.status} ${JSON.stringify(res.body)}`);
          waits.push(performance.now() - t0);
        }),
      );
    }, CREATE_EVERY_MS);
    const [took, imported] = await timed(async () => {
      try {
        return await upload(rosterCsv(ROWS, `i${round}-`), false);
      } finally {
        importDone = true;
        clearInterval(ticker);
      }
    });
    await Promise.all(creates);
    if (imported.status !== 201 || imported.body.created !== ROWS)
      throw new Error(`import: ${imported.status} ${JSON.stringify(imported.body.errors).slice(0, 500)}`);
    importMs.push(took);
  }

  // Gapless and unique: the counter moved by exactly the rows created, each number is used
  // once, and each import's rows hold one consecutive block.
  const counterAfter = Number((await knex('counters').where({ name: 'client' }).first('value')).value);
  const all = numbersOf(await knex('clients').pluck('client_no'));
  const blocks = await Promise.all(
    Array.from({ length: ROUNDS }, async (_, round) =>
      numbersOf(
        await knex('clients')
          .whereRaw(`name ~ ?`, [` i${round}-[0-9]+$`])
          .pluck('client_no'),
      ),
    ),
  );
  const unique = new Set(all).size === all.length;
  const gapless =
    counterAfter === counterBefore + ROUNDS * ROWS + sent && all.length === counterAfter && all[0] === 1 && all.at(-1) === counterAfter;
  const consecutive = blocks.every((b) => b.length === ROWS && b.at(-1)! - b[0]! === ROWS - 1);
  const median = (v: number[]) => percentile(v, 50);
  const maxWait = Math.max(...waits);
  const met = Math.max(...importMs) < GOALS.importSeconds * 1000 && maxWait <= GOALS.maxWaitMs && unique && gapless && consecutive;
  const secs = (v: number[]) => v.map((ms) => (ms / 1000).toFixed(1)).join(', ');
  const result: BenchResult = {
    name: 'import',
    what: `POST /api/imports/clients (5,000-row CSV) as coordinator, ${ROUNDS} times; another coordinator POSTs /api/clients every 100 ms meanwhile`,
    data: `${fmtInt(clientsBefore)} clients registered before`,
    figures:
      `import ${fmtInt(ROWS / (median(importMs) / 1000))} rows/s (median of ${secs(importMs)} s), dry run ${fmtInt(ROWS / (median(dryMs) / 1000))} rows/s (median of ${secs(dryMs)} s); ` +
      `creates during the imports: max ${fmtMs(maxWait)}, p95 ${fmtMs(percentile(waits, 95))} (n=${waits.length})`,
    goal: `import < ${GOALS.importSeconds} s, dry run well under that, creates wait ≤ ${GOALS.maxWaitMs} ms, numbers gapless and unique`,
    met: met ? 'yes' : 'no',
    details: [
      `last dry run: ${fmtInt(warnings)} duplicate warnings (every tenth row repeats a phone of the file; from the second round on, every row also shares its phone with a row imported in an earlier round)`,
      `creates during the imports: p50 ${fmtMs(percentile(waits, 50))}, p95 ${fmtMs(percentile(waits, 95))}, max ${fmtMs(maxWait)}, n=${waits.length}`,
      `client numbers: counter ${counterBefore} → ${counterAfter} (${ROUNDS} × ${ROWS} imported + ${sent} single creates); unique ${unique ? 'yes' : 'NO'}, gapless ${gapless ? 'yes' : 'NO'}, ` +
        `each import one consecutive block ${consecutive ? `yes (${blocks.map((b) => `C-${b[0]}…C-${b.at(-1)}`).join(', ')})` : 'NO'}`,
    ],
  };
  log(`import: ${result.figures}`);
  return result;
}
