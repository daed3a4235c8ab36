/**
 * Fictional demo data: staff accounts, partners, residents, volunteers with ID checks, and
 * requests in every status with their timeline, assignments, reports and expenses.
 * The data lives in ./demo-data.ts; this file turns its relative dates into real ones and
 * inserts everything in one transaction.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import type { Knex } from 'knex';
import { hashPassword } from '../server/auth/password.js';
import type { RequestStatus, Role } from '../server/domain/enums.js';
import { toTokyoIso, tokyoDate } from '../server/domain/time.js';
import { requestBasicSearchText, requestSearchText } from '../server/support-requests/search.js';
import { takeRequestNumber } from '../server/support-requests/resource.js';
import { audit } from '../server/core/audit.js';
import { writeContext, type Actor } from '../server/core/context.js';
import { ResourceRepository } from '../server/core/repository.js';
import type { ResourceConfig, Row } from '../server/core/resource.js';
import { ResourceService } from '../server/core/service.js';
import { clients } from '../server/clients/resource.js';
import { idChecks } from '../server/id-checks/resource.js';
import { partners } from '../server/partners/resource.js';
import { volunteers } from '../server/volunteers/resource.js';
import {
  CLIENTS,
  PARTNERS,
  REQUESTS,
  VOLUNTEERS,
  type Availability,
  type DemoClient,
  type DemoIdCheck,
  type DemoPartner,
  type DemoRequest,
  type DemoSlot,
  type DemoVolunteer,
  type StaffKey,
} from './demo-data.js';

export const DEMO_PASSWORD = 'otonari-demo-2026';

export const DEMO_ACCOUNTS: { email: string; display_name: string; name_kana: string; role: Role }[] = [
  { email: 'admin@demo.otonari.example', display_name: '山田 花子', name_kana: 'ヤマダ ハナコ', role: 'admin' },
  { email: 'coordinator@demo.otonari.example', display_name: '高木 陽子', name_kana: 'タカギ ヨウコ', role: 'coordinator' },
  { email: 'coordinator2@demo.otonari.example', display_name: '岡本 拓也', name_kana: 'オカモト タクヤ', role: 'coordinator' },
  { email: 'volunteers@demo.otonari.example', display_name: '石川 恵', name_kana: 'イシカワ メグミ', role: 'volunteer_staff' },
  { email: 'secretariat@demo.otonari.example', display_name: '前田 誠', name_kana: 'マエダ マコト', role: 'secretariat' },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERVICE_WEEKDAYS = [1, 2, 3, 4, 5, 6];
const SERVICE_START = '08:30';
const SERVICE_END = '18:00';
const MAX_MINUTES = 180;
/** Channels that only work during office hours: their requests arrive on service days. */
const OFFICE_CHANNELS = ['phone', 'partner', 'walk_in'];

type Slot = { start: Date; end: Date };
type ClientRef = { id: number; name: string; name_kana: string; client_no: string };
type VolunteerRef = { id: number; availability: Availability[] };
type Ctx = {
  trx: Knex.Transaction;
  now: Date;
  staff: Record<string, number>;
  partners: Record<string, number>;
  clients: Record<string, ClientRef>;
  volunteers: Record<string, VolunteerRef>;
  requests: Record<string, number>;
  actors: Record<string, Actor>;
  services: ReturnType<typeof demoServices>;
};

/** The services the demo's people are created through (requests keep their own history below). */
const demoServices = (knex: Knex) => {
  const service = (config: ResourceConfig) => new ResourceService(knex, new ResourceRepository(config));
  return { partners: service(partners), clients: service(clients), volunteers: service(volunteers), idChecks: service(idChecks) };
};

