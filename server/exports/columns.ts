import type { Lang } from '../domain/labels.js';

/**
 * What each list export contains. Columns restricted to some roles (RESTRICTED_FIELDS in
 * domain/roles.ts: residents' contact details, free text that may carry health details) are
 * left out for everyone else, as in the API. Special-care notes are in no export at all.
 *
 * A file is read by people: a reference to another record is exported as what they know it by
 * (its readable number, a person's or municipality's name, a staff member's name), never as an
 * internal id, and the list's own id is not exported.
 */
export type ColumnKind = 'text' | 'number' | 'datetime' | 'date' | 'bool' | 'languages' | 'country' | 'list';
export type ExportColumn = {
  /** The output column's name; a field of the resource unless `sql` computes it. */
  field: string;
  kind?: ColumnKind;
  enum?: string;
  /** The value, as SQL over the exported table (same on both engines), for looked-up names. */
  sql?: (table: string, lang: Lang) => string;
  /** The header when `field` is not one of the resource's fields. */
  header?: Record<Lang, string>;
  /** The resource field whose visibility (RESTRICTED_FIELDS) this column follows. */
  guard?: string;
};

const c = (field: string, extra: Omit<ExportColumn, 'field'> = {}): ExportColumn => ({ field, ...extra });
const stamps = [c('created_at', { kind: 'datetime' }), c('updated_at', { kind: 'datetime' })];

const municipalityName = (lang: Lang) => (lang === 'ja' ? 'm.name_ja' : 'coalesce(m.name_en, m.name_ja)');

/** A municipality's name in the export's language instead of its 6-digit code. */
const municipality = (field: string): ExportColumn =>
  c(field, { sql: (t, lang) => `select ${municipalityName(lang)} from municipalities m where m.code = ${t}.${field}` });

/** Municipality names of a code list, in the list's order. */
const municipalities = (field: string): ExportColumn =>
  c(field, {
    kind: 'list',
    sql: (t, lang) =>
      `array(select ${municipalityName(lang)} from unnest(${t}.${field}) with ordinality u(code, o) join municipalities m on m.code = u.code order by u.o)`,
  });

/** One column of the record `from` points to (in `table`), under its own header. */
const lookup = (field: string, table: string, column: string, from: string, header: Record<Lang, string>): ExportColumn =>
  c(field, { sql: (t) => `select r.${column} from ${table} r where r.id = ${t}.${from}`, header, guard: from });

const staffName = (field: string, from: string, header: Record<Lang, string>) => lookup(field, 'staff', 'display_name', from, header);
const clientNo = (from = 'client_id') => lookup('client_no', 'clients', 'client_no', from, { ja: '利用者番号', en: 'Client no.' });
const clientName = (from = 'client_id') => lookup('client_name', 'clients', 'name', from, { ja: '利用者氏名', en: 'Client name' });
const volunteerNo = (from = 'volunteer_id') =>
  lookup('volunteer_no', 'volunteers', 'volunteer_no', from, { ja: 'ボランティア番号', en: 'Volunteer no.' });
const volunteerName = (from = 'volunteer_id') =>
  lookup('volunteer_name', 'volunteers', 'name', from, { ja: 'ボランティア氏名', en: 'Volunteer name' });
const requestNo = (from = 'request_id') =>
  lookup('request_no', 'support_requests', 'request_no', from, { ja: '依頼番号', en: 'Request no.' });

