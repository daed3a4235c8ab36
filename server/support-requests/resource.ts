import type { Knex } from 'knex';
import { customFilter } from '../core/list-query.js';
import { z } from 'zod';
import { CATEGORIES, CHANNELS, MODES, PREFERRED_GENDERS, REQUEST_STATUSES, TASK_TYPES } from '../domain/enums.js';
import { isLanguageCode } from '../domain/iso.js';
import { tokyoDate } from '../domain/time.js';
import { formatNumber, nextNumber } from '../db/numbers.js';
import { conflict } from '../core/errors.js';
import { enumOf, foreignId, isoDateTime, multilineText, optionalText, text } from '../core/fields.js';
import { assertExists, assertMunicipalities, municipalityCodeField } from '../people/rules.js';
import { defineResource } from '../core/resource.js';
import type { RequestStatus } from '../domain/enums.js';
import { assertEligible, assertServiceTime } from './rules.js';
import { parseIntake, requestBasicSearchText, requestSearchText } from './search.js';
import { adoptRequestConsents } from '../clients/consents.js';
import { addEvent } from './timeline.js';
import { fieldLabel } from '../domain/labels.js';

export const SupportRequestSchema = z.object({
  client_id: foreignId().nullable().optional(),
  channel: enumOf(CHANNELS),
  received_at: isoDateTime().optional(),
  category: enumOf(CATEGORIES),
  task_type: enumOf(TASK_TYPES),
  mode: enumOf(MODES).default('in_person'),
  language: text()
    .transform((v) => v.trim().toLowerCase())
    .refine(isLanguageCode, '言語は ISO 639-1 の 2 文字コードで指定してください。')
    .nullable()
    .optional(),
  municipality_code: municipalityCodeField(),
  place: optionalText(500),
  description: multilineText(4000),
  start_at: isoDateTime().nullable().optional(),
  end_at: isoDateTime().nullable().optional(),
  coordinator_id: foreignId().nullable().optional(),
  /** Optional: candidates are then only volunteers who declared that gender. */
  preferred_volunteer_gender: enumOf(PREFERRED_GENDERS).nullable().optional(),
});

const FIXED_TIME: readonly RequestStatus[] = ['confirmed', 'done', 'closed'];

/** Columns of a request that only the server writes (its number, status, web-form intake). */
/** A request's readable number, R-2026-00042: the year it was received (in Japan), then that year's counter. */
export async function takeRequestNumber(trx: Knex.Transaction, receivedAt: Date): Promise<string> {
  const year = tokyoDate(receivedAt).slice(0, 4);
  return formatNumber(`R-${year}-`, await nextNumber(trx, `request:${year}`));
}

/** To the second, as the API writes times: a record sent back unchanged stays unchanged. */
export const toTheSecond = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

type ServerSet = { request_no: string; status: RequestStatus; intake: unknown; anonymised_at: Date | null };

/** Every edit goes on the timeline, naming the fields (not their values: they may be sensitive). */
const TIMELINE_FIELDS = Object.keys(SupportRequestSchema.shape).filter(
  (f): f is keyof typeof SupportRequestSchema.shape => f in SupportRequestSchema.shape,
);
const sameValue = (a: unknown, b: unknown) => (a instanceof Date || b instanceof Date ? sameInstant(a, b) : (a ?? null) === (b ?? null));

// To the second, as the API writes times: older rows stored milliseconds the API never shows.
const sameInstant = (a: unknown, b: unknown) =>
  a === null || a === undefined || b === null || b === undefined
    ? (a ?? null) === (b ?? null)
    : Math.floor(instant(a) / 1000) === Math.floor(instant(b) / 1000);
const instant = (v: unknown) =>
  v instanceof Date ? v.getTime() : typeof v === 'string' || typeof v === 'number' ? new Date(v).getTime() : NaN;