export async function seedDemo(knex: Knex, now = new Date()): Promise<boolean> {
  return knex.transaction(async (trx) => {
    if (await alreadySeeded(trx)) return false;
    const ctx: Ctx = {
      trx,
      now,
      staff: {},
      partners: {},
      clients: {},
      volunteers: {},
      requests: {},
      actors: {},
      services: demoServices(knex),
    };
    await insertStaff(ctx);
    for (const p of PARTNERS) ctx.partners[p.key] = await insertPartner(ctx, p);
    for (const c of CLIENTS) ctx.clients[c.key] = await insertClient(ctx, c);
    for (const v of VOLUNTEERS) ctx.volunteers[v.key] = await insertVolunteer(ctx, v);
    const byReceipt = REQUESTS.map((r) => ({ r, received: receivedAt(now, r) })).sort(
      (a, b) => a.received.getTime() - b.received.getTime(),
    );
    for (const { r, received } of byReceipt) ctx.requests[r.key] = await insertRequest(ctx, r, received);
    return true;
  });
}

async function alreadySeeded(trx: Knex.Transaction): Promise<boolean> {
  if (await trx('clients').first('id')) return true;
  const emails = DEMO_ACCOUNTS.map((a) => a.email.toLowerCase());
  return !!(await trx('staff').whereRaw('lower(email) = any(?)', [emails]).first('id'));
}

// ---------------------------------------------------------------- dates (all in Japan time)

const iso = (date: Date | number): string => toTokyoIso(new Date(date));
const atTokyo = (date: string, hhmm: string): Date => new Date(`${date}T${hhmm}:00+09:00`);
const dayFromNow = (now: Date, days: number): string => tokyoDate(new Date(now.getTime() + days * DAY));
const daysAgoAt = (now: Date, days: number, hhmm: string): Date => atTokyo(shiftToServiceDay(dayFromNow(now, -days), -1), hhmm);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isServiceDay(date: string, weekdays: number[]): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekdays.includes(day === 0 ? 7 : day) && !holidayJp.isHoliday(date);
}

