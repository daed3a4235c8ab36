import { customFilter } from '../core/list-query.js';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ASSIGNMENT_STATUSES } from '../domain/enums.js';
import { canMoveAssignment } from '../domain/assignment-flow.js';
import { hasValidIdCheckOn } from '../domain/id-checks.js';
import { tokyoDate } from '../domain/time.js';
import { AppError, conflict } from '../core/errors.js';
import type { WriteContext } from '../core/context.js';
import { enumOf, foreignId, isoDateTime, multilineText } from '../core/fields.js';
import { assertExists } from '../people/rules.js';
import { defineResource, type Stored } from '../core/resource.js';
import { assertServiceTime } from '../support-requests/rules.js';
import { requestFollowsAssignment } from './workflow.js';
import { enumText, msg } from '../core/messages.js';

export const AssignmentSchema = z.object({
  request_id: foreignId(),
  volunteer_id: foreignId(),
  status: enumOf(ASSIGNMENT_STATUSES).default('proposed'),
  start_at: isoDateTime().nullable().optional(),
  end_at: isoDateTime().nullable().optional(),
  note: multilineText(2000),
});

type Assignment = z.output<typeof AssignmentSchema>;
type StoredAssignment = Stored<typeof AssignmentSchema, { confirmed_at: Date | null }>;

/** Times arrive as ISO strings and are stored as dates: compared as instants. */
const instant = (v: string | Date | null | undefined) => (v == null ? null : new Date(v).getTime());

async function lockRequest(trx: Knex.Transaction, id: number) {
  return trx('support_requests').where('id', id).forUpdate().first('id', 'status', 'start_at', 'end_at');
}

/** A volunteer may be confirmed only while active and with an ID check valid on the day. */
async function assertVolunteerCanConfirm(trx: Knex.Transaction, volunteerId: number, start: string | Date) {
  const v = await trx('volunteers').where('id', volunteerId).first('status', 'archived_at', 'id_check_valid_until');
  const day = tokyoDate(new Date(start));
  if (v.status !== 'active' || v.archived_at) throw conflict('assignment.volunteer_inactive');
  if (!hasValidIdCheckOn(v.id_check_valid_until, day)) throw conflict('assignment.no_id_check');
}

const confirming = (a: Assignment, existing?: StoredAssignment) => a.status === 'confirmed' && existing?.status !== 'confirmed';

/** A confirmation without a time of its own takes the request's. */
async function normalise(a: Assignment, { trx }: WriteContext, existing?: StoredAssignment): Promise<Assignment> {
  if (!confirming(a, existing) || (a.start_at != null && a.end_at != null)) return a;
  await assertExists(trx, 'support_requests', 'request_id', a.request_id, 'noun.request');
  const request = await lockRequest(trx, a.request_id);
  return { ...a, start_at: a.start_at ?? request?.start_at, end_at: a.end_at ?? request?.end_at };
}

async function checkConfirmation(a: Readonly<Assignment>, { trx, settings }: WriteContext) {
  const request = await lockRequest(trx, a.request_id);
  if (request.status !== 'matching') throw conflict('assignment.only_matching');
  if (a.start_at == null || a.end_at == null) {
    throw new AppError('validation', 'assignment.time_needed', { start_at: 'assignment.time_needed_field' });
  }
  assertServiceTime(a.start_at, a.end_at, await settings());
  await assertVolunteerCanConfirm(trx, a.volunteer_id, a.start_at);
}

async function check(a: Readonly<Assignment>, ctx: WriteContext, existing?: StoredAssignment) {
  const { trx } = ctx;
  await assertExists(trx, 'support_requests', 'request_id', a.request_id, 'noun.request');
  await assertExists(trx, 'volunteers', 'volunteer_id', a.volunteer_id, 'noun.volunteer');
  if (existing && (a.request_id !== existing.request_id || a.volunteer_id !== existing.volunteer_id)) {
    throw new AppError('validation', 'assignment.fixed_links', {
      volunteer_id: 'cannot_change',
    });
  }
  const from = existing?.status;
  const to = a.status;
  if (!from) {
    if (to === 'cancelled' || to === 'declined') throw conflict('assignment.start_proposed');
    if ((await lockRequest(trx, a.request_id))?.status !== 'matching') throw conflict('assignment.search_only_matching');
  } else if (from !== to && !canMoveAssignment(from, to)) {
    throw conflict(msg('assignment.bad_transition', { from: enumText('assignment_status', from), to: enumText('assignment_status', to) }));
  }
  // A time proposed to a volunteer follows the same rules as a confirmed one (service days and
  // hours, at most 3 hours); confirmation checks it together with the volunteer.
  const timesChanged = instant(a.start_at) !== instant(existing?.start_at) || instant(a.end_at) !== instant(existing?.end_at);
  if (to === 'confirmed' && from !== 'confirmed') await checkConfirmation(a, ctx);
  else if (timesChanged) {
    assertServiceTime(a.start_at, a.end_at, await ctx.settings());
    // A confirmed volunteer moved to another day must still be active with a valid ID check then.
    if (to === 'confirmed' && a.start_at != null) await assertVolunteerCanConfirm(trx, a.volunteer_id, a.start_at);
  }
  if (from === 'confirmed' && to === 'confirmed' && timesChanged && (await lockRequest(trx, a.request_id)).status !== 'confirmed') {
    throw conflict('assignment.done_time');
  }
  if (from === 'confirmed' && to === 'cancelled' && (await lockRequest(trx, a.request_id)).status !== 'confirmed') {
    throw conflict('assignment.done_cancel');
  }
}

/** マッチング: one volunteer's part in one request. Confirmation can never double-book (see migrations). */
export const assignments = defineResource<{ confirmed_at: Date | null }>()({
  name: 'assignments',
  schema: AssignmentSchema,
  updateSchema: AssignmentSchema.partial(),
  readOnlyFields: ['confirmed_at'],
  noDelete: true,
  list: {
    table: 'assignments',
    fields: {
      id: 'int',
      request_id: 'int',
      volunteer_id: 'int',
      status: { enum: ASSIGNMENT_STATUSES },
      start_at: 'timestamp',
      end_at: 'timestamp',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: ['id', 'start_at', 'status', 'request_id', 'volunteer_id', 'created_at', 'updated_at'],
    defaultSort: ['id', 'DESC'],
    custom: {
      // A volunteer answered an offer by their link and no coordinator has looked yet: the badge.
      unseen_answer: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        // From the few unseen links (a partial index) to their assignments, never the other way.
        apply: (qb, yes: boolean) => {
          const unseen = `select l.assignment_id from volunteer_links l where l.answer is not null and l.seen_at is null and l.assignment_id is not null`;
          if (yes) qb.whereRaw(`assignments.id in (${unseen})`);
          else qb.whereRaw(`assignments.id not in (${unseen})`);
        },
      }),
    },
  },
  normalise,
  check,
  derive: (a, { now }, existing) => (confirming(a, existing) ? { start_at: a.start_at, end_at: a.end_at, confirmed_at: now() } : {}),
  // The request follows its assignment: confirming moves it to confirmed, cancelling back to matching.
  after: requestFollowsAssignment,
});
