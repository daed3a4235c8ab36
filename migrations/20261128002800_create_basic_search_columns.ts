import type { Knex } from 'knex';

/**
 * `search_basic`: what volunteer staff and the secretariat may find a resident or a request by
 * (names and readable numbers), without the contact details and casework text that
 * `search_text` also holds for coordinators. Filled here once from the records, in batches,
 * with the same normalisation as the app.
 */
const BATCH = 2000;

// The app's search normalisation as it was when this migration was written (NFKC, lower case,
// katakana as hiragana, runs of spaces as one), frozen here so the migration never changes.
function normalise(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const code = ch.codePointAt(0)!;
    out += code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : ch;
  }
  return out.replace(/[\s\u3000]+/g, ' ').trim();
}

function buildSearchText(values: (string | null | undefined)[], phones: (string | null | undefined)[] = []): string {
  const parts = values.filter((v): v is string => !!v).map(normalise);
  for (const phone of phones) if (phone) parts.push(normalise(phone), phone.normalize('NFKC').replace(/\D+/g, ''));
  return parts.join(' | ');
}

async function fill(
  knex: Knex,
  table: string,
  select: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  text: (row: Record<string, string | null>) => string,
) {
  for (let after = 0; ; ) {
    const rows = (await select(knex(table)).where(`${table}.id`, '>', after).orderBy(`${table}.id`).limit(BATCH)) as (Record<
      string,
      string | null
    > & { id: number })[];
    if (!rows.length) return;
    // One statement a batch: update … from (values …), not one round trip a row.
    const values = rows.map(() => '(?::integer, ?::text)').join(', ');
    await knex.raw(
      `update ${table} t set search_basic = v.text from (values ${values}) v(id, text) where t.id = v.id`,
      rows.flatMap((row) => [row.id, text(row)]),
    );
    after = rows.at(-1)!.id;
  }
}

export async function up(knex: Knex): Promise<void> {
  for (const table of ['clients', 'support_requests']) {
    await knex.schema.alterTable(table, (t) => t.text('search_basic').notNullable().defaultTo(''));
  }
  await fill(
    knex,
    'clients',
    (q) => q.select('id', 'name', 'name_kana', 'client_no'),
    (c) => buildSearchText([c.name, c.name_kana, c.client_no]),
  );
  await fill(
    knex,
    'support_requests',
    (q) =>
      q
        .leftJoin('clients as c', 'c.id', 'support_requests.client_id')
        .select('support_requests.id', 'support_requests.request_no', 'c.name', 'c.name_kana', 'c.client_no'),
    (r) => buildSearchText([r.name, r.name_kana, r.client_no], [r.request_no]),
  );
  for (const table of ['clients', 'support_requests']) {
    await knex.raw(`create index ${table}_search_basic_trgm on ${table} using gin (search_basic gin_trgm_ops)`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['clients', 'support_requests']) {
    await knex.schema.alterTable(table, (t) => t.dropColumn('search_basic'));
  }
}
