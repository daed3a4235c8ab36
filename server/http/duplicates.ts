import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { normalizeForSearch, phoneDigits } from '../domain/search.js';
import { hiddenFields } from '../domain/roles.js';
import { AppError } from './errors.js';
import { text } from './fields.js';
import { actor, guard } from './guard.js';
import { serializeRow } from './serialize.js';
import { parseWith } from './validate.js';

export const DuplicateQuery = z
  .object({
    name: text().max(200).optional(),
    name_kana: text().max(200).optional(),
    phone: text().max(40).optional(),
    email: text().max(254).optional(),
    exclude_id: z.coerce.number().int().positive().optional(),
  })
  .strict();

type Person = { table: 'clients' | 'volunteers'; numberColumn: string; resource: string };

export const PEOPLE = {
  clients: { table: 'clients', numberColumn: 'client_no', resource: 'clients' },
  volunteers: { table: 'volunteers', numberColumn: 'volunteer_no', resource: 'volunteers' },
} as const satisfies Record<string, Person>;

/** Records that are probably the same person: same phone digits, same email, or same name and kana. */
export async function findDuplicates(db: Knex, person: Person, input: z.infer<typeof DuplicateQuery>) {
  const digits = input.phone ? phoneDigits(input.phone) : '';
  const email = input.email?.trim().toLowerCase();
  const name = input.name ? normalizeForSearch(input.name) : '';
  const kana = input.name_kana ? normalizeForSearch(input.name_kana) : '';
  if (digits.length < 6 && !email && !(name && kana)) return [];
  const rows = await db(person.table)
    .select('id', person.numberColumn, 'name', 'name_kana', 'phone', 'email', 'archived_at')
    .where((w) => {
      if (digits.length >= 6) w.orWhereRaw(`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') = ?`, [digits]);
      if (email) w.orWhereRaw('lower(email) = ?', [email]);
      if (name && kana) w.orWhereRaw('search_text like ? and search_text like ?', [`%${name}%`, `%${kana}%`]);
    })
    .modify((q) => {
      if (input.exclude_id) q.whereNot('id', input.exclude_id);
    })
    .limit(10);
  type Found = { phone: string | null; email: string | null; name: string; name_kana: string | null } & Record<string, unknown>;
  return (rows as Found[]).map((row): Record<string, unknown> & { match: string[] } => {
    const match: string[] = [];
    if (digits.length >= 6 && row.phone && phoneDigits(row.phone) === digits) match.push('phone');
    if (email && row.email?.toLowerCase() === email) match.push('email');
    if (name && kana && normalizeForSearch(row.name) === name && normalizeForSearch(row.name_kana ?? '') === kana) match.push('name');
    return { ...serializeRow(row), match };
  }).filter((r) => r.match.length > 0);
}

/** GET /api/<people>/duplicates?name=&name_kana=&phone=&email=&exclude_id= — for the form's warning. */
export function duplicatesRoute(db: Knex, person: Person): Router {
  const router = Router();
  router.get('/duplicates', guard(person.resource, 'list'), async (req, res) => {
    const hidden = hiddenFields(actor(req).role, person.resource);
    const input = parseWith(DuplicateQuery, req.query);
    // Looking a phone or address up would say whose it is: only by name for those who may not see them.
    const refused = (['phone', 'email'] as const).filter((f) => input[f] && hidden.includes(f));
    if (refused.length) {
      const message = '電話番号やメールアドレスでの照合は、連絡先を扱う担当者 (管理者・コーディネーター) だけが行えます。';
      throw new AppError('validation', message, Object.fromEntries(refused.map((f) => [f, message])));
    }
    const found = await findDuplicates(db, person, input);
    res.json(found.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !hidden.includes(key)))));
  });
  return router;
}
