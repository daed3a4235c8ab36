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
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const password_hash = overrides.password ? await hashPassword(overrides.password) : await cachedHash;
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

export async function createPartner(
  knex: Knex,
  overrides: Partial<{ name: string; phone: string; email: string; contact_name: string }> = {},
) {
  seq += 1;
  const row = { name: overrides.name ?? `テスト団体${seq}`, contact_name: null, phone: null, email: null, ...overrides };
  const [created] = await knex('partners')
    .insert({ ...row, search_text: buildSearchText([row.name, row.contact_name, row.email], [row.phone]) })
    .returning('*');
  return created as { id: number; name: string; version: number };
}

export async function createClient(
  knex: Knex,
  overrides: Partial<{
    name: string;
    name_kana: string;
    languages: string[];
    eligibility: string;
    ofp_member_no: string;
    municipality_code: string;
    phone: string;
    email: string;
  }> = {},
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
  const [created] = await knex('clients')
    .insert({
      ...row,
      search_text: buildSearchText([row.name, row.client_no, row.email], [row.phone]),
      search_basic: buildSearchText([row.name, row.client_no]),
    })
    .returning('*');
  return created as { id: number; name: string; client_no: string; languages: string[] };
}

export type VolunteerOverrides = Partial<{
  name: string;
  languages: string[];
  status: string;
  municipality_code: string | null;
  service_municipality_codes: string[];
  in_person_ok: boolean;
  online_ok: boolean;
  availability: { weekday: number; start: string; end: string }[];
  monthly_limit: number | null;
  id_check_valid_until: string | null;
  task_types: string[];
  gender: string | null;
}>;

/** A volunteer ready to be matched unless overridden: active, checked, free all week. */
export async function createVolunteer(knex: Knex, overrides: VolunteerOverrides = {}) {
  seq += 1;
  const row = {
    volunteer_no: `V-T${String(seq).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`,
    name: `ボランティア${seq}`,
    languages: ['ja', 'en'],
    status: 'active',
    municipality_code: null,
    service_municipality_codes: ['131105'],
    in_person_ok: true,
    online_ok: true,
    availability: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:30', end: '18:00' })),
    monthly_limit: null,
    id_check_valid_until: '2099-12-31',
    ...overrides,
  };
  const [created] = await knex('volunteers')
    .insert({ ...row, availability: JSON.stringify(row.availability), search_text: buildSearchText([row.name, row.volunteer_no]) })
    .returning('*');
  return created as { id: number; name: string; volunteer_no: string };
}

let requestSeq = 0;
/** A request straight in the given status (default matching), for matching and reporting tests. */
export async function createRequest(
  knex: Knex,
  overrides: Partial<{
    client_id: number;
    status: string;
    language: string | null;
    mode: string;
    municipality_code: string | null;
    task_type: string;
    start_at: string | null;
    end_at: string | null;
    received_at: string;
    category: string;
    channel: string;
    preferred_volunteer_gender: string | null;
  }> = {},
) {
  requestSeq += 1;
  const client_id = overrides.client_id ?? (await createClient(knex)).id;
  const [created] = await knex('support_requests')
    .insert({
      request_no: `R-T-${requestSeq}-${Math.random().toString(36).slice(2, 8)}`,
      client_id,
      channel: 'phone',
      category: 'medical',
      task_type: 'hospital',
      mode: 'in_person',
      language: 'en',
      municipality_code: '131105',
      start_at: '2026-03-02T10:00:00+09:00',
      end_at: '2026-03-02T12:00:00+09:00',
      status: 'matching',
      ...overrides,
    })
    .returning('*');
  return created as { id: number; client_id: number; request_no: string };
}

/**
 * A bulk load, as the benchmark's data generator does it: the monthly report's row triggers
 * off while `load` inserts (each looks at the resident's other requests, so 20,000 requests of
 * one resident would take minutes on PGlite), then one recount of everything.
 */
export async function bulkLoad(knex: Knex, load: () => Promise<unknown>): Promise<void> {
  await knex.raw('alter table support_requests disable trigger support_requests_report_counts');
  try {
    await load();
  } finally {
    await knex.raw('alter table support_requests enable trigger support_requests_report_counts');
  }
  await knex.raw('select report_month_counts_refill()');
}
