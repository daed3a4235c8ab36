import type { Knex } from 'knex';
import { z } from 'zod';
import { compactForSearch, normalizeForSearch, phoneDigits } from '../domain/search.js';
import { text } from '../core/fields.js';
import { serializeRow } from '../core/serialize.js';

export const DuplicateQuery = z
  .object({
    name: text().max(200).optional(),
    name_kana: text().max(200).optional(),
    phone: text().max(40).optional(),
    email: text().max(254).optional(),
    exclude_id: z.coerce.number().int().positive().optional(),
  })
  .strict();

export type Person = { table: 'clients' | 'volunteers'; numberColumn: string; resource: string };

export const PEOPLE = {
  clients: { table: 'clients', numberColumn: 'client_no', resource: 'clients' },
  volunteers: { table: 'volunteers', numberColumn: 'volunteer_no', resource: 'volunteers' },
} as const satisfies Record<string, Person>;

export type DuplicateInput = z.infer<typeof DuplicateQuery>;
/**
 * What two people are compared by: phone digits (6 or more), e-mail, the folded name in any
 * word order (`names`: its words' orders, compacted) and the folded kana reading.
 */
export type DuplicateKeys = { digits: string; email: string | undefined; name: string; names: string[]; kana: string };
export type Stored = { phone: string | null; email: string | null; name: string; name_kana: string | null } & Record<string, unknown>;
export type Duplicate = Record<string, unknown> & { match: string[] };

/** Names of more words than this are compared in their own order only. */
const MAX_REORDERED_WORDS = 4;

function orders(words: string[]): string[][] {
  if (words.length <= 1) return [words];
  return words.flatMap((w, i) => orders([...words.slice(0, i), ...words.slice(i + 1)]).map((rest) => [w, ...rest]));
}

/** A name's words in every order, each compacted: Thanh Nguyen also as nguyenthanh. */
export function nameOrders(name: string): string[] {
  const words = normalizeForSearch(name).split(' ').filter(Boolean);
  if (!words.length) return [];
  const all = words.length <= MAX_REORDERED_WORDS ? orders(words) : [words];
  return [...new Set(all.map((w) => w.join('')))];
}

export function duplicateKeys(input: DuplicateInput): DuplicateKeys {
  return {
    digits: input.phone ? phoneDigits(input.phone) : '',
    email: input.email?.trim().toLowerCase() || undefined,
    name: input.name ? compactForSearch(input.name) : '',
    names: input.name ? nameOrders(input.name) : [],
    kana: input.name_kana ? compactForSearch(input.name_kana) : '',
  };
}

const hasKeys = (k: DuplicateKeys) => k.digits.length >= 6 || !!k.email || !!k.name || !!k.kana;

/** In what a stored person matches the keys ('phone', 'email', 'name', 'kana'); empty when in nothing. */
export function duplicateMatch(k: DuplicateKeys, row: Stored): string[] {
  const match: string[] = [];
  if (k.digits.length >= 6 && row.phone && phoneDigits(row.phone) === k.digits) match.push('phone');
  if (k.email && row.email?.toLowerCase() === k.email) match.push('email');
  if (k.names.length && k.names.includes(compactForSearch(row.name))) match.push('name');
  if (k.kana && row.name_kana && compactForSearch(row.name_kana) === k.kana) match.push('kana');
  return match;
}

const columnsOf = (person: Person) => ['id', person.numberColumn, 'name', 'name_kana', 'phone', 'email', 'archived_at'];

const SEPARATOR = ' | ';
// buildSearchText starts with the folded name and kana, with no spaces (so never the separator);
// both parts have an index of their own (migration 20261201001601).
const NAME_PART = `split_part(search_text, '${SEPARATOR}', 1)`;
const KANA_PART = `split_part(search_text, '${SEPARATOR}', 2)`;

/** Records that are probably the same person: same phone digits, same email, same folded name or same kana. */
export async function findDuplicates(db: Knex, person: Person, input: DuplicateInput): Promise<Duplicate[]> {
  const k = duplicateKeys(input);
  if (!hasKeys(k)) return [];
  const rows = await db(person.table)
    .select(columnsOf(person))
    .where((w) => {
      if (k.digits.length >= 6) w.orWhereRaw(`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ?`, [k.digits]);
      if (k.email) w.orWhereRaw('lower(email) = ?', [k.email]);
      if (k.names.length) w.orWhereRaw(`${NAME_PART} = any(?::text[])`, [k.names]);
      if (k.kana) w.orWhereRaw(`${KANA_PART} = ?`, [k.kana]);
    })
    .modify((q) => {
      if (input.exclude_id) q.whereNot('id', input.exclude_id);
    })
    .orderBy('id')
    .limit(50);
  const stored: Stored[] = rows;
  return stored
    .map((row) => ({ ...serializeRow(row), match: duplicateMatch(k, row) }))
    .filter((r) => r.match.length > 0)
    .slice(0, 10);
}