export const EXPORT_COLUMNS: Record<string, ExportColumn[]> = {
  clients: [
    c('client_no'),
    c('name'),
    c('name_kana'),
    c('nationality', { kind: 'country' }),
    c('languages', { kind: 'languages' }),
    c('japanese_level', { enum: 'japanese_level' }),
    c('phone'),
    c('email'),
    municipality('municipality_code'),
    c('address'),
    c('eligibility', { enum: 'eligibility' }),
    c('ofp_member_no'),
    c('partner_id', { sql: (t) => `select p.name from partners p where p.id = ${t}.partner_id` }),
    c('consent_at', { kind: 'datetime' }),
    c('notes'),
    c('archived_at', { kind: 'datetime' }),
    ...stamps,
  ],
  volunteers: [
    c('volunteer_no'),
    c('name'),
    c('name_kana'),
    c('email'),
    c('phone'),
    municipality('municipality_code'),
    municipalities('service_municipality_codes'),
    c('languages', { kind: 'languages' }),
    c('in_person_ok', { kind: 'bool' }),
    c('online_ok', { kind: 'bool' }),
    c('task_types', { kind: 'list', enum: 'task_type' }),
    c('monthly_limit', { kind: 'number' }),
    c('status', { enum: 'volunteer_status' }),
    c('ofp_registered', { kind: 'bool' }),
    c('id_check_valid_until', { kind: 'date' }),
    ...stamps,
  ],
  'id-checks': [
    volunteerNo(),
    volunteerName(),
    c('checked_on', { kind: 'date' }),
    c('method', { enum: 'id_check_method' }),
    c('document_type', { enum: 'id_document_type' }),
    c('result', { enum: 'id_check_result' }),
    c('valid_until', { kind: 'date' }),
    c('document_expiry_month'),
    staffName('checked_by_name', 'checked_by', { ja: '確認者', en: 'Checked by' }),
    c('notes'),
    ...stamps,
  ],
  'support-requests': [
    c('request_no'),
    clientNo(),
    clientName(),
    c('channel', { enum: 'channel' }),
    c('received_at', { kind: 'datetime' }),
    c('category', { enum: 'category' }),
    c('task_type', { enum: 'task_type' }),
    c('mode', { enum: 'mode' }),
    c('language', { kind: 'languages' }),
    municipality('municipality_code'),
    c('place'),
    c('description'),
    c('start_at', { kind: 'datetime' }),
    c('end_at', { kind: 'datetime' }),
    c('status', { enum: 'request_status' }),
    c('status_reason'),
    staffName('coordinator_name', 'coordinator_id', { ja: '担当コーディネーター', en: 'Coordinator' }),
    ...stamps,
  ],
  assignments: [
    requestNo(),
    volunteerNo(),
    volunteerName(),
    c('status', { enum: 'assignment_status' }),
    c('start_at', { kind: 'datetime' }),
    c('end_at', { kind: 'datetime' }),
    c('note'),
    c('confirmed_at', { kind: 'datetime' }),
    ...stamps,
  ],
  'activity-reports': [
    requestNo(),
    c('actual_start_at', { kind: 'datetime' }),
    c('actual_end_at', { kind: 'datetime' }),
    c('outcome', { enum: 'outcome' }),
    c('summary'),
    c('follow_up_needed', { kind: 'bool' }),
    c('follow_up_note'),
    c('outside_service_rules', { kind: 'bool' }),
    ...stamps,
  ],
  expenses: [
    requestNo(),
    volunteerNo(),
    volunteerName(),
    c('kind', { enum: 'expense_kind' }),
    c('amount_yen', { kind: 'number' }),
    c('settled_on', { kind: 'date' }),
    c('settlement_method', { enum: 'settlement_method' }),
    c('note'),
    ...stamps,
  ],
  'closed-dates': [
    c('from_date', { kind: 'date' }),
    c('to_date', { kind: 'date' }),
    c('reason'),
    c('every_year', { kind: 'bool' }),
    ...stamps,
  ],
  partners: [c('name'), c('contact_name'), c('phone'), c('email'), c('notes'), ...stamps],
  staff: [c('email'), c('display_name'), c('role', { enum: 'role' }), c('active', { kind: 'bool' })],
  municipalities: [c('code'), c('name_ja'), c('name_en'), c('prefecture'), c('in_service_area', { kind: 'bool' })],
  'audit-log': [
    c('at', { kind: 'datetime' }),
    staffName('staff_name', 'staff_id', { ja: 'スタッフ', en: 'Staff' }),
    c('action', { enum: 'audit_action' }),
    c('resource'),
    c('record_id'),
    c('changed_fields', { kind: 'list' }),
  ],
};
