import {
  explain,
  fmtInt,
  captureQueries,
  loginAgent,
  log,
  percentile,
  summary,
  timed,
  type BenchContext,
  type BenchResult,
} from './lib.js';

type Term = { kind: 'kana' | 'latin' | 'phone'; q: string };

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! - 0x60));
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

/** ~200 queries a coordinator would type, drawn from the data: kana (katakana, hiragana, partial), latin names, phone digits. */
async function terms(ctx: BenchContext): Promise<Term[]> {
  const { rows } = (await ctx.db.knex.raw(
    `select name, name_kana, phone, name ~ '^[A-Za-z ]+$' as latin from clients where id in (
       select 1 + floor(random() * (select max(id) from clients))::int from generate_series(1, 600))`,
  )) as { rows: { name: string; name_kana: string | null; phone: string | null; latin: boolean }[] };
  const out: Term[] = [];
  const kana = rows.filter((r) => r.name_kana).map((r) => r.name_kana!.split(' '));
  const latin = rows.filter((r) => r.latin).map((r) => r.name.split(' '));
  const phones = rows.filter((r) => r.phone).map((r) => r.phone!.replace(/\D/g, ''));
  for (let i = 0; out.length < 70; i++) {
    const [family, given] = pick(kana, i);
    const word = i % 3 === 2 && given && given.length >= 3 ? given : family!;
    if (word.length < 3) continue; // a trigram index needs three characters
    if (i % 4 === 0) out.push({ kind: 'kana', q: toHiragana(word) });
    else if (i % 4 === 1) out.push({ kind: 'kana', q: word.slice(0, 3) });
    else out.push({ kind: 'kana', q: word });
  }
  for (let i = 0; out.length < 140; i++) {
    const parts = pick(latin, i);
    const word = i % 2 ? parts[0]! : parts.at(-1)!;
    if (word.length < 3) continue;
    out.push({ kind: 'latin', q: i % 5 === 0 ? word.toUpperCase() : i % 5 === 1 ? word.slice(0, 4).toLowerCase() : word });
  }
  for (let i = 0; out.length < 200; i++) {
    const d = pick(phones, i);
    const last8 = d.slice(-8);
    const forms = [`${last8.slice(0, 4)}-${last8.slice(4)}`, last8.slice(4), d, `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`, last8];
    out.push({ kind: 'phone', q: pick(forms, i) });
  }
  return out;
}

/** GET /api/clients?filter={"q":…} as a coordinator, over 100,000 clients. */
export async function benchSearch(ctx: BenchContext): Promise<BenchResult> {
  const { agent } = await loginAgent(ctx, 'coordinator');
  const list = await terms(ctx);
  const get = (q: string) => agent.get('/api/clients').query({ filter: JSON.stringify({ q }) });
  for (const t of list.slice(0, 10)) await get(t.q); // warm-up
  const samples: Record<string, number[]> = { kana: [], latin: [], phone: [] };
  const all: number[] = [];
  const hits: number[] = [];
  for (const t of list) {
    const [ms, res] = await timed(() => get(t.q));
    if (res.status !== 200) throw new Error(`search ${t.q}: ${res.status} ${JSON.stringify(res.body)}`);
    hits.push(Number(/\/(\d+)$/.exec(String(res.headers['content-range']))?.[1] ?? 0));
    samples[t.kind]!.push(ms);
    all.push(ms);
  }
  // The statements behind one request of each kind, and whether their plans use the trigram index.
  const details: string[] = [];
  let indexed = true;
  for (const kind of ['kana', 'latin', 'phone'] as const) {
    const t = list.find((x) => x.kind === kind)!;
    const queries = (await captureQueries(ctx, () => get(t.q))).filter((q) => q.sql.includes('search_text'));
    for (const q of queries) {
      const plan = await explain(ctx, q);
      const uses = plan.some((l) => l.includes('clients_search_trgm'));
      indexed &&= uses;
      const what = q.sql.startsWith('select count') ? 'count' : 'page';
      details.push(
        `EXPLAIN ${kind} "${t.q}" (${what}, param ${JSON.stringify(q.bindings[0])}): contains "clients_search_trgm": ${uses ? 'yes' : 'NO'} — ${plan
          .map((l) => l.trim())
          .filter((l) => /Scan|Sort|Limit|Aggregate/.test(l))
          .slice(0, 4)
          .join(' / ')}`,
      );
    }
    if (!queries.length) indexed = false;
  }
  for (const kind of ['kana', 'latin', 'phone'] as const)
    details.unshift(
      `${kind}: ${summary(samples[kind]!)}; e.g. ${list
        .filter((t) => t.kind === kind)
        .slice(0, 4)
        .map((t) => `"${t.q}"`)
        .join(', ')}`,
    );
  details.push(
    `matches per query: median ${fmtInt(percentile(hits, 50))}, max ${fmtInt(Math.max(...hits))}, none for ${hits.filter((h) => h === 0).length} of ${hits.length}`,
  );
  const result: BenchResult = {
    name: 'search',
    what: 'GET /api/clients?filter={"q":…} as coordinator (page of 25 + Content-Range count)',
    data: `${fmtInt(ctx.data.counts.clients!)} clients`,
    figures: `${summary(all)}; trigram index in plan: ${indexed ? 'yes' : 'no'}`,
    goal: 'plans use clients_search_trgm (no latency target set)',
    met: indexed ? 'yes' : 'no',
    details,
  };
  log(`search: ${result.figures}`);
  return result;
}
