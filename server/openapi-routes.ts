import { FeedbackBody } from './messages/feedback.js';
import { z } from 'zod';
import { AnonymiseBody } from './clients/anonymise.js';
import { DisclosureBody } from './disclosure/package.js';
import { DueQuery, RetentionBody } from './retention/routes.js';
import { HandledBody } from './activity-reports/follow-ups.js';
import { CandidatesQuery } from './matching/routes.js';
import { SessionIdParam, SessionInfoSchema } from './auth/my-sessions.js';
import { LoginSchema, PasswordChangeSchema } from './auth/routes.js';
import { TotpCodeSchema, TotpEnrolSchema, TotpLoginSchema } from './auth/totp-routes.js';
import { SettleBody } from './expenses/routes.js';
import { ClosedBetweenQuery } from './closed-dates/routes.js';
import { MunicipalityNotesBody } from './municipalities/notes.js';
import { FiscalQuery, ListExportQuery, MonthlyQuery } from './exports/routes.js';
import { DuplicateQuery } from './people/duplicates.js';
import { ImportQuery } from './imports/routes.js';
import { FormConfigQuery, PublicRequestSchema } from './public/routes.js';
import { RecordConsentBody, WithdrawConsentBody } from './clients/consents.js';
import { FiscalReportQuery, MonthlyReportQuery } from './reports/routes.js';
import { SettingsSchema } from './settings/routes.js';
import { StatusBody } from './support-requests/status.js';
import { AnswerBody } from './messages/offer.js';
import { CalendarQuery } from './calendar/routes.js';
import { FileBody, SelfReportBody } from './messages/self-report.js';
import { SpamBody } from './support-requests/spam.js';
import { BadgesResponse, DashboardResponse, HomeQuery } from './home/routes.js';

type Json = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'delete';

/** One route beyond the generic CRUD ones, described by the zod schemas that check it. */
export type RouteDoc = {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  query?: z.ZodObject<Record<string, z.ZodType>>;
  /** Path parameters' schemas, when more than a plain string. */
  params?: z.ZodObject<Record<string, z.ZodType>>;
  body?: z.ZodType;
  /** The success response's body, when described by a schema. */
  response?: z.ZodType;
  /** Request body media type when it is not JSON. */
  bodyType?: string;
  ok: [number, string];
  errors: number[];
};

const R = (
  method: Method,
  path: string,
  tag: string,
  summary: string,
  rest: Omit<RouteDoc, 'method' | 'path' | 'tag' | 'summary'>,
): RouteDoc => ({ method, path, tag, summary, ...rest });

