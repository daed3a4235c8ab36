import { z } from 'zod';
import { customFilter } from '../core/list-query.js';
import { GENDERS, TASK_TYPES, VOLUNTEER_STATUSES } from '../domain/enums.js';
import { availabilityProblems } from '../domain/availability.js';
import { ID_CHECK_STATES, idCheckFilterBounds, tokyoDateInDays, type IdCheckState } from '../domain/id-checks.js';
import { buildSearchText } from '../domain/search.js';
import { formatNumber, takeNumber } from '../db/numbers.js';
import { AppError, conflict } from '../core/errors.js';
import { enumOf, multilineText, optionalEmail, optionalPhone, requiredText } from '../core/fields.js';
import {
  assertMunicipalities,
  checkContactStop,
  contactStopFields,
  kanaField,
  languagesField,
  municipalityCodeField,
} from '../people/rules.js';
import { auditView } from '../people/views.js';
import { defineResource } from '../core/resource.js';
import { msg } from '../core/messages.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は HH:MM で入力してください。');

export const AvailabilityWindowSchema = z
  .object({
    weekday: z.number().int().min(1, '曜日は 1 (月) 〜 6 (土) です。').max(6, '曜日は 1 (月) 〜 6 (土) です。'),
    start: HHMM,
    end: HHMM,
  })
  .strict();

export const VolunteerSchema = z.object({
  name: requiredText(200),
  name_kana: kanaField(),
  email: optionalEmail(),
  phone: optionalPhone(),
  municipality_code: municipalityCodeField(),
  service_municipality_codes: z
    .array(z.string().regex(/^\d{6}$/, '区市町村コードは 6 桁です。'))
    .max(100)
    .default([]),
  languages: languagesField(),
  in_person_ok: z.boolean().default(true),
  online_ok: z.boolean().default(false),
  task_types: z
    .array(enumOf(TASK_TYPES))
    .max(TASK_TYPES.length)
    .default([])
    .transform((t) => [...new Set(t)]),
  availability: z.array(AvailabilityWindowSchema).max(30).default([]),
  monthly_limit: z.number().int().min(0).max(100).nullable().optional(),
  status: enumOf(VOLUNTEER_STATUSES).default('active'),
  ofp_registered: z.boolean().default(false),
  /** Self-declared and optional; used only to honour a request's preference, never exported to funders. */
  gender: enumOf(GENDERS).nullable().optional(),
  notes: multilineText(4000),
  archived_at: z.iso.datetime({ offset: true }).nullable().optional(),
  ...contactStopFields(),
});

/** Today in Japan, as the database compares calendar dates. */

/** ボランティア: the registered volunteers, with what they can do and when. */
export const volunteers = defineResource<{ volunteer_no: string; id_check_valid_until: string | null; anonymised_at: Date | null }>()({
  name: 'volunteers',
  schema: VolunteerSchema,
  // anonymised_at is set only by POST /api/volunteers/:id/anonymise (./anonymise.ts).
  readOnlyFields: ['volunteer_no', 'id_check_valid_until', 'anonymised_at'],
  jsonColumns: ['availability'],
  list: {
    table: 'volunteers',
    fields: {
      id: 'int',
      volunteer_no: 'text',
      municipality_code: 'text',
      service_municipality_codes: 'text_array',
      languages: 'text_array',
      task_types: 'text_array',
      in_person_ok: 'bool',
      online_ok: 'bool',
      status: { enum: VOLUNTEER_STATUSES },
      ofp_registered: 'bool',
      id_check_valid_until: 'date',
      archived_at: 'timestamp',
      contact_stopped_at: 'timestamp',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: [
      'id',
      'volunteer_no',
      'name',
      'name_kana',
      'status',
      'municipality_code',
      'id_check_valid_until',
      'created_at',
      'updated_at',
    ],
    defaultSort: ['volunteer_no', 'DESC'],
    searchable: true,
    custom: {
      // What each state selects is declared in server/domain/id-checks.ts.
      id_check_state: customFilter({
        schema: enumOf(ID_CHECK_STATES),
        apply: (qb, state: IdCheckState) => {
          const { from, to, before, never } = idCheckFilterBounds(state);
          qb.where((w) => {
            if (before !== undefined) w.where('volunteers.id_check_valid_until', '<', before);
            else {
              if (from !== undefined) w.where('volunteers.id_check_valid_until', '>=', from);
              if (to !== undefined) w.where('volunteers.id_check_valid_until', '<=', to);
            }
            if (never) w.orWhereNull('volunteers.id_check_valid_until');
          });
        },
      }),
      // 「本人確認の期限」: everyone whose check ends within the window, and those who cannot be
      // matched at all because theirs has already ended or was never done.
      id_check_expires_within_days: customFilter({
        schema: z.coerce.number().int().min(0).max(3650),
        apply: (qb, days: number) => {
          qb.where((w) =>
            w.where('volunteers.id_check_valid_until', '<=', tokyoDateInDays(days)).orWhereNull('volunteers.id_check_valid_until'),
          );
        },
      }),
    },
  },
  check: async (v, ctx, existing) => {
    const { trx, memo } = ctx;
    // An anonymised record stays as it was left: nothing may be written back into it.
    if (existing?.anonymised_at) throw conflict('volunteer.anonymised_edit');
    checkContactStop(v);
    const settings = await ctx.settings();
    const problems = availabilityProblems(v.availability, settings);
    const first = Object.entries(problems)[0];
    if (first) {
      const row = Number(first[0]) + 1;
      const problem = first[1];
      throw new AppError('validation', msg('volunteer.availability_row', { row, message: problem }), {
        availability: msg('volunteer.availability_row_short', { row, message: problem }),
        [`availability.${first[0]}`]: problem,
      });
    }
    await assertMunicipalities(trx, 'municipality_code', [v.municipality_code], memo);
    await assertMunicipalities(trx, 'service_municipality_codes', v.service_municipality_codes, memo);
  },
  counter: 'volunteer',
  derive: async (v, ctx, existing) => {
    const volunteer_no = existing ? existing.volunteer_no : formatNumber('V-', await takeNumber(ctx, 'volunteer'));
    return {
      ...(existing ? {} : { volunteer_no }),
      search_text: buildSearchText([v.name, v.name_kana, volunteer_no, v.email], [v.phone]),
    };
  },
  hasHistory: async (trx, id) =>
    !!(await trx('assignments').where('volunteer_id', id).first('id')) ||
    !!(await trx('id_checks').where('volunteer_id', id).first('id')) ||
    !!(await trx('expenses').where('volunteer_id', id).first('id')),
  // Who read a volunteer's record, and which field groups, is kept (compact entry, action 'view').
  onShow: (row, who, db) => auditView(db, 'volunteers', row, who),
});
