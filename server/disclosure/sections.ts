import type { Knex } from 'knex';
import type { Lang } from '../domain/labels.js';

/** Whose data a package holds: a resident (clients) or a volunteer (volunteers), and their record. */
export type Subject = { kind: 'clients' | 'volunteers'; id: number; record: Record<string, unknown> };

/**
 * A column of a section: its field, the resource whose field names label it (or its own
 * labels), and the enumeration that names its codes.
 */
export type Column = {
  field: string;
  label: string | Record<Lang, string>;
  enum?: string;
  /** Language codes, shown by name. */
  language?: true;
  /** Names of the person's fields (or field groups), shown by their labels. */
  fieldNames?: true;
};

/**
 * One table of the package: a section of the printable summary and one CSV file. Adding what a
 * new table holds about a person (consents, messages sent to them) is one more entry in the
 * list of the person's kind below.
 */
export type Section = {
  key: string;
  title: Record<Lang, string>;
  csv: string;
  columns: Column[];
  rows: (db: Knex, subject: Subject) => Promise<Record<string, unknown>[]>;
};

const L = (ja: string, en: string): Record<Lang, string> => ({ ja, en });

const clientRecord: Section = {
  key: 'record',
  title: L('登録内容', 'Your record'),
  csv: 'record.csv',
  columns: [
    { field: 'client_no', label: 'clients' },
    { field: 'name', label: 'clients' },
    { field: 'name_kana', label: 'clients' },
    { field: 'nationality', label: 'clients' },
    { field: 'languages', label: 'clients', language: true },
    { field: 'japanese_level', label: 'clients', enum: 'japanese_level' },
    { field: 'phone', label: 'clients' },
    { field: 'email', label: 'clients' },
    { field: 'municipality', label: L('区市町村', 'Municipality') },
    { field: 'address', label: 'clients' },
    { field: 'eligibility', label: 'clients', enum: 'eligibility' },
    { field: 'ofp_member_no', label: 'clients' },
    { field: 'partner', label: L('紹介元の関連団体', 'Referring partner') },
    { field: 'consent_at', label: 'clients' },
    { field: 'special_care_notes', label: 'clients' },
    { field: 'notes', label: 'clients' },
    { field: 'contact_stopped_at', label: 'clients' },
    { field: 'contact_stop_reason', label: 'clients' },
    { field: 'archived_at', label: 'clients' },
    { field: 'created_at', label: 'clients' },
    { field: 'updated_at', label: 'clients' },
  ],
  rows: (db, s) =>
    db('clients as c')
      .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
      .leftJoin('partners as p', 'p.id', 'c.partner_id')
      .where('c.id', s.id)
      .select('c.*', 'm.name_ja as municipality', 'p.name as partner'),
};

const clientRequests: Section = {
  key: 'requests',
  title: L('ご相談 (依頼)', 'Your requests'),
  csv: 'requests.csv',
  columns: [
    { field: 'request_no', label: 'support-requests' },
    { field: 'received_at', label: 'support-requests' },
    { field: 'channel', label: 'support-requests', enum: 'channel' },
    { field: 'category', label: 'support-requests', enum: 'category' },
    { field: 'task_type', label: 'support-requests', enum: 'task_type' },
    { field: 'mode', label: 'support-requests', enum: 'mode' },
    { field: 'language', label: 'support-requests', language: true },
    { field: 'municipality', label: L('区市町村', 'Municipality') },
    { field: 'place', label: 'support-requests' },
    { field: 'description', label: 'support-requests' },
    { field: 'start_at', label: 'support-requests' },
    { field: 'end_at', label: 'support-requests' },
    { field: 'status', label: 'support-requests', enum: 'request_status' },
    { field: 'status_reason', label: 'support-requests' },
    { field: 'intake', label: L('Webフォームの入力内容', 'Web-form entry') },
  ],
  rows: (db, s) =>
    db('support_requests as r')
      .leftJoin('municipalities as m', 'm.code', 'r.municipality_code')
      .where('r.client_id', s.id)
      .orderBy('r.received_at')
      .orderBy('r.id')
      .select('r.*', 'm.name_ja as municipality'),
};

