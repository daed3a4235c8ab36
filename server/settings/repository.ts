import type { Knex } from 'knex';
import type { ClosedPeriod } from '../domain/closed-dates.js';

export type Settings = {
  eligibility_mode: 'members_only' | 'open';
  service_weekdays: number[];
  service_start: string;
  service_end: string;
  max_activity_minutes: number;
  closed_on_public_holidays: boolean;
  id_check_valid_months: number;
  small_count_threshold: number;
  /** The most one expense may be, in yen (the database holds new amounts to it too). */
  max_expense_yen: number;
  /** Less time than this between one volunteer's in-person activities in different municipalities is warned of. */
  travel_gap_minutes: number;
  /** Staff of every role must sign in with a TOTP code (admins always must). */
  totp_required_for_all: boolean;
  /** The closed periods (休業期間, table closed_dates), read with the row: every time rule needs them. */
  closed_dates: ClosedPeriod[];
  /** Years a finished request, a resident without activity, a retired volunteer and an audit entry are kept. */
  retention_request_years: number;
  retention_client_years: number;
  retention_volunteer_years: number;
  audit_retention_years: number;
  /** Hour (Japan time) of the day before an activity when reminders go out. */
  reminder_hour: number;
  /** Origins (https://npo.example) that may embed the residents' form and post to it. */
  form_allowed_origins: string[];
  version: number;
  updated_at: Date;
};

/** The one settings row, read inside the caller's transaction when there is one. */
export async function readSettings(db: Knex | Knex.Transaction): Promise<Settings> {
  const row = await db('settings').where('id', 1).first();
  const closed_dates: ClosedPeriod[] = await db('closed_dates')
    .orderBy('from_date')
    .orderBy('id')
    .select('from_date', 'to_date', 'reason', 'every_year');
  const weekdays: (number | string)[] = row.service_weekdays;
  const settings: Settings = { ...row, service_weekdays: weekdays.map(Number), closed_dates };
  return settings;
}