/**
 * findDuplicates for many people at once (a roster import), in four statements whatever their
 * number: by phone digits, e-mail, folded name and folded kana, each through its index.
 * Results are in input order, each ordered by id, at most `limit` each.
 */
export async function findDuplicatesMany(db: Knex, person: Person, inputs: DuplicateInput[], limit = 10): Promise<Duplicate[][]> {
  const keys = inputs.map(duplicateKeys);
  const digits = [...new Set(keys.map((k) => k.digits).filter((d) => d.length >= 6))];
  const emails = [...new Set(keys.flatMap((k) => (k.email ? [k.email] : [])))];
  const names = [...new Set(keys.flatMap((k) => k.names))];
  const kanas = [...new Set(keys.flatMap((k) => (k.kana ? [k.kana] : [])))];
  const found = new Map<number, Stored & { id: number }>();
  const collect = (rows: (Stored & { id: number })[]) => {
    for (const row of rows) found.set(row.id, row);
  };
  const columns = columnsOf(person).join(', ');
  // One index probe per value (a plain join or `= any` of thousands of values is often planned
  // as a scan of the whole table); the values are bound, the names are this module's constants.
  const byValue = async (expression: string, values: string[]) => {
    if (!values.length) return;
    const { rows } = await db.raw(
      `select t.* from unnest(?::text[]) as k(v)
         cross join lateral (select ${columns} from ${person.table} where ${expression} = k.v order by id limit ${limit + 1}) t`,
      [values],
    );
    collect(rows);
  };
  await byValue(`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`, digits);
  await byValue('lower(email)', emails);
  await byValue(NAME_PART, names);
  await byValue(KANA_PART, kanas);
  const index = new DuplicateIndex<Stored & { id: number }>();
  for (const row of [...found.values()].sort((a, b) => Number(a.id) - Number(b.id))) index.add(row);
  return keys.map((k, i) =>
    index
      .matches(k, limit + 1)
      .filter(({ row }) => inputs[i]!.exclude_id === undefined || row.id !== inputs[i]!.exclude_id)
      .slice(0, limit)
      .map(({ row, match }) => ({ ...serializeRow(row), match })),
  );
}

/**
 * People held in memory, found by the keys duplicateMatch compares: a roster import checks
 * each row against the file's earlier rows with it, and findDuplicatesMany its results.
 */
export class DuplicateIndex<T extends Stored> {
  private readonly byKey = new Map<string, T[]>();
  private readonly order = new Map<T, number>();

  add(row: T): void {
    this.order.set(row, this.order.size);
    const keys = new Set<string>();
    if (row.phone) keys.add(`p\u0000${phoneDigits(row.phone)}`);
    if (row.email) keys.add(`e\u0000${row.email.toLowerCase()}`);
    keys.add(`n\u0000${compactForSearch(row.name)}`);
    if (row.name_kana) keys.add(`k\u0000${compactForSearch(row.name_kana)}`);
    for (const key of keys) {
      const rows = this.byKey.get(key);
      if (rows) rows.push(row);
      else this.byKey.set(key, [row]);
    }
  }

  /**
   * The first `limit` people added that match the keys, in the order they were added, with how
   * they match. Everyone under a key matches by it, so the first `limit` under each key are
   * enough, however many share an office phone.
   */
  matches(k: DuplicateKeys, limit = Infinity): { row: T; match: string[] }[] {
    if (!hasKeys(k)) return [];
    const candidates = new Set<T>();
    const look = (key: string) => {
      for (const row of this.byKey.get(key)?.slice(0, limit) ?? []) candidates.add(row);
    };
    if (k.digits.length >= 6) look(`p\u0000${k.digits}`);
    if (k.email) look(`e\u0000${k.email}`);
    for (const name of k.names) look(`n\u0000${name}`);
    if (k.kana) look(`k\u0000${k.kana}`);
    return [...candidates]
      .sort((a, b) => this.order.get(a)! - this.order.get(b)!)
      .slice(0, limit)
      .map((row) => ({ row, match: duplicateMatch(k, row) }))
      .filter((m) => m.match.length > 0);
  }
}
