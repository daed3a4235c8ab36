import type { Knex } from 'knex';
import { hashPassword } from '../../server/auth/password.js';
import type { Role } from '../../server/domain/enums.js';
import { buildSearchText } from '../../server/domain/search.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let seq = 0;
let cachedHash: Promise<string> | undefined;

export async function createStaff(
  knex: Knex,
  overrides: Partial<{ role: Role; email: string; display_name: string; active: boolean; password: string }> = {},
) {
  seq += 1;
  const password_hash = overrides.password
    ? await hashPassword(overrides.password)
    : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const row = {
    email: overrides.email ?? `staff${seq}-${Date.now()}@test.example`,
    display_name: overrides.display_name ?? `テスト スタッフ${seq}`,
    role: overrides.role ?? 'coordinator',
    active: overrides.active ?? true,
    password_hash,
  };
  const [created] = await knex('staff').insert(row).returning('*');
  return created as { id: number; email: string; role: Role; display_name: string };
}

export async function createPartner(knex: Knex, overrides: Partial<{ name: string; phone: string; email: string; contact_name: string }> = {}) {
  seq += 1;
  const row = { name: overrides.name ?? `テスト団体${seq}`, contact_name: null, phone: null, email: null, ...overrides };
  const [created] = await knex('partners')
    .insert({ ...row, search_text: buildSearchText([row.name, row.contact_name, row.email], [row.phone]) })
    .returning('*');
  return created as { id: number; name: string; version: number };
}

export async function createClient(
  knex: Knex,
  overrides: Partial<{ name: string; name_kana: string; languages: string[]; eligibility: string; ofp_member_no: string; municipality_code: string }> = {},
) {
  seq += 1;
  const row = {
    client_no: `C-T${String(seq).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`,
    name: `Client ${seq}`,
    languages: ['en'],
    eligibility: 'ofp_member',
    ofp_member_no: `OFP-${seq}`,
    ...overrides,
  };
  const [created] = await knex('clients').insert({ ...row, search_text: buildSearchText([row.name, row.client_no]) }).returning('*');
  return created as { id: number; name: string; client_no: string; languages: string[] };
}
