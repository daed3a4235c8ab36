import type { Knex } from 'knex';

/**
 * Names as foreign residents write them: the stored search texts are folded further (accents
 * and diacritics, ヴ/ブ, the long-vowel mark, spaces and ・ inside each part), and the duplicate
 * check gets indexes on the name and kana parts. The stored texts were already normalised
 * (NFKC, lower case, hiragana, one space), so the extra folding is applied to them part by part.
 */
const BATCH = 2000;
const SEPARATOR = ' | ';

// The folding as it was when this migration was written, frozen here so the migration never changes.
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const LETTERS: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', þ: 'th' };
const VU: Record<string, string> = { ぁ: 'ば', ぃ: 'び', ぇ: 'べ', ぉ: 'ぼ' };

function foldPart(part: string): string {
  let out = '';
  for (const ch of part.normalize('NFD').replace(ACCENTS, '').normalize('NFC')) out += LETTERS[ch] ?? ch;
  return out
    .replace(/ゔ([ぁぃぇぉ]?)/g, (_, small: string) => (small ? VU[small]! : 'ぶ'))
    .replace(/ー/g, '')
    .replace(/[\s\u3000・゠=]+/g, '');
}

const fold = (text: string) => text.split(SEPARATOR).map(foldPart).join(SEPARATOR);

async function refold(knex: Knex, table: string, column: string) {
  for (let after = 0; ; ) {
    const rows: { id: number; text: string }[] = await knex(table)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', `${column} as text`);
    if (!rows.length) return;
    const changed = rows.map((r) => ({ id: r.id, text: fold(r.text) })).filter((r, i) => r.text !== rows[i]!.text);
    if (changed.length) {
      await knex.raw(
        `update ${table} t set ${column} = v.text from (values ${changed.map(() => '(?::integer, ?::text)').join(', ')}) v(id, text) where t.id = v.id`,
        changed.flatMap((r) => [r.id, r.text]),
      );
    }
    after = rows.at(-1)!.id;
  }
}

export async function up(knex: Knex): Promise<void> {
  for (const table of ['partners', 'clients', 'volunteers', 'support_requests']) await refold(knex, table, 'search_text');
  for (const table of ['clients', 'support_requests']) await refold(knex, table, 'search_basic');
  // The duplicate check looks people up by their folded name and by their folded kana alone.
  for (const table of ['clients', 'volunteers']) {
    await knex.raw(`create index ${table}_name_key on ${table} ((split_part(search_text, '${SEPARATOR}', 1)))`);
    await knex.raw(`create index ${table}_kana_key on ${table} ((split_part(search_text, '${SEPARATOR}', 2)))`);
  }
}

// The folding cannot be undone (the accents are gone from the search text, not from the
// records); going down keeps the folded texts, which the older code searches all the same
// for anything typed without accents and spaces.
export async function down(knex: Knex): Promise<void> {
  for (const table of ['clients', 'volunteers']) {
    await knex.raw(`drop index if exists ${table}_name_key`);
    await knex.raw(`drop index if exists ${table}_kana_key`);
  }
}
