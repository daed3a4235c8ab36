import type { SameKeys } from './same-keys.js';
import type { ja_resources } from './ja_resources.js';

const record_times = { created_at: 'Created', updated_at: 'Updated', version: 'Version' };

export const en_resources: SameKeys<typeof ja_resources> = {
  partners: {
    name: 'Partner organisation |||| Partner organisations',
    fields: { id: 'ID', name: 'Name', contact_name: 'Contact person', phone: 'Phone', email: 'Email', notes: 'Notes', ...record_times },
  },
  clients: {
    name: 'Client |||| Clients',
    fields: {
      id: 'ID', client_no: 'Client no.', name: 'Name', name_kana: 'Name (kana)', nationality: 'Nationality',
      languages: 'Languages', japanese_level: 'Japanese level', phone: 'Phone', email: 'Email',
      municipality_code: 'Municipality', address: 'Address', eligibility: 'Eligibility', ofp_member_no: 'OFP member no.',
      partner_id: 'Partner organisation', consent_at: 'Consent given', special_care_notes: 'Special-care notes',
      notes: 'Notes', archived_at: 'Archived', ...record_times,
    },
    sections: {
      details: 'Details', requests: 'Requests', identity: 'About the person', contact: 'Contact and address',
      eligibility: 'Eligibility', care: 'Consent and notes',
    },
    helpers: {
      name_kana: 'In katakana (searchable in the list).',
      consent_at: 'When the person agreed to how their personal data is handled',
      special_care_notes: 'Special-care personal information: record only what the help needs, with the person\'s consent.',
    },
    actions: {
      archive: 'Archive', unarchive: 'Unarchive', archived: 'Archived', unarchived: 'Unarchived',
      include_archived: 'Include archived',
    },
    archived_notice: 'This client was archived on %{date}.',
    special_care: 'Special care',
    no_requests: 'No requests yet',
  },
  volunteers: {
    name: 'Volunteer |||| Volunteers',
    fields: {
      id: 'ID', volunteer_no: 'Volunteer no.', name: 'Name', name_kana: 'Name (kana)', email: 'Email',
      phone: 'Phone', municipality_code: 'Home municipality', service_municipality_codes: 'Service municipalities',
      languages: 'Languages', in_person_ok: 'In person', online_ok: 'Online', task_types: 'Tasks',
      availability: 'Availability', monthly_limit: 'Monthly limit', status: 'Status', ofp_registered: 'OFP registered',
      notes: 'Notes', id_check_valid_until: 'ID check valid until', id_check_state: 'ID check',
      id_check_expires_within_days: 'ID check expires', ...record_times,
    },
    sections: {
      details: 'Details', id_checks: 'ID checks', assignments: 'Assignments', identity: 'About the person',
      activity: 'What they can do', notes: 'Notes',
    },
    helpers: { name_kana: 'In katakana (searchable in the list).' },
    id_check_states: { valid: 'Valid', expiring: 'Expiring soon', expired: 'Expired', none: 'Not checked or expired' },
    id_check_unchecked: 'Not checked',
    no_id_checks: 'No ID checks recorded yet',
    no_assignments: 'No assignments yet',
  },
  'id-checks': {
    name: 'ID check |||| ID checks',
    fields: {
      id: 'ID', volunteer_id: 'Volunteer', checked_on: 'Checked on', method: 'Method', document_type: 'Document',
      result: 'Result', valid_until: 'Valid until', notes: 'Notes', checked_by: 'Checked by', expires_within_days: 'Valid until',
      ...record_times,
    },
    helpers: {
      valid_until: 'Left empty, a passed check is valid for %{months} months from the check date.',
      notes: 'Do not record document numbers or images.',
    },
    actions: { record: 'Record an ID check' },
  },
  'support-requests': {
    name: 'Support request |||| Support requests',
    fields: {
      id: 'ID', request_no: 'Request no.', client_id: 'Client', channel: 'Channel', received_at: 'Received',
      category: 'Area of help', task_type: 'Task', mode: 'Mode', language: 'Language', municipality_code: 'Municipality',
      place: 'Place', description: 'Description', start_at: 'Start', end_at: 'End',
      coordinator_id: 'Coordinator', status: 'Status', status_reason: 'Reason', ...record_times,
    },
  },
  assignments: {
    name: 'Assignment |||| Assignments',
    fields: {
      id: 'ID', request_id: 'Request', volunteer_id: 'Volunteer', status: 'Status', start_at: 'Start',
      end_at: 'End', note: 'Note', ...record_times,
    },
  },
  'activity-reports': {
    name: 'Activity report |||| Activity reports',
    fields: {
      id: 'ID', request_id: 'Request', assignment_id: 'Assignment', actual_start_at: 'Actual start',
      actual_end_at: 'Actual end', outcome: 'Outcome', follow_up_needed: 'Follow-up needed',
      follow_up_note: 'Follow-up note', summary: 'Summary', ...record_times,
    },
  },
  expenses: {
    name: 'Expense |||| Expenses',
    fields: {
      id: 'ID', request_id: 'Request', volunteer_id: 'Volunteer', kind: 'Kind', amount_yen: 'Amount (yen)',
      settled_on: 'Settled on', settlement_method: 'Settlement method', note: 'Note', ...record_times,
    },
  },
  staff: {
    name: 'Staff member |||| Staff',
    fields: {
      id: 'ID', email: 'Email', display_name: 'Display name', role: 'Role', active: 'Active',
      password: 'Password', ...record_times,
    },
  },
  municipalities: {
    name: 'Municipality |||| Municipalities',
    fields: {
      id: 'Code', code: 'Code', name_ja: 'Name', name_kana: 'Reading', name_en: 'English name', prefecture: 'Prefecture',
      in_service_area: 'In service area',
    },
  },
  'audit-log': {
    name: 'Audit log entry |||| Audit log',
    fields: {
      id: 'ID', at: 'At', staff_id: 'Staff member', action: 'Action', resource: 'Resource', record_id: 'Record ID',
      changed_fields: 'Changed fields',
    },
  },
  'request-events': { name: 'Request event |||| Request timeline', fields: {} },
  settings: { name: 'Settings |||| Settings', fields: {} },
  reports: { name: 'Report |||| Reports', fields: {} },
};