export const CUSTOM_ROUTES: RouteDoc[] = [
  R('get', '/api/health', 'system', 'Server and database status (no login).', { ok: [200, '{"status":"ok","database"}'], errors: [503] }),
  R('get', '/api/openapi.json', 'system', 'This description (no login).', { ok: [200, 'OpenAPI 3.1'], errors: [] }),
  R(
    'post',
    '/api/auth/login',
    'auth',
    'Sign in; sets the session cookie, or answers `{"second_factor":"totp"|"totp_enrolment"}` with a short-lived challenge cookie when TOTP applies.',
    { body: LoginSchema, ok: [200, 'The signed-in staff member, or the second step to take'], errors: [400, 401, 429] },
  ),
  R('post', '/api/auth/login/totp', 'auth', 'Second step of sign-in: a six-digit TOTP code or a recovery code; sets the session cookie.', {
    body: TotpLoginSchema,
    ok: [200, 'The signed-in staff member'],
    errors: [400, 401, 409, 429],
  }),
  R('get', '/api/auth/totp', 'auth', 'One’s own TOTP status (also during the enrolment that login requires).', {
    ok: [200, '{"enabled","enabled_at","required","recovery_codes_remaining","enrolment_pending"}'],
    errors: [401],
  }),
  R(
    'post',
    '/api/auth/totp/enrolment',
    'auth',
    'Start (or redo, with a current `code`) TOTP enrolment: a new key as text, otpauth URI and QR code.',
    { body: TotpEnrolSchema, ok: [201, '{"secret","otpauth_uri","qr_code","period","digits"}'], errors: [400, 401, 409, 429] },
  ),
  R(
    'post',
    '/api/auth/totp/enrolment/confirm',
    'auth',
    'Confirm enrolment with the app’s current code; returns ten recovery codes once (and the session when login required enrolment).',
    { body: TotpCodeSchema, ok: [200, '{"recovery_codes","staff"?}'], errors: [400, 401, 409, 429] },
  ),
  R('post', '/api/auth/totp/recovery-codes', 'auth', 'Replace one’s recovery codes (the old ones stop working); needs a current code.', {
    body: TotpCodeSchema,
    ok: [200, '{"recovery_codes"}'],
    errors: [400, 401, 409, 429],
  }),
  R('post', '/api/auth/totp/disable', 'auth', 'Turn one’s own TOTP off with a current code (refused where TOTP is required).', {
    body: TotpCodeSchema,
    ok: [204, 'Disabled'],
    errors: [400, 401, 409, 429],
  }),
  R('post', '/api/staff/{id}/totp/reset', 'staff', 'Remove another staff member’s TOTP and end their sessions (admin).', {
    ok: [204, 'Reset'],
    errors: [400, 401, 403, 404, 409],
  }),
  R('post', '/api/auth/logout', 'auth', 'Sign out; clears the session.', { ok: [204, 'Signed out'], errors: [] }),
  R('get', '/api/auth/me', 'auth', 'The signed-in staff member and role.', { ok: [200, 'Staff member'], errors: [401] }),
  R(
    'get',
    '/api/auth/sessions',
    'auth',
    'The caller’s own sessions (ログイン中の端末): public id, created, last used, expires, browser, address, `current`.',
    { response: z.array(SessionInfoSchema), ok: [200, 'The sessions, most recently used first'], errors: [401] },
  ),
  R('delete', '/api/auth/sessions/{id}', 'auth', 'End one of the caller’s own sessions by its public id (another person’s is 404).', {
    params: SessionIdParam,
    ok: [204, 'Ended'],
    errors: [400, 401, 404],
  }),
  R(
    'put',
    '/api/staff/{id}/password',
    'staff',
    'Change a password: one’s own with `current_password` (counted by the login limits), or anyone’s as admin.',
    { body: PasswordChangeSchema, ok: [204, 'Changed'], errors: [400, 401, 403, 404, 429] },
  ),
  R('get', '/api/settings', 'settings', 'Service-wide rules.', { ok: [200, 'Settings'], errors: [401, 403] }),
  R('put', '/api/settings', 'settings', 'Change service-wide rules (admin); `version` as read.', {
    body: SettingsSchema.partial(),
    ok: [200, 'Settings'],
    errors: [400, 401, 403, 409],
  }),
  R(
    'post',
    '/api/support-requests/{id}/status',
    'support-requests',
    'Move a request along the workflow; `reason` for cancelled, unmatched, rejected.',
    { body: StatusBody, ok: [200, 'The updated request'], errors: [400, 401, 403, 404, 409] },
  ),
  R(
    'get',
    '/api/support-requests/{id}/candidates',
    'matching',
    'Volunteers who can take the request, best first: the first `limit` (50 unless asked, at most 500); `X-Total-Count` says how many there are in all.',
    {
      query: CandidatesQuery,
      ok: [200, '[{"volunteer_id","name","volunteer_no","score","reasons","warnings"}]'],
      errors: [401, 403, 404],
    },
  ),
  R('get', '/api/support-requests/{id}/candidates/explain', 'matching', 'Why volunteers were left out of the candidates.', {
    ok: [200, 'Counts and reasons per filter'],
    errors: [401, 403, 404],
  }),
  R('get', '/api/support-requests/{id}/balance', 'expenses', 'Yen owed, settled and outstanding for one request.', {
    ok: [200, '{"owed_yen","settled_yen","outstanding_yen","outstanding_count"}'],
    errors: [401, 403, 404],
  }),
  R(
    'get',
    '/api/support-requests/{id}/warnings',
    'support-requests',
    'Warnings by task (not refusals): Saturday ward office, check-up days, travel time, transport on an online request.',
    {
      ok: [200, '[{"code","message"}]'],
      errors: [401, 403, 404],
    },
  ),
  R(
    'put',
    '/api/municipalities/{id}/notes',
    'municipalities',
    'An admin’s notes on a municipality (check-up days, 休日開庁 days), shown beside request dates.',
    {
      body: MunicipalityNotesBody,
      ok: [200, 'The municipality'],
      errors: [400, 401, 403, 404],
    },
  ),
  R('get', '/api/closed-dates/between', 'closed-dates', 'Closed dates (休業期間) between two dates, yearly periods unrolled.', {
    query: ClosedBetweenQuery,
    ok: [200, '[{"from_date","to_date","reason"}]'],
    errors: [400, 401, 403],
  }),
  R('post', '/api/expenses/settle', 'expenses', 'Mark several expenses settled at once, all or nothing.', {
    body: SettleBody,
    ok: [200, 'The settled expenses'],
    errors: [400, 401, 403, 409],
  }),
  R(
    'post',
    '/api/activity-reports/{id}/follow-up/handled',
    'activity-reports',
    'Mark a report’s follow-up handled, with an optional note.',
    { body: HandledBody, ok: [200, 'The report'], errors: [400, 401, 403, 404, 409] },
  ),
  R('post', '/api/activity-reports/{id}/follow-up/new-request', 'activity-reports', 'Turn a follow-up into a new linked request.', {
    ok: [201, 'The new request'],
    errors: [401, 403, 404, 409],
  }),
  R('get', '/api/assignments/{id}/message', 'assignments', 'Outreach text for the volunteer, without the resident’s contact details.', {
    ok: [200, '{"subject","body"}'],
    errors: [401, 403, 404, 409],
  }),
  R(
    'post',
    '/api/assignments/{id}/offer',
    'assignments',
    'Queues the offer e-mail with the volunteer’s personal link (no place, nothing about the resident) and moves the assignment to contacted.',
    {
      ok: [201, 'The queued message'],
      errors: [401, 403, 404, 409],
    },
  ),
  R('post', '/api/messages/{id}/retry', 'messages', 'Queues a failed or cancelled message again.', {
    ok: [200, 'The message'],
    errors: [401, 403, 404, 409],
  }),
  R('post', '/api/messages/{id}/cancel', 'messages', 'Cancels a queued, held or failed message.', {
    ok: [200, 'The message'],
    errors: [401, 403, 404, 409],
  }),
  R('post', '/api/feedback-links/{token}', 'feedback', 'A resident rates the help 1–5, with an optional comment (no login; once).', {
    body: FeedbackBody,
    ok: [201, '{"ok"}'],
    errors: [400, 404, 409],
  }),
  R('post', '/api/support-requests/{id}/answers-seen', 'support-requests', 'Marks volunteers’ answers to this request’s offers as seen.', {
    ok: [200, '{"seen"}'],
    errors: [401, 403],
  }),
  R('get', '/api/support-requests/{id}/feedback', 'support-requests', 'The resident’s rating and comment, or null (staff only).', {
    ok: [200, '{"rating","comment","language","created_at"} or null'],
    errors: [401, 403],
  }),
  R(
    'get',
    '/api/volunteer-links/{token}',
    'volunteer-links',
    'What a volunteer’s personal link shows, and whether it is still open (no login).',
    {
      ok: [200, '{"purpose","state","message","answer","activity"}'],
      errors: [404],
    },
  ),
  R(
    'post',
    '/api/volunteer-links/{token}/answer',
    'volunteer-links',
    'The volunteer accepts or declines the offer (no login; the same answer twice is harmless).',
    {
      body: AnswerBody,
      ok: [200, '{"answer","repeated"}'],
      errors: [400, 404, 409],
    },
  ),
  R(
    'post',
    '/api/volunteer-links/{token}/report',
    'volunteer-links',
    'The volunteer reports the activity (no login): becomes a draft for a coordinator to file.',
    {
      body: SelfReportBody,
      ok: [201, '{"id"}'],
      errors: [400, 404, 409],
    },
  ),
  R(
    'post',
    '/api/self-reports/{id}/file',
    'self-reports',
    'Files a volunteer’s report, with corrections, as the activity report and transport expense (the request moves to done).',
    {
      body: FileBody,
      ok: [201, 'The activity report'],
      errors: [400, 401, 403, 404, 409],
    },
  ),
  R(
    'get',
    '/api/dashboard',
    'home',
    'Every number of the home screen (and わたしの仕事) in one answer; a section the role may not list is null.',
    {
      query: HomeQuery,
      response: DashboardResponse,
      ok: [200, 'Counts per card, each with the list filter it counts, and the short lists the cards show'],
      errors: [400, 401],
    },
  ),
  R(
    'get',
    '/api/badges',
    'home',
    'The menu badges (web-form requests waiting, volunteers’ answers not yet seen) and the requests per status of the list’s tabs; null where the role has no such item.',
    {
      query: HomeQuery,
      response: BadgesResponse,
      ok: [200, '{"web_inbox","unseen_answers","requests_by_status"}'],
      errors: [400, 401],
    },
  ),
  R('get', '/api/calendar/events', 'calendar', 'Confirmed activities overlapping [start, end), for the console’s calendar.', {
    query: CalendarQuery,
    ok: [200, '[{"id","request_id","title","start","end","ward","language"}]'],
    errors: [400, 401, 403],
  }),
  R('get', '/api/calendar/feed', 'calendar', 'Whether one’s own calendar feed is active.', {
    ok: [200, '{"active","created_at"}'],
    errors: [401, 403],
  }),
  R('post', '/api/calendar/feed', 'calendar', 'A new private iCalendar address for oneself (replaces the old one; shown once).', {
    ok: [201, '{"url"}'],
    errors: [401, 403],
  }),
  R('delete', '/api/calendar/feed', 'calendar', 'Revokes one’s calendar address.', { ok: [200, '{"active":false}'], errors: [401, 403] }),
  R('get', '/api/calendar/{secret}.ics', 'calendar', 'The iCalendar feed `<secret>.ics` (no login): request number, task and ward only.', {
    ok: [200, 'text/calendar'],
    errors: [404],
  }),
  R('get', '/api/clients/duplicates', 'clients', 'Likely duplicates of a resident about to be created.', {
    query: DuplicateQuery,
    ok: [200, 'Matching records with `match`'],
    errors: [400, 401, 403],
  }),
  R('get', '/api/volunteers/duplicates', 'volunteers', 'Likely duplicates of a volunteer about to be created.', {
    query: DuplicateQuery,
    ok: [200, 'Matching records with `match`'],
    errors: [400, 401, 403],
  }),
  R('post', '/api/clients/{id}/anonymise', 'clients', 'Erase a resident’s personal data for good (admin).', {
    body: AnonymiseBody,
    ok: [200, 'The anonymised resident'],
    errors: [400, 401, 403, 404, 409],
  }),
  R('post', '/api/volunteers/{id}/anonymise', 'volunteers', 'Erase a volunteer’s personal data for good (admin).', {
    body: AnonymiseBody,
    ok: [200, 'The anonymised volunteer'],
    errors: [400, 401, 403, 404, 409],
  }),
  R(
    'post',
    '/api/clients/{id}/disclosure',
    'clients',
    'Disclosure package (開示請求) of a resident: ZIP of a printable summary and CSVs (admin).',
    {
      body: DisclosureBody,
      ok: [200, 'application/zip'],
      errors: [400, 401, 403, 404],
    },
  ),
  R(
    'post',
    '/api/volunteers/{id}/disclosure',
    'volunteers',
    'Disclosure package (開示請求) of a volunteer: ZIP of a printable summary and CSVs (admin).',
    {
      body: DisclosureBody,
      ok: [200, 'application/zip'],
      errors: [400, 401, 403, 404],
    },
  ),
  R('get', '/api/retention/due', 'retention', 'What has passed its retention date on `as_of` (default today, Japan time) (admin).', {
    query: DueQuery,
    ok: [200, '{"as_of","years","requests","clients","volunteers","audit_log"}'],
    errors: [400, 401, 403],
  }),
  R('post', '/api/retention/anonymise', 'retention', 'Anonymise what is due today, with one reason, in one transaction (admin).', {
    body: RetentionBody,
    ok: [200, 'How many of each were anonymised'],
    errors: [400, 401, 403, 409],
  }),
  R('get', '/api/reports/monthly', 'reports', 'Monthly figures beside the previous month’s (Japan time).', {
    query: MonthlyReportQuery,
    ok: [200, 'Report'],
    errors: [400, 401, 403],
  }),
  R('get', '/api/reports/fiscal-year', 'reports', 'Fiscal-year (April–March) figures beside the previous year’s.', {
    query: FiscalReportQuery,
    ok: [200, 'Report'],
    errors: [400, 401, 403],
  }),
  R('get', '/api/exports/{resource}.csv', 'exports', 'CSV of a list with its filters (`sort`, `filter` as the list), streamed.', {
    query: ListExportQuery,
    ok: [200, 'text/csv'],
    errors: [400, 401, 403, 404],
  }),
  R('get', '/api/exports/monthly.csv', 'exports', 'CSV of the monthly report; `audience=external` for funders.', {
    query: MonthlyQuery,
    ok: [200, 'text/csv'],
    errors: [400, 401, 403],
  }),
  R('get', '/api/exports/fiscal-year.csv', 'exports', 'CSV of the fiscal-year report; `audience=external` for funders.', {
    query: FiscalQuery,
    ok: [200, 'text/csv'],
    errors: [400, 401, 403],
  }),
  R('post', '/api/imports/{resource}', 'imports', 'Import clients or volunteers from CSV; `dry_run=true` checks only.', {
    query: ImportQuery,
    bodyType: 'text/csv',
    ok: [201, 'Import report (200 for a dry run)'],
    errors: [400, 401, 403, 404, 413, 415],
  }),
  R('get', '/api/public/municipalities', 'public', 'Municipalities in the service area, for the residents’ form (no login).', {
    ok: [200, '[{"code","name_ja","name_en"}]'],
    errors: [],
  }),
  R(
    'get',
    '/api/public/form-config',
    'public',
    'What the residents’ form shows, from the settings (no login): service days and hours, holidays and closed dates of the next 6 months, eligibility phase, municipalities, partners, areas of help and tasks in the form’s language (`lang`, else Accept-Language).',
    { query: FormConfigQuery, ok: [200, 'Form configuration'], errors: [] },
  ),
  R(
    'get',
    '/api/clients/{id}/consents',
    'clients',
    'A resident’s consents and withdrawals (kind, version, language, how, who), newest first.',
    {
      ok: [200, 'Consents'],
      errors: [400, 401, 403, 404],
    },
  ),
  R('post', '/api/clients/{id}/consents', 'clients', 'Record a consent staff took by phone, in person or on paper.', {
    body: RecordConsentBody,
    ok: [201, 'The resident'],
    errors: [400, 401, 403, 404, 409],
  }),
  R(
    'post',
    '/api/clients/{id}/consents/withdraw',
    'clients',
    'Record a withdrawal; withdrawing the sensitive-information consent erases the special-care notes.',
    { body: WithdrawConsentBody, ok: [201, 'The resident'], errors: [400, 401, 403, 404, 409] },
  ),
  R(
    'post',
    '/api/support-requests/{id}/spam',
    'support-requests',
    'Reject an unlinked, received web-form request as spam: the sender’s data is erased, the counts stay.',
    { body: SpamBody, ok: [200, 'The rejected request'], errors: [400, 401, 403, 404, 409] },
  ),
  R('post', '/api/public/requests', 'public', 'The residents’ request form (no login); messages in `lang`.', {
    body: PublicRequestSchema,
    ok: [201, '{"reference"}'],
    errors: [400, 403, 413, 415, 429],
  }),
];

