import type { Knex } from 'knex';
import * as m0 from './20261128000100_create_extensions.js';
import * as m1 from './20261128000200_create_counters.js';
import * as m2 from './20261128000300_create_staff.js';
import * as m3 from './20261128000400_create_sessions.js';
import * as m4 from './20261128000500_create_audit_log.js';
import * as m5 from './20261128000600_create_settings.js';
import * as m6 from './20261128000700_create_municipalities.js';
import * as m7 from './20261128000800_create_partners.js';
import * as m8 from './20261128000900_create_clients.js';
import * as m9 from './20261128001000_create_volunteers.js';
import * as m10 from './20261128001100_create_id_checks.js';
import * as m11 from './20261128001200_create_support_requests.js';
import * as m12 from './20261128001300_create_request_events.js';
import * as m13 from './20261128001400_create_assignments.js';
import * as m14 from './20261128001500_create_activity_reports.js';
import * as m15 from './20261128001600_create_expenses.js';
import * as m16 from './20261128001700_create_rate_limit_hits.js';
import * as m17 from './20261128001800_create_confirmation_events_index.js';
import * as m18 from './20261128001900_create_reporting_and_matching_indexes.js';
import * as m19 from './20261128002000_add_edit_event_kind.js';
import * as m20 from './20261128002100_create_volunteer_history.js';
import * as m21 from './20261128002200_create_csv_neutralise_function.js';
import * as m22 from './20261128002300_volunteer_history_follows_edits.js';
import * as m23 from './20261128002400_create_people_contact_indexes.js';
import * as m24 from './20261128002500_id_check_expiry_from_latest_check.js';
import * as m25 from './20261128002600_add_client_anonymisation.js';
import * as m26 from './20261128002700_no_sunday_service_day.js';
import * as m27 from './20261128002800_create_basic_search_columns.js';
import * as m28 from './20261128002900_create_rate_limits.js';
import * as m29 from './20261128003000_add_session_details.js';
import * as m30 from './20261129000100_create_staff_totp.js';
import * as m1300 from './20261201001300_create_consents.js';
import * as i14a from './20261201001400_create_messages.js';
import * as i14b from './20261201001401_create_self_reports.js';
import * as i14c from './20261201001402_create_calendar_feeds.js';
import * as i15a from './20261201001500_add_staff_name_kana.js';
import * as i15b from './20261201001501_add_request_event_message.js';
import * as i16a from './20261201001600_create_closed_dates.js';
import * as i16b from './20261201001601_fold_names_in_search_text.js';
import * as i16c from './20261201001602_expense_cap_setting.js';
import * as i16d from './20261201001603_id_documents_of_today.js';
import * as i16e from './20261201001604_same_gender_help.js';
import * as i16f from './20261201001605_task_warnings.js';
import * as i17a from './20261201001700_add_people_rights.js';
import * as m31 from './20261201001800_create_sort_indexes.js';
import * as m32 from './20261201001801_create_retention_scans.js';
import * as m33 from './20261201001802_create_resident_feedback.js';
import * as m34 from './20261201001803_index_unseen_answers.js';
import * as m35 from './20261201002100_backfill_request_event_messages.js';
import * as m36 from './20261201002200_create_support_request_counts.js';
import * as m37 from './20261201002300_create_report_month_counts.js';
import * as m38 from './20261201002301_index_volunteer_history_by_client.js';
import * as m39 from './20261202000100_create_report_period_figures.js';
import * as m40 from './20261202000101_let_requests_be_deleted.js';
import * as m41 from './20261202000200_index_volunteer_history_task_done.js';
import * as m42 from './20261203000100_assignments_within_a_day.js';
import * as m43 from './20261203000200_search_statistics.js';

type Migration = { up: (knex: Knex) => Promise<void>; down: (knex: Knex) => Promise<void> };

/**
 * Migrations listed statically: Knex's directory loader cannot import .ts under vitest, and a
 * static list works the same under tsx, vitest and a bundle.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261128000100_create_extensions': m0,
  '20261128000200_create_counters': m1,
  '20261128000300_create_staff': m2,
  '20261128000400_create_sessions': m3,
  '20261128000500_create_audit_log': m4,
  '20261128000600_create_settings': m5,
  '20261128000700_create_municipalities': m6,
  '20261128000800_create_partners': m7,
  '20261128000900_create_clients': m8,
  '20261128001000_create_volunteers': m9,
  '20261128001100_create_id_checks': m10,
  '20261128001200_create_support_requests': m11,
  '20261128001300_create_request_events': m12,
  '20261128001400_create_assignments': m13,
  '20261128001500_create_activity_reports': m14,
  '20261128001600_create_expenses': m15,
  '20261128001700_create_rate_limit_hits': m16,
  '20261128001800_create_confirmation_events_index': m17,
  '20261128001900_create_reporting_and_matching_indexes': m18,
  '20261128002000_add_edit_event_kind': m19,
  '20261128002100_create_volunteer_history': m20,
  '20261128002200_create_csv_neutralise_function': m21,
  '20261128002300_volunteer_history_follows_edits': m22,
  '20261128002400_create_people_contact_indexes': m23,
  '20261128002500_id_check_expiry_from_latest_check': m24,
  '20261128002600_add_client_anonymisation': m25,
  '20261128002700_no_sunday_service_day': m26,
  '20261128002800_create_basic_search_columns': m27,
  '20261128002900_create_rate_limits': m28,
  '20261128003000_add_session_details': m29,
  '20261129000100_create_staff_totp': m30,
  '20261201001300_create_consents': m1300,
  '20261201001400_create_messages': i14a,
  '20261201001401_create_self_reports': i14b,
  '20261201001402_create_calendar_feeds': i14c,
  '20261201001500_add_staff_name_kana': i15a,
  '20261201001501_add_request_event_message': i15b,
  '20261201001600_create_closed_dates': i16a,
  '20261201001601_fold_names_in_search_text': i16b,
  '20261201001602_expense_cap_setting': i16c,
  '20261201001603_id_documents_of_today': i16d,
  '20261201001604_same_gender_help': i16e,
  '20261201001605_task_warnings': i16f,
  '20261201001700_add_people_rights': i17a,
  '20261201001800_create_sort_indexes': m31,
  '20261201001801_create_retention_scans': m32,
  '20261201001802_create_resident_feedback': m33,
  '20261201001803_index_unseen_answers': m34,
  '20261201002100_backfill_request_event_messages': m35,
  '20261201002200_create_support_request_counts': m36,
  '20261201002300_create_report_month_counts': m37,
  '20261201002301_index_volunteer_history_by_client': m38,
  '20261202000100_create_report_period_figures': m39,
  '20261202000101_let_requests_be_deleted': m40,
  '20261202000200_index_volunteer_history_task_done': m41,
  '20261203000100_assignments_within_a_day': m42,
  '20261203000200_search_statistics': m43,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(MIGRATIONS).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => MIGRATIONS[name]!,
};