const ofClient = (db: Knex, s: Subject) => db('support_requests').where('client_id', s.id).select('id');

const clientAssignments: Section = {
  key: 'assignments',
  title: L('ボランティアの手配', 'Volunteers arranged'),
  csv: 'assignments.csv',
  columns: [
    { field: 'request_no', label: 'support-requests' },
    { field: 'volunteer', label: L('ボランティア', 'Volunteer') },
    { field: 'status', label: 'assignments', enum: 'assignment_status' },
    { field: 'start_at', label: 'assignments' },
    { field: 'end_at', label: 'assignments' },
  ],
  // Who the volunteer was is their personal data, not the resident's.
  rows: (db, s) =>
    db('assignments as a')
      .join('support_requests as r', 'r.id', 'a.request_id')
      .whereIn('a.request_id', ofClient(db, s))
      .orderBy('a.id')
      .select('r.request_no', db.raw("'ボランティア' as volunteer"), 'a.status', 'a.start_at', 'a.end_at'),
};

const timelineColumns: Column[] = [
  { field: 'request_no', label: 'support-requests' },
  { field: 'at', label: L('日時', 'When') },
  { field: 'kind', label: L('種類', 'Kind'), enum: 'request_event_kind' },
  { field: 'party', label: L('相手', 'With'), enum: 'event_party' },
  { field: 'from_status', label: L('変更前の状態', 'From'), enum: 'request_status' },
  { field: 'to_status', label: L('変更後の状態', 'To'), enum: 'request_status' },
  { field: 'body', label: L('内容', 'Entry') },
];

const clientTimeline: Section = {
  key: 'timeline',
  title: L('対応の記録', 'Record of our contacts'),
  csv: 'timeline.csv',
  columns: timelineColumns,
  rows: (db, s) =>
    db('request_events as e')
      .join('support_requests as r', 'r.id', 'e.request_id')
      .whereIn('e.request_id', ofClient(db, s))
      .orderBy('e.at')
      .orderBy('e.id')
      .select('r.request_no', 'e.at', 'e.kind', 'e.party', 'e.from_status', 'e.to_status', 'e.body'),
};

const clientReports: Section = {
  key: 'activity_reports',
  title: L('活動報告', 'Activity reports'),
  csv: 'activity_reports.csv',
  columns: [
    { field: 'request_no', label: 'support-requests' },
    { field: 'actual_start_at', label: 'activity-reports' },
    { field: 'actual_end_at', label: 'activity-reports' },
    { field: 'outcome', label: 'activity-reports', enum: 'outcome' },
    { field: 'summary', label: 'activity-reports' },
    { field: 'follow_up_needed', label: 'activity-reports' },
    { field: 'follow_up_note', label: 'activity-reports' },
  ],
  rows: (db, s) =>
    db('activity_reports as ar')
      .join('support_requests as r', 'r.id', 'ar.request_id')
      .whereIn('ar.request_id', ofClient(db, s))
      .orderBy('ar.actual_start_at')
      .select(
        'r.request_no',
        'ar.actual_start_at',
        'ar.actual_end_at',
        'ar.outcome',
        'ar.summary',
        'ar.follow_up_needed',
        'ar.follow_up_note',
      ),
};

const expenseColumns: Column[] = [
  { field: 'request_no', label: 'support-requests' },
  { field: 'kind', label: 'expenses', enum: 'expense_kind' },
  { field: 'amount_yen', label: 'expenses' },
  { field: 'settled_on', label: 'expenses' },
  { field: 'settlement_method', label: 'expenses', enum: 'settlement_method' },
];

const clientExpenses: Section = {
  key: 'expenses',
  title: L('費用', 'Expenses'),
  csv: 'expenses.csv',
  columns: expenseColumns,
  rows: (db, s) =>
    db('expenses as x')
      .join('support_requests as r', 'r.id', 'x.request_id')
      .whereIn('x.request_id', ofClient(db, s))
      .orderBy('x.id')
      .select('r.request_no', 'x.kind', 'x.amount_yen', 'x.settled_on', 'x.settlement_method'),
};

