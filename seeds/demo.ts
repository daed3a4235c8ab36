/**
 * Fictional demo data: staff accounts, partners, residents, volunteers with ID checks, and
 * requests in every status with their timeline, assignments, reports and expenses.
 * The data lives in ./demo-data.ts; this file turns its relative dates into real ones and
 * inserts everything in one transaction.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import type { Knex } from 'knex';
import { hashPassword } from '../server/auth/password.js';
import { formatNumber, nextNumber } from '../server/db/numbers.js';
import type { RequestStatus, Role } from '../server/domain/enums.js';
import { buildSearchText } from '../server/domain/search.js';
import { toTokyoIso, tokyoDate } from '../server/domain/time.js';
import { clientBasicSearchText, requestBasicSearchText, requestSearchText } from '../server/support-requests/search.js';
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

export const DEMO_ACCOUNTS: { email: string; display_name: string; role: Role }[] = [
  { email: 'admin@demo.otonari.example', display_name: '山田 花子', role: 'admin' },
  { email: 'coordinator@demo.otonari.example', display_name: '高木 陽子', role: 'coordinator' },
  { email: 'coordinator2@demo.otonari.example', display_name: '岡本 拓也', role: 'coordinator' },
  { email: 'volunteers@demo.otonari.example', display_name: '石川 恵', role: 'volunteer_staff' },
  { email: 'secretariat@demo.otonari.example', display_name: '前田 誠', role: 'secretariat' },
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERVICE_WEEKDAYS = [1, 2, 3, 4, 5, 6];
const SERVICE_START = '08:30';
const SERVICE_END = '18:00';
const MAX_MINUTES = 180;
const ID_CHECK_VALID_MONTHS = 36;
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
};

export async function seedDemo(knex: Knex, now = new Date()): Promise<boolean> {
  return knex.transaction(async (trx) => {
    if (await alreadySeeded(trx)) return false;
    const ctx: Ctx = { trx, now, staff: {}, partners: {}, clients: {}, volunteers: {}, requests: {} };
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

/** Calendar months later, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
function addMonths(date: string, months: number): string {
  const first = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(Number(date.slice(8, 10)), lastDay));
  return first.toISOString().slice(0, 10);
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
    ctx.staff[account.email.split('@')[0] as StaffKey] = row.id;
  }
}

async function insertPartner(ctx: Ctx, p: DemoPartner): Promise<number> {
  const created = iso(daysAgoAt(ctx.now, 140, '10:00'));
  const { key: _key, ...fields } = p;
  const [row] = await ctx
    .trx('partners')
    .insert({
      ...fields,
      // The demo partners all refer residents through the web form too.
      show_on_form: true,
      search_text: buildSearchText([p.name, p.contact_name, p.email], [p.phone]),
      created_at: created,
      updated_at: created,
    })
    .returning('id');
  return row.id;
}

async function insertClient(ctx: Ctx, c: DemoClient): Promise<ClientRef> {
  const clientNo = formatNumber('C-', await nextNumber(ctx.trx, 'client'));
  const created = daysAgoAt(ctx.now, c.createdDaysAgo, '09:30');
  const archived = c.archivedDaysAgo === undefined ? null : iso(daysAgoAt(ctx.now, c.archivedDaysAgo, '17:00'));
  const [row] = await ctx
    .trx('clients')
    .insert({
      client_no: clientNo,
      name: c.name,
      name_kana: c.name_kana,
      nationality: c.nationality,
      languages: c.languages,
      japanese_level: c.japanese_level,
      phone: c.phone,
      email: c.email,
      municipality_code: c.municipality_code,
      address: c.address,
      eligibility: c.eligibility,
      ofp_member_no: c.ofp_member_no ?? null,
      partner_id: c.partner ? pick(ctx.partners, c.partner) : null,
      consent_at: c.consentDaysAgo === null ? null : iso(daysAgoAt(ctx.now, c.consentDaysAgo, '09:30')),
      special_care_notes: c.special_care_notes ?? null,
      // One resident gave the separate consent to sensitive information in person; the others'
      // notes date from the single consent and wait for re-confirmation.
      sensitive_consent_at: sensitiveConsent(c, ctx.now),
      special_care_reconfirm: !!c.special_care_notes && !sensitiveConsent(c, ctx.now),
      notes: c.notes ?? null,
      archived_at: archived,
      search_text: buildSearchText([c.name, c.name_kana, clientNo, c.email], [c.phone]),
      search_basic: clientBasicSearchText({ name: c.name, name_kana: c.name_kana ?? null, client_no: clientNo }),
      created_at: iso(created),
      updated_at: archived ?? iso(created),
    })
    .returning('id');
  const consentAt = c.consentDaysAgo === null ? null : iso(daysAgoAt(ctx.now, c.consentDaysAgo, '09:30'));
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
  return { id: row.id, name: c.name, name_kana: c.name_kana, client_no: clientNo };
}

/** The demo resident whose special-care notes say they were recorded with consent has the sensitive consent. */
function sensitiveConsent(c: DemoClient, now: Date): string | null {
  return c.special_care_notes?.includes('本人同意') && c.consentDaysAgo !== null ? iso(daysAgoAt(now, c.consentDaysAgo, '09:40')) : null;
}

function idCheckRow(now: Date, c: DemoIdCheck) {
  const checkedOn = shiftToServiceDay(dayFromNow(now, -c.checkedDaysAgo), -1);
  const validUntil = c.result === 'passed' ? addMonths(checkedOn, ID_CHECK_VALID_MONTHS) : null;
  const at = iso(atTokyo(checkedOn, '11:00'));
  const { checkedDaysAgo: _days, ...fields } = c;
  return { ...fields, notes: c.notes ?? null, checked_on: checkedOn, valid_until: validUntil, created_at: at, updated_at: at };
}

async function insertVolunteer(ctx: Ctx, v: DemoVolunteer): Promise<VolunteerRef> {
  const volunteerNo = formatNumber('V-', await nextNumber(ctx.trx, 'volunteer'));
  const checks = v.idChecks.map((c) => idCheckRow(ctx.now, c));
  const passed = checks.filter((c) => c.result === 'passed').sort((a, b) => a.checked_on.localeCompare(b.checked_on));
  const created = iso(daysAgoAt(ctx.now, v.registeredDaysAgo, '11:00'));
  const { key: _key, registeredDaysAgo: _days, idChecks: _checks, ...fields } = v;
  const [row] = await ctx
    .trx('volunteers')
    .insert({
      ...fields,
      notes: v.notes ?? null,
      volunteer_no: volunteerNo,
      availability: JSON.stringify(v.availability),
      id_check_valid_until: passed.at(-1)?.valid_until ?? null,
      search_text: buildSearchText([v.name, v.name_kana, volunteerNo, v.email], [v.phone]),
      created_at: created,
      updated_at: passed.at(-1)?.updated_at ?? created,
    })
    .returning('id');
  const checkedBy = pick(ctx.staff, 'volunteers');
  for (const c of checks) await ctx.trx('id_checks').insert({ ...c, volunteer_id: row.id, checked_by: checkedBy });
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
  const year = tokyoDate(received).slice(0, 4);
  const requestNo = formatNumber(`R-${year}-`, await nextNumber(ctx.trx, `request:${year}`));
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
  return row.id as number;
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
    body: to === r.status ? (r.status_reason ?? null) : null,
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
  return row.id as number;
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
