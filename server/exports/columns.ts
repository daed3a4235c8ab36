/**
 * What each list export contains. Columns restricted to some roles (RESTRICTED_FIELDS in
 * domain/roles.ts: residents' contact details, free text that may carry health details) are
 * left out for everyone else, as in the API. Special-care notes are in no export at all.
 */
export type ColumnKind = 'text' | 'number' | 'datetime' | 'date' | 'bool' | 'languages' | 'country' | 'list';
export type ExportColumn = { field: string; kind?: ColumnKind; enum?: string };

const c = (field: string, extra: Omit<ExportColumn, 'field'> = {}): ExportColumn => ({ field, ...extra });
const stamps = [c('created_at', { kind: 'datetime' }), c('updated_at', { kind: 'datetime' })];

export const EXPORT_COLUMNS: Record<string, ExportColumn[]> = {
  clients: [
    c('id', { kind: 'number' }), c('client_no'), c('name'), c('name_kana'), c('nationality', { kind: 'country' }),
    c('languages', { kind: 'languages' }), c('japanese_level', { enum: 'japanese_level' }),
    c('phone'), c('email'), c('municipality_code'), c('address'),
    c('eligibility', { enum: 'eligibility' }), c('ofp_member_no'), c('partner_id', { kind: 'number' }),
    c('consent_at', { kind: 'datetime' }), c('notes'), c('archived_at', { kind: 'datetime' }), ...stamps,
  ],
  volunteers: [
    c('id', { kind: 'number' }), c('volunteer_no'), c('name'), c('name_kana'), c('email'), c('phone'), c('municipality_code'),
    c('service_municipality_codes', { kind: 'list' }), c('languages', { kind: 'languages' }), c('in_person_ok', { kind: 'bool' }),
    c('online_ok', { kind: 'bool' }), c('task_types', { kind: 'list', enum: 'task_type' }), c('monthly_limit', { kind: 'number' }),
    c('status', { enum: 'volunteer_status' }), c('ofp_registered', { kind: 'bool' }), c('id_check_valid_until', { kind: 'date' }), ...stamps,
  ],
  'id-checks': [
    c('id', { kind: 'number' }), c('volunteer_id', { kind: 'number' }), c('checked_on', { kind: 'date' }),
    c('method', { enum: 'id_check_method' }), c('document_type', { enum: 'id_document_type' }), c('result', { enum: 'id_check_result' }),
    c('valid_until', { kind: 'date' }), c('checked_by', { kind: 'number' }), c('notes'), ...stamps,
  ],
  'support-requests': [
    c('id', { kind: 'number' }), c('request_no'), c('client_id', { kind: 'number' }), c('channel', { enum: 'channel' }),
    c('received_at', { kind: 'datetime' }), c('category', { enum: 'category' }), c('task_type', { enum: 'task_type' }),
    c('mode', { enum: 'mode' }), c('language', { kind: 'languages' }), c('municipality_code'), c('place'),
    c('description'), c('start_at', { kind: 'datetime' }), c('end_at', { kind: 'datetime' }),
    c('status', { enum: 'request_status' }), c('status_reason'), c('coordinator_id', { kind: 'number' }), ...stamps,
  ],
  assignments: [
    c('id', { kind: 'number' }), c('request_id', { kind: 'number' }), c('volunteer_id', { kind: 'number' }),
    c('status', { enum: 'assignment_status' }), c('start_at', { kind: 'datetime' }), c('end_at', { kind: 'datetime' }),
    c('note'), c('confirmed_at', { kind: 'datetime' }), ...stamps,
  ],
  'activity-reports': [
    c('id', { kind: 'number' }), c('request_id', { kind: 'number' }), c('assignment_id', { kind: 'number' }),
    c('actual_start_at', { kind: 'datetime' }), c('actual_end_at', { kind: 'datetime' }), c('outcome', { enum: 'outcome' }),
    c('summary'), c('follow_up_needed', { kind: 'bool' }), c('follow_up_note'),
    c('outside_service_rules', { kind: 'bool' }), ...stamps,
  ],
  expenses: [
    c('id', { kind: 'number' }), c('request_id', { kind: 'number' }), c('volunteer_id', { kind: 'number' }),
    c('kind', { enum: 'expense_kind' }), c('amount_yen', { kind: 'number' }), c('settled_on', { kind: 'date' }),
    c('settlement_method', { enum: 'settlement_method' }), c('note'), ...stamps,
  ],
  partners: [c('id', { kind: 'number' }), c('name'), c('contact_name'), c('phone'), c('email'), c('notes'), ...stamps],
  staff: [c('id', { kind: 'number' }), c('email'), c('display_name'), c('role', { enum: 'role' }), c('active', { kind: 'bool' })],
  municipalities: [c('code'), c('name_ja'), c('name_en'), c('prefecture'), c('in_service_area', { kind: 'bool' })],
  'audit-log': [
    c('id', { kind: 'number' }), c('at', { kind: 'datetime' }), c('staff_id', { kind: 'number' }), c('action', { enum: 'audit_action' }),
    c('resource'), c('record_id'), c('changed_fields', { kind: 'list' }),
  ],
};
