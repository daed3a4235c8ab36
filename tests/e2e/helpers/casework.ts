import holidayJp from '@holiday-jp/holiday_jp';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../seeds/demo.js';
import { tokyoDate } from '../../../server/domain/time.js';

/**
 * Data for the casework browser tests, made through the API with the logged-in page's
 * cookies (page.request), so every rule of the server applies to it too.
 */

const DAY_MS = 24 * 3600_000;

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

const isHoliday = (date: string) => date in (holidayJp.holidays as Record<string, unknown>);

/** The first Saturday at least `min_days` after today in Japan that is not a public holiday. */
export function futureSaturday(min_days: number): string {
  let day = addDays(tokyoDate(new Date()), min_days);
  while (isoWeekday(day) !== 6 || isHoliday(day) || inNewYearClosure(day)) day = addDays(day, 1);
  return day;
}

/** The service's default closed period, 12/29–1/3 (年末年始): no request can be made then. */
const inNewYearClosure = (day: string) => day.slice(5) >= '12-29' || day.slice(5) <= '01-03';

/** The last Saturday at least `min_days` before today in Japan that is not a public holiday. */
export function pastSaturday(min_days: number): string {
  let day = addDays(tokyoDate(new Date()), -min_days);
  while (isoWeekday(day) !== 6 || isHoliday(day) || inNewYearClosure(day)) day = addDays(day, -1);
  return day;
}

export const at = (date: string, time: string) => `${date}T${time}:00+09:00`;

export async function api<T = Record<string, unknown>>(
  request: APIRequestContext,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await request.fetch(path, { method, data, headers: data === undefined ? undefined : { 'Content-Type': 'application/json' } });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** API calls as another demo staff member than the page's (their own cookies); dispose when done. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  await api(context, 'POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
  return context;
}

type Volunteer = {
  id: number;
  volunteer_no: string;
  name: string;
  status: string;
  languages: string[];
  in_person_ok: boolean;
  service_municipality_codes: string[];
  id_check_valid_until: string | null;
  availability: { weekday: number; start: string; end: string }[];
};

/** A demo volunteer who can take an in-person Saturday 10:00–12:00 activity on `day`. */
export async function volunteerFreeOn(request: APIRequestContext, day: string) {
  const volunteers = await api<Volunteer[]>(
    request,
    'GET',
    `/api/volunteers?filter=${encodeURIComponent('{"status":"active"}')}&range=[0,199]`,
  );
  const fits = volunteers.find(
    (v) =>
      v.in_person_ok &&
      v.service_municipality_codes.length > 0 &&
      v.languages.some((l) => l !== 'ja') &&
      !!v.id_check_valid_until &&
      v.id_check_valid_until >= day &&
      v.availability.some((w) => w.weekday === isoWeekday(day) && w.start <= '10:00' && w.end >= '12:00'),
  );
  if (!fits) throw new Error('The demo data has no volunteer free on a Saturday morning');
  return { volunteer: fits, language: fits.languages.find((l) => l !== 'ja')!, municipality_code: fits.service_municipality_codes[0]! };
}

/** An OFP member client, eligible whatever the eligibility setting. */
export async function createClient(request: APIRequestContext, name: string, language: string) {
  return api<{ id: number; name: string; client_no: string }>(request, 'POST', '/api/clients', {
    name,
    languages: [language],
    eligibility: 'ofp_member',
    ofp_member_no: `E2E-${Date.now()}`,
  });
}

/** A request moved to matching, at 10:00–12:00 on `day`, that `volunteer` can take. */
export async function requestInMatching(request: APIRequestContext, day: string) {
  const { volunteer, language, municipality_code } = await volunteerFreeOn(request, day);
  const client = await createClient(request, `E2E 利用者 ${Date.now()}`, language);
  const created = await api<{ id: number; request_no: string; municipality_code: string }>(request, 'POST', '/api/support-requests', {
    client_id: client.id,
    channel: 'phone',
    category: 'medical',
    task_type: 'hospital',
    mode: 'in_person',
    language,
    municipality_code,
    place: 'E2E クリニック',
    start_at: at(day, '10:00'),
    end_at: at(day, '12:00'),
  });
  for (const status of ['checking', 'matching']) await api(request, 'POST', `/api/support-requests/${created.id}/status`, { status });
  return { request: created, volunteer, client };
}

/** The same, with the volunteer already confirmed (they agreed on the phone). */
export async function confirmedRequest(request: APIRequestContext, day: string) {
  const made = await requestInMatching(request, day);
  await api(request, 'POST', '/api/assignments', { request_id: made.request.id, volunteer_id: made.volunteer.id, status: 'confirmed' });
  return made;
}