const toSchema = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const error = (code: number) => ({
  description: String(code),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** OpenAPI path items for CUSTOM_ROUTES, keyed by path then method. */
export function customPaths(): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const r of CUSTOM_ROUTES) {
    const parameters = [
      ...[...r.path.matchAll(/\{(\w+)\}/g)].map((m) => {
        const field = m[1] === undefined ? undefined : r.params?.shape[m[1]];
        return { name: m[1], in: 'path', required: true, schema: field ? toSchema(field) : { type: 'string' } };
      }),
      ...Object.entries(r.query?.shape ?? {}).map(([name, field]) => ({
        name,
        in: 'query',
        required: !field.safeParse(undefined).success,
        schema: toSchema(field),
      })),
    ];
    const op: Json = {
      tags: [r.tag],
      summary: r.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body) } } } } : {}),
      ...(r.bodyType ? { requestBody: { required: true, content: { [r.bodyType]: { schema: { type: 'string' } } } } } : {}),
      responses: {
        [r.ok[0]]: {
          description: r.ok[1],
          ...(r.response
            ? { content: { 'application/json': { schema: z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' }) } } }
            : {}),
        },
        ...Object.fromEntries(r.errors.map((c) => [c, error(c)])),
      },
    };
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method]: op };
  }
  return paths;
}