/** Who read or changed the person's record: by role, never by a staff member's name. */
const auditSection: Section = {
  key: 'audit',
  title: L('記録を見た・変更した履歴', 'Who viewed or changed your record'),
  csv: 'audit_log.csv',
  columns: [
    { field: 'at', label: 'audit-log' },
    { field: 'role', label: L('担当者の役割', 'Staff role'), enum: 'role' },
    { field: 'action', label: 'audit-log', enum: 'audit_action' },
    { field: 'changed_fields', label: L('項目', 'Fields'), fieldNames: true },
  ],
  rows: (db, s) =>
    db('audit_log as l')
      .leftJoin('staff as st', 'st.id', 'l.staff_id')
      .where({ 'l.resource': s.kind, 'l.record_id': String(s.id) })
      .orderBy('l.at')
      .orderBy('l.id')
      .select('l.at', 'st.role', 'l.action', 'l.changed_fields'),
};

const volunteerRecord: Section = {
  key: 'record',
  title: L('登録内容', 'Your record'),
  csv: 'record.csv',
  columns: [
    { field: 'volunteer_no', label: 'volunteers' },
    { field: 'name', label: 'volunteers' },
    { field: 'name_kana', label: 'volunteers' },
    { field: 'phone', label: 'volunteers' },
    { field: 'email', label: 'volunteers' },
    { field: 'municipality', label: L('居住区市町村', 'Home municipality') },
    { field: 'service_municipality_codes', label: 'volunteers' },
    { field: 'languages', label: 'volunteers', language: true },
    { field: 'in_person_ok', label: 'volunteers' },
    { field: 'online_ok', label: 'volunteers' },
    { field: 'task_types', label: 'volunteers', enum: 'task_type' },
    { field: 'availability', label: 'volunteers' },
    { field: 'monthly_limit', label: 'volunteers' },
    { field: 'status', label: 'volunteers', enum: 'volunteer_status' },
    { field: 'ofp_registered', label: 'volunteers' },
    { field: 'notes', label: 'volunteers' },
    { field: 'id_check_valid_until', label: 'volunteers' },
    { field: 'contact_stopped_at', label: 'volunteers' },
    { field: 'contact_stop_reason', label: 'volunteers' },
    { field: 'created_at', label: 'volunteers' },
    { field: 'updated_at', label: 'volunteers' },
  ],
  rows: (db, s) =>
    db('volunteers as v')
      .leftJoin('municipalities as m', 'm.code', 'v.municipality_code')
      .where('v.id', s.id)
      .select('v.*', 'm.name_ja as municipality'),
};

const volunteerIdChecks: Section = {
  key: 'id_checks',
  title: L('本人確認', 'ID checks'),
  csv: 'id_checks.csv',
  columns: [
    { field: 'checked_on', label: 'id-checks' },
    { field: 'method', label: 'id-checks', enum: 'id_check_method' },
    { field: 'document_type', label: 'id-checks', enum: 'id_document_type' },
    { field: 'result', label: 'id-checks', enum: 'id_check_result' },
    { field: 'valid_until', label: 'id-checks' },
    { field: 'notes', label: 'id-checks' },
  ],
  rows: (db, s) => db('id_checks').where('volunteer_id', s.id).orderBy('checked_on').orderBy('id'),
};

/** A volunteer's activities: what and when, never who the resident was or what their case held. */
const volunteerAssignments: Section = {
  key: 'assignments',
  title: L('活動 (マッチング)', 'Your activities'),
  csv: 'assignments.csv',
  columns: [
    { field: 'request_no', label: 'support-requests' },
    { field: 'task_type', label: 'support-requests', enum: 'task_type' },
    { field: 'mode', label: 'support-requests', enum: 'mode' },
    { field: 'status', label: 'assignments', enum: 'assignment_status' },
    { field: 'start_at', label: 'assignments' },
    { field: 'end_at', label: 'assignments' },
    { field: 'confirmed_at', label: 'assignments' },
    { field: 'note', label: 'assignments' },
  ],
  rows: (db, s) =>
    db('assignments as a')
      .join('support_requests as r', 'r.id', 'a.request_id')
      .where('a.volunteer_id', s.id)
      .orderBy('a.id')
      .select('r.request_no', 'r.task_type', 'r.mode', 'a.status', 'a.start_at', 'a.end_at', 'a.confirmed_at', 'a.note'),
};