/** 依頼: one request for help. Status changes only through POST /:id/status and the workflow. */
export const supportRequests = defineResource<ServerSet>()({
  name: 'support-requests',
  schema: SupportRequestSchema,
  // anonymised_at: set when the retention step erases a finished request's text (server/retention/).
  readOnlyFields: ['request_no', 'status', 'status_reason', 'follow_up_of_id', 'intake', 'anonymised_at'],
  jsonColumns: ['intake'],
  list: {
    table: 'support_requests',
    fields: {
      id: 'int',
      request_no: 'text',
      client_id: 'int',
      channel: { enum: CHANNELS },
      received_at: 'timestamp',
      category: { enum: CATEGORIES },
      task_type: { enum: TASK_TYPES },
      mode: { enum: MODES },
      language: 'text',
      municipality_code: 'text',
      start_at: 'timestamp',
      end_at: 'timestamp',
      coordinator_id: 'int',
      status: { enum: REQUEST_STATUSES },
      follow_up_of_id: 'int',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: [
      'id',
      'request_no',
      'received_at',
      'start_at',
      'status',
      'category',
      'task_type',
      'municipality_code',
      'coordinator_id',
      'created_at',
      'updated_at',
    ],
    defaultSort: ['received_at', 'DESC'],
    searchable: true,
    basicSearch: true,
    // Kept by triggers (migration 20261201002200): totals of the status tabs and per coordinator.
    counters: { table: 'support_request_counts', fields: ['status', 'coordinator_id'] },
    custom: {
      // Web-form requests not yet linked to a client: the coordinators' web inbox.
      unlinked: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        apply: (qb, yes: boolean) => {
          if (yes) qb.whereNull('support_requests.client_id');
          else qb.whereNotNull('support_requests.client_id');
        },
      }),
      no_time_yet: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        apply: (qb, yes: boolean) => {
          if (yes) qb.whereNull('support_requests.start_at');
          else qb.whereNotNull('support_requests.start_at');
        },
      }),
    },
  },
  check: async (r, ctx, existing) => {
    const { trx } = ctx;
    const settings = await ctx.settings();
    const timeChanged = !existing || !sameInstant(r.start_at, existing.start_at) || !sameInstant(r.end_at, existing.end_at);
    if (existing?.client_id != null && (await trx('clients').where('id', existing.client_id).first('anonymised_at'))?.anonymised_at) {
      throw conflict('request.anonymised_client');
    }
    if (existing?.anonymised_at) throw conflict('request.anonymised');
    // Once a volunteer is confirmed the time belongs to that agreement: it moves with the
    // confirmed assignment (checked against double booking), never on the request alone.
    if (existing && timeChanged && FIXED_TIME.includes(existing.status)) {
      throw conflict('request.time_after_confirm');
    }
    if (timeChanged) assertServiceTime(r.start_at, r.end_at, settings);
    if (!existing || r.client_id !== existing.client_id) await assertEligible(trx, r.client_id, settings);
    await assertExists(trx, 'clients', 'client_id', r.client_id, 'noun.client');
    await assertExists(trx, 'staff', 'coordinator_id', r.coordinator_id, 'noun.coordinator');
    await assertMunicipalities(trx, 'municipality_code', [r.municipality_code]);
  },
  derive: async (r, { trx, actor, now }, existing) => {
    const extra: Record<string, unknown> = {};
    let request_no: string | undefined;
    if (!existing) {
      const receivedAt = r.received_at ? new Date(r.received_at) : toTheSecond(now());
      extra.received_at = receivedAt;
      request_no = await takeRequestNumber(trx, receivedAt);
      extra.request_no = request_no;
      extra.coordinator_id = r.coordinator_id ?? actor.id;
    }
    const number = existing?.request_no ?? request_no;
    const client = r.client_id == null ? null : await trx('clients').where('id', r.client_id).first('name', 'name_kana', 'client_no');
    extra.search_text = requestSearchText(number ?? '', r.place ?? null, parseIntake(existing?.intake), client);
    extra.search_basic = requestBasicSearchText(number ?? '', client);
    return extra;
  },
  after: async (row, { trx, actor }, existing) => {
    // Linked to its resident: the consents given on the web form become the resident's.
    if (row.client_id != null && existing?.client_id == null) await adoptRequestConsents(trx, Number(row.id), Number(row.client_id));
    if (!existing) {
      await addEvent(trx, { request_id: row.id, staff_id: actor.id, kind: 'status_change', to_status: 'received' });
      return;
    }
    const changed = TIMELINE_FIELDS.filter((f) => !sameValue(row[f], existing[f]));
    if (changed.length) {
      const body = `変更: ${changed.map((f) => fieldLabel('support-requests', f, 'ja')).join('、')}`;
      await addEvent(trx, {
        request_id: row.id,
        staff_id: actor.id,
        kind: 'edit',
        body,
        message: { code: 'edited', params: { fields: changed } },
      });
    }
  },
  // Only a request logged by mistake (still received, nothing done on it) may be deleted.
  hasHistory: async (trx, id) => {
    const [counted] = await trx('request_events').where('request_id', id).count({ n: '*' });
    const request = await trx('support_requests').where('id', id).first('status');
    return request?.status !== 'received' || Number(counted?.n) > 1 || !!(await trx('assignments').where('request_id', id).first('id'));
  },
});