/** The nearest service day on or after (step 1) / on or before (step -1) the date. */
function shiftToServiceDay(date: string, step: 1 | -1, weekdays = SERVICE_WEEKDAYS): string {
  let d = date;
  while (!isServiceDay(d, weekdays)) d = addDays(d, step);
  return d;
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Weekdays on which the volunteer's availability covers the whole slot (all service days if none). */
function fittingWeekdays(availability: Availability[] | undefined, s: DemoSlot): number[] {
  const end = toHhmm(toMinutes(s.time) + s.minutes);
  const days = (availability ?? []).filter((a) => a.start <= s.time && end <= a.end).map((a) => a.weekday);
  return days.length ? days : SERVICE_WEEKDAYS;
}

/** A slot `day` days from now, moved (away from now) onto a fitting service day. */
function slotTimes(now: Date, s: DemoSlot, weekdays = SERVICE_WEEKDAYS): Slot {
  const end = toHhmm(toMinutes(s.time) + s.minutes);
  if (s.time < SERVICE_START || end > SERVICE_END || s.minutes > MAX_MINUTES) {
    throw new Error(`demo slot outside service hours: ${s.time}+${s.minutes}`);
  }
  const date = shiftToServiceDay(dayFromNow(now, s.day), s.day < 0 ? -1 : 1, weekdays);
  const start = atTokyo(date, s.time);
  return { start, end: new Date(start.getTime() + s.minutes * MINUTE) };
}

function receivedAt(now: Date, r: DemoRequest): Date {
  const date = dayFromNow(now, -r.receivedDaysAgo);
  return atTokyo(OFFICE_CHANNELS.includes(r.channel) ? shiftToServiceDay(date, -1) : date, r.receivedTime);
}

// ---------------------------------------------------------------- staff, partners, people

async function insertStaff(ctx: Ctx): Promise<void> {
  const created = iso(daysAgoAt(ctx.now, 150, '09:00'));
  for (const account of DEMO_ACCOUNTS) {
    const [row] = await ctx
      .trx('staff')
      .insert({ ...account, active: true, password_hash: await hashPassword(DEMO_PASSWORD), created_at: created, updated_at: created })
      .returning('id');
    const key = account.email.split('@')[0] ?? account.email;
    ctx.staff[key] = row.id;
    ctx.actors[key] = { id: row.id, email: account.email, display_name: account.display_name, role: account.role };
  }
}

/**
 * Creates a record through its resource's own service, as the console would: the same rules,
 * derived columns (search text, readable number) and audit entry. Then dates it as the demo's
 * history says, since the service stamps the present.
 */
async function createDated(
  ctx: Ctx,
  service: ResourceService,
  by: StaffKey,
  body: Record<string, unknown>,
  dated: { created_at: string; updated_at: string },
  clock: Date = new Date(dated.created_at),
): Promise<Row & { id: number }> {
  const row = await service.createWithin(writeContext(ctx.trx, pick(ctx.actors, by), { now: () => clock }), body);
  await ctx.trx(service.config.list.table).where('id', row.id).update(dated);
  return { ...row, id: Number(row.id) };
}

async function insertPartner(ctx: Ctx, p: DemoPartner): Promise<number> {
  const created = iso(daysAgoAt(ctx.now, 140, '10:00'));
  const { key: _key, ...fields } = p;
  const row = await createDated(
    ctx,
    ctx.services.partners,
    'coordinator',
    { ...fields, show_on_form: true },
    { created_at: created, updated_at: created },
  );
  return row.id;
}

async function insertClient(ctx: Ctx, c: DemoClient): Promise<ClientRef> {
  const created = iso(daysAgoAt(ctx.now, c.createdDaysAgo, '09:30'));
  const archived = c.archivedDaysAgo === undefined ? null : iso(daysAgoAt(ctx.now, c.archivedDaysAgo, '17:00'));
  const { key: _key, partner, createdDaysAgo: _created, consentDaysAgo, archivedDaysAgo: _archived, special_care_notes, ...fields } = c;
  const consentAt = consentDaysAgo === null ? null : iso(daysAgoAt(ctx.now, consentDaysAgo, '09:30'));
  const body = { ...fields, partner_id: partner ? pick(ctx.partners, partner) : null, consent_at: consentAt, archived_at: archived };
  const dated = { created_at: created, updated_at: archived ?? created };
  // Consent times are checked against the present, not the record's backdated creation.
  const row = await createDated(ctx, ctx.services.clients, 'coordinator', body, dated, ctx.now);
  const sensitiveAt = sensitiveConsent(c, ctx.now);
  const consents = [
    ...(consentAt ? [{ kind: 'use', given_at: consentAt }] : []),
    ...(sensitiveAt ? [{ kind: 'sensitive', given_at: sensitiveAt }] : []),
  ];
  if (consents.length) {
    await ctx.trx('consents').insert(
      consents.map((k) => ({
        client_id: row.id,
        ...k,
        action: 'given',
        method: 'in_person',
        text_version: 'staff-2026-12',
        language: c.languages[0] ?? 'ja',
        recorded_by: ctx.staff.coordinator ?? null,
      })),
    );
  }
  // Special-care notes as they stood before consents were separated: one resident gave the
  // sensitive-information consent in person; the others' notes wait for re-confirmation.
  if (special_care_notes) {
    await ctx
      .trx('clients')
      .where('id', row.id)
      .update({ special_care_notes, sensitive_consent_at: sensitiveAt, special_care_reconfirm: !sensitiveAt });
  }
  return { id: row.id, name: c.name, name_kana: c.name_kana, client_no: String(row.client_no) };
}

/** The demo resident whose special-care notes say they were recorded with consent has the sensitive consent. */
function sensitiveConsent(c: DemoClient, now: Date): string | null {
  return c.special_care_notes?.includes('本人同意') && c.consentDaysAgo !== null ? iso(daysAgoAt(now, c.consentDaysAgo, '09:40')) : null;
}

function idCheckBody(now: Date, volunteerId: number, c: DemoIdCheck) {
  const { checkedDaysAgo: _days, ...fields } = c;
  return { ...fields, volunteer_id: volunteerId, checked_on: shiftToServiceDay(dayFromNow(now, -c.checkedDaysAgo), -1) };
}

async function insertVolunteer(ctx: Ctx, v: DemoVolunteer): Promise<VolunteerRef> {
  const created = iso(daysAgoAt(ctx.now, v.registeredDaysAgo, '11:00'));
  const { key: _key, registeredDaysAgo: _days, idChecks, ...fields } = v;
  const row = await createDated(ctx, ctx.services.volunteers, 'volunteers', fields, { created_at: created, updated_at: created });
  // Each check as volunteer staff record it: the service works out its validity and the
  // volunteer's expiry from the settings.
  let updated = created;
  for (const check of idChecks) {
    const body = idCheckBody(ctx.now, row.id, check);
    const at = iso(atTokyo(body.checked_on, '11:00'));
    await createDated(ctx, ctx.services.idChecks, 'volunteers', body, { created_at: at, updated_at: at });
    if (check.result === 'passed' && at > updated) updated = at;
  }
  await ctx.trx('volunteers').where('id', row.id).update({ updated_at: updated });
  return { id: row.id, availability: v.availability };
}

// ---------------------------------------------------------------- requests

const PATHS: Record<RequestStatus, RequestStatus[]> = {
  received: ['received'],
  checking: ['received', 'checking'],
  matching: ['received', 'checking', 'matching'],
  confirmed: ['received', 'checking', 'matching', 'confirmed'],
  done: ['received', 'checking', 'matching', 'confirmed', 'done'],
  closed: ['received', 'checking', 'matching', 'confirmed', 'done', 'closed'],
  cancelled: ['received', 'checking', 'cancelled'],
  unmatched: ['received', 'checking', 'matching', 'unmatched'],
  rejected: ['received', 'checking', 'rejected'],
};

const pathOf = (r: DemoRequest): RequestStatus[] => r.path ?? PATHS[r.status];
const floorMinute = (t: number): Date => new Date(Math.floor(t / MINUTE) * MINUTE);

/**
 * When each status step happened: the steps before the activity spread from the receipt up to
 * an hour before the activity (or now), about a day apart; 'done' three hours after the
 * activity, 'closed' up to a week later.
 */
function timeline(path: RequestStatus[], received: Date, slot: Slot | null, now: Date): Map<RequestStatus, Date> {
  const before = path.filter((s) => s !== 'done' && s !== 'closed');
  const limit = Math.min(now.getTime(), slot?.start.getTime() ?? Infinity) - HOUR;
  const gap = Math.min(DAY + 70 * MINUTE, (limit - received.getTime()) / before.length);
  if (before.length > 1 && gap <= 0) throw new Error('demo request: activity before receipt');
  const times = new Map<RequestStatus, Date>(before.map((s, i) => [s, floorMinute(received.getTime() + i * gap)]));
  if (path.includes('done') && slot) {
    const done = slot.end.getTime() + 3 * HOUR;
    times.set('done', floorMinute(done));
    if (path.includes('closed')) times.set('closed', floorMinute(done + Math.min(7 * DAY, (now.getTime() - done) / 2)));
  }
  return times;
}

const stepAt = (times: Map<RequestStatus, Date>, s: RequestStatus): Date => {
  const at = times.get(s);
  if (!at) throw new Error(`demo request: no '${s}' step`);
  return at;
};

/** The volunteer whose availability decides the activity day: the confirmed one, else the first still asked. */
function slotFor(ctx: Ctx, r: DemoRequest): Slot | null {
  if (!r.slot) return null;
  const key = r.volunteer ?? r.assignments?.find((a) => a.status !== 'declined')?.volunteer;
  const availability = key ? pick(ctx.volunteers, key).availability : undefined;
  return slotTimes(ctx.now, r.slot, fittingWeekdays(availability, r.slot));
}

async function insertRequest(ctx: Ctx, r: DemoRequest, received: Date): Promise<number> {
  const slot = slotFor(ctx, r);
  const times = timeline(pathOf(r), received, slot, ctx.now);
  const id = await insertRequestRow(ctx, r, received, slot, times);
  await ctx.trx('request_events').insert(eventRows(ctx, id, r, times));
  const assignmentId = await insertAssignments(ctx, id, r, slot, times);
  if (r.report && slot && assignmentId) await insertReport(ctx, id, assignmentId, r, slot, times);
  if (r.expenses?.length && slot) await insertExpenses(ctx, id, r, slot, times);
  return id;
}

async function insertRequestRow(ctx: Ctx, r: DemoRequest, received: Date, slot: Slot | null, times: Map<RequestStatus, Date>) {
  const requestNo = await takeRequestNumber(ctx.trx, received);
  const client = r.client ? pick(ctx.clients, r.client) : null;
  const [row] = await ctx
    .trx('support_requests')
    .insert({
      request_no: requestNo,
      client_id: client?.id ?? null,
      channel: r.channel,
      received_at: iso(received),
      category: r.category,
      task_type: r.task_type,
      mode: r.mode,
      language: r.language,
      municipality_code: r.municipality_code,
      place: r.place,
      description: r.description,
      start_at: slot ? iso(slot.start) : null,
      end_at: slot ? iso(slot.end) : null,
      coordinator_id: pick(ctx.staff, r.coordinator),
      status: r.status,
      status_reason: r.status_reason ?? null,
      follow_up_of_id: r.followUpOf ? pick(ctx.requests, r.followUpOf) : null,
      intake: r.intake ? JSON.stringify(intakeJson(ctx.now, r)) : null,
      search_text: requestSearchText(
        requestNo,
        r.place,
        r.intake,
        client ? { name: client.name, name_kana: client.name_kana ?? null, client_no: client.client_no } : null,
      ),
      search_basic: requestBasicSearchText(
        requestNo,
        client ? { name: client.name, name_kana: client.name_kana ?? null, client_no: client.client_no } : null,
      ),
      created_at: iso(received),
      updated_at: iso(Math.max(...[...times.values()].map((t) => t.getTime()))),
    })
    .returning('id');
  // The request's history is the demo's own (statuses the workflow would reach over weeks); its
  // number and search text come from the functions the request service uses, its audit entry too.
  const by = r.channel === 'web_form' ? null : pick(ctx.staff, r.coordinator);
  await audit(ctx.trx, { staff_id: by, action: 'create', resource: 'support-requests', record_id: row.id, details: { source: 'demo' } });
  return Number(row.id);
}

/** What the public form sent, as POST /api/public/requests receives it. */
function intakeJson(now: Date, r: DemoRequest) {
  const { preferred_slots: slots, ...intake } = r.intake!;
  return {
    ...intake,
    municipality_code: r.municipality_code,
    category: r.category,
    task_type: r.task_type,
    mode: r.mode,
    preferred_slots: slots.map((s) => slotTimes(now, s)).map((s) => ({ start_at: iso(s.start), end_at: iso(s.end) })),
    consent: true,
  };
}

function eventRows(ctx: Ctx, requestId: number, r: DemoRequest, times: Map<RequestStatus, Date>) {
  const staffId = pick(ctx.staff, r.coordinator);
  const path = pathOf(r);
  const base = { request_id: requestId, party: null, from_status: null, to_status: null, body: null };
  const statusRows = path.map((to, i) => ({
    ...base,
    at: iso(stepAt(times, to)),
    kind: 'status_change',
    staff_id: i === 0 && r.channel === 'web_form' ? null : staffId,
    from_status: i === 0 ? null : path[i - 1],
    to_status: to,
    // The server's own words for a web-form receipt, with the code the console words in its language.
    ...(i === 0 && r.channel === 'web_form'
      ? { body: 'Web フォームから受付', message: JSON.stringify({ code: 'web_form_received' }) }
      : { body: to === r.status ? (r.status_reason ?? null) : null }),
  }));
  const contactRows = (r.contacts ?? []).map((c) => ({
    ...base,
    at: iso(stepAt(times, c.after).getTime() + c.minutes * MINUTE),
    kind: c.kind,
    staff_id: staffId,
    party: c.party,
    body: c.body,
  }));
  return [...statusRows, ...contactRows].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((row) => ({ ...row, created_at: row.at }));
}

/** The open/declined/cancelled assignments, then the confirmed one; returns the confirmed id. */
async function insertAssignments(ctx: Ctx, requestId: number, r: DemoRequest, slot: Slot | null, times: Map<RequestStatus, Date>) {
  const asked = times.get('matching') ?? stepAt(times, 'received');
  const confirmedAt = times.get('confirmed');
  const when = slot ? { start_at: iso(slot.start), end_at: iso(slot.end) } : { start_at: null, end_at: null };
  const rows = (r.assignments ?? []).map((a, i) => ({
    request_id: requestId,
    volunteer_id: pick(ctx.volunteers, a.volunteer).id,
    status: a.status,
    ...when,
    note: a.note ?? null,
    confirmed_at: a.wasConfirmed && confirmedAt ? iso(confirmedAt) : null,
    created_at: iso(asked.getTime() + (i + 1) * 20 * MINUTE),
    updated_at: iso(asked.getTime() + (i + 2) * 20 * MINUTE),
  }));
  if (rows.length) await ctx.trx('assignments').insert(rows);
  if (!r.volunteer || !slot || !confirmedAt) return null;
  const [row] = await ctx
    .trx('assignments')
    .insert({
      request_id: requestId,
      volunteer_id: pick(ctx.volunteers, r.volunteer).id,
      status: 'confirmed',
      ...when,
      note: null,
      confirmed_at: iso(confirmedAt),
      created_at: iso(asked.getTime() + 10 * MINUTE),
      updated_at: iso(confirmedAt),
    })
    .returning('id');
  return Number(row.id);
}

async function insertReport(
  ctx: Ctx,
  requestId: number,
  assignmentId: number,
  r: DemoRequest,
  slot: Slot,
  times: Map<RequestStatus, Date>,
) {
  const rep = r.report!;
  const start = new Date(slot.start.getTime() + rep.startDelta * MINUTE);
  const end = new Date(slot.end.getTime() + rep.endDelta * MINUTE);
  const done = stepAt(times, 'done');
  const handled = rep.followUpHandled ? new Date(stepAt(times, 'closed').getTime() - HOUR) : null;
  const coordinatorId = pick(ctx.staff, r.coordinator);
  await ctx.trx('activity_reports').insert({
    request_id: requestId,
    assignment_id: assignmentId,
    actual_start_at: iso(start),
    actual_end_at: iso(end),
    outcome: rep.outcome,
    summary: rep.summary,
    follow_up_needed: rep.follow_up_needed ?? false,
    follow_up_note: rep.follow_up_note ?? null,
    follow_up_owner_id: rep.follow_up_needed ? coordinatorId : null,
    follow_up_handled_at: handled ? iso(handled) : null,
    follow_up_handled_by: handled ? coordinatorId : null,
    outside_service_rules: outsideServiceRules(start, end),
    created_at: iso(done),
    updated_at: iso(handled ?? done),
  });
  const outside = outsideServiceRules(start, end);
  await ctx.trx('request_events').insert({
    request_id: requestId,
    at: iso(done),
    created_at: iso(done),
    kind: 'report',
    staff_id: coordinatorId,
    body: `活動報告を登録しました${outside ? ' (サービス時間外・時間超過あり)' : ''}。`,
    message: JSON.stringify({ code: 'report_filed', params: { outside } }),
  });
}

/** Longer than allowed, or starting/ending outside service hours (Japan time). */
function outsideServiceRules(start: Date, end: Date): boolean {
  const clock = (d: Date) => iso(d).slice(11, 16);
  return end.getTime() - start.getTime() > MAX_MINUTES * MINUTE || clock(start) < SERVICE_START || clock(end) > SERVICE_END;
}

async function insertExpenses(ctx: Ctx, requestId: number, r: DemoRequest, slot: Slot, times: Map<RequestStatus, Date>) {
  const created = iso(stepAt(times, 'done'));
  const volunteerId = r.volunteer ? pick(ctx.volunteers, r.volunteer).id : null;
  const rows = r.expenses!.map((e) => {
    const settled = e.settled ? new Date(Math.min(slot.end.getTime() + e.settled.days * DAY, ctx.now.getTime())) : null;
    return {
      request_id: requestId,
      volunteer_id: volunteerId,
      kind: e.kind,
      amount_yen: e.amount_yen,
      settled_on: settled ? tokyoDate(settled) : null,
      settlement_method: e.settled?.method ?? null,
      note: e.note ?? null,
      created_at: created,
      updated_at: settled && settled.getTime() > Date.parse(created) ? iso(settled) : created,
    };
  });
  await ctx.trx('expenses').insert(rows);
}

function pick<T>(map: Record<string, T>, key: string): T {
  const value = map[key];
  if (value === undefined) throw new Error(`demo data: unknown key '${key}'`);
  return value;
}
