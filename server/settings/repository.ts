import type { Knex } from 'knex';

export type Settings = {
  eligibility_mode: 'members_only' | 'open';
  service_weekdays: number[];
  service_start: string;
  service_end: string;
  max_activity_minutes: number;
  closed_on_public_holidays: boolean;
  id_check_valid_months: number;
  small_count_threshold: number;
  /** Staff of every role must sign in with a TOTP code (admins always must). */
  totp_required_for_all: boolean;
  /** Origins (https://npo.example) that may embed the residents' form and post to it. */
  form_allowed_origins: string[];
  version: number;
  updated_at: Date;
};

/** The one settings row, read inside the caller's transaction when there is one. */
export async function readSettings(db: Knex | Knex.Transaction): Promise<Settings> {
  const row = await db('settings').where('id', 1).first();
  const weekdays: (number | string)[] = row.service_weekdays;
  const settings: Settings = { ...row, service_weekdays: weekdays.map(Number) };
  return settings;
}