const ofVolunteer = (db: Knex, s: Subject) => db('assignments').where('volunteer_id', s.id).select('id');

const volunteerTimeline: Section = {
  key: 'timeline',
  title: L('対応の記録 (あなたの活動について)', 'Record of your activities'),
  csv: 'timeline.csv',
  // The text of the timeline is the resident's casework: only the fact and time are the volunteer's.
  columns: timelineColumns.filter((c) => c.field !== 'body'),
  rows: (db, s) =>
    db('request_events as e')
      .join('support_requests as r', 'r.id', 'e.request_id')
      .whereIn('e.assignment_id', ofVolunteer(db, s))
      .orderBy('e.at')
      .orderBy('e.id')
      .select('r.request_no', 'e.at', 'e.kind', 'e.party', 'e.from_status', 'e.to_status'),
};

const volunteerReports: Section = {
  key: 'activity_reports',
  title: L('活動報告', 'Activity reports'),
  csv: 'activity_reports.csv',
  columns: [
    { field: 'request_no', label: 'support-requests' },
    { field: 'actual_start_at', label: 'activity-reports' },
    { field: 'actual_end_at', label: 'activity-reports' },
    { field: 'outcome', label: 'activity-reports', enum: 'outcome' },
  ],
  rows: (db, s) =>
    db('activity_reports as ar')
      .join('support_requests as r', 'r.id', 'ar.request_id')
      .whereIn('ar.assignment_id', ofVolunteer(db, s))
      .orderBy('ar.actual_start_at')
      .select('r.request_no', 'ar.actual_start_at', 'ar.actual_end_at', 'ar.outcome'),
};

const volunteerExpenses: Section = {
  key: 'expenses',
  title: L('交通費・振込手数料', 'Expenses'),
  csv: 'expenses.csv',
  columns: [...expenseColumns, { field: 'note', label: 'expenses' }],
  rows: (db, s) =>
    db('expenses as x')
      .join('support_requests as r', 'r.id', 'x.request_id')
      .where('x.volunteer_id', s.id)
      .orderBy('x.id')
      .select('r.request_no', 'x.kind', 'x.amount_yen', 'x.settled_on', 'x.settlement_method', 'x.note'),
};

/**
 * Every table that holds something about a person, in the order the summary shows them. A new
 * table about people (consents given, messages sent) is one more section in each list.
 */
export const SECTIONS: Record<Subject['kind'], Section[]> = {
  clients: [clientRecord, clientRequests, clientAssignments, clientTimeline, clientReports, clientExpenses, auditSection],
  volunteers: [
    volunteerRecord,
    volunteerIdChecks,
    volunteerAssignments,
    volunteerTimeline,
    volunteerReports,
    volunteerExpenses,
    auditSection,
  ],
};

/**
 * Other people named in a person's data (the volunteers of a resident's requests, the residents
 * of a volunteer's activities): their names and numbers are replaced wherever free text holds them.
 */
export async function otherPeople(db: Knex, s: Subject): Promise<{ text: string; as: string }[]> {
  if (s.kind === 'clients') {
    const vols: { name: string; volunteer_no: string }[] = await db('volunteers')
      .whereIn('id', db('assignments').whereIn('request_id', ofClient(db, s)).select('volunteer_id'))
      .orWhereIn('id', db('expenses').whereIn('request_id', ofClient(db, s)).whereNotNull('volunteer_id').select('volunteer_id'))
      .select('name', 'volunteer_no');
    return vols.flatMap((v) => [
      { text: v.name, as: 'ボランティア' },
      { text: v.volunteer_no, as: 'ボランティア' },
    ]);
  }
  const clients: { name: string; name_kana: string | null; client_no: string }[] = await db('clients')
    .whereIn(
      'id',
      db('support_requests').whereIn('id', db('assignments').where('volunteer_id', s.id).select('request_id')).select('client_id'),
    )
    .select('name', 'name_kana', 'client_no');
  return clients.flatMap((c) => [
    { text: c.name, as: '利用者' },
    ...(c.name_kana ? [{ text: c.name_kana, as: '利用者' }] : []),
    { text: c.client_no, as: '利用者' },
  ]);
}
