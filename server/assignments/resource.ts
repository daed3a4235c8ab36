import type { Knex } from 'knex';
import { z } from 'zod';
import { ASSIGNMENT_STATUSES } from '../domain/enums.js';
import { canMoveAssignment, type AssignmentStatus } from '../domain/assignment-flow.js';
import { tokyoDate } from '../domain/time.js';
import { AppError, conflict } from '../core/errors.js';
import { enumOf, foreignId, isoDateTime, multilineText } from '../core/fields.js';
import { assertExists } from '../people/rules.js';
import type { ResourceConfig, Row, WriteContext } from '../core/resource.js';
import { assertServiceTime } from '../support-requests/rules.js';
import { changeStatus } from '../support-requests/status.js';
import { addEvent } from '../support-requests/timeline.js';
import { enumLabel } from '../domain/labels.js';

export const AssignmentSchema = z.object({
  request_id: foreignId(),
  volunteer_id: foreignId(),
  status: enumOf(ASSIGNMENT_STATUSES).default('proposed'),
  start_at: isoDateTime().nullable().optional(),
  end_at: isoDateTime().nullable().optional(),
  note: multilineText(2000),
});

const label = (status: AssignmentStatus) => enumLabel('assignment_status', status, 'ja');
const time = (v: unknown) => (v == null ? null : new Date(v as string).getTime());

async function lockRequest(trx: Knex.Transaction, id: unknown) {
  return trx("support_requests").where("id", id as number).forUpdate().first('id', 'status', 'start_at', 'end_at');
}

/** A volunteer may be confirmed only while active and with an ID check valid on the day. */
async function assertVolunteerCanConfirm(trx: Knex.Transaction, volunteerId: unknown, start: unknown) {
  const v = await trx("volunteers").where("id", volunteerId as number).first("status", "archived_at", "id_check_valid_until");
  const day = tokyoDate(new Date(start as string));
  if (v.status !== 'active' || v.archived_at) throw conflict('活動中でないボランティアは確定できません。');
  if (!v.id_check_valid_until || v.id_check_valid_until < day) throw conflict('活動日に有効な本人確認がないため、確定できません。');
}

async function checkConfirmation(a: Record<string, unknown>, { trx, settings }: WriteContext) {
  const request = await lockRequest(trx, a.request_id);
  if (request.status !== 'matching') throw conflict('確定できるのは「マッチング中」の依頼だけです。');
  a.start_at ??= request.start_at;
  a.end_at ??= request.end_at;
  if (a.start_at == null || a.end_at == null) {
    throw new AppError('validation', '確定するには活動の日時を入力してください。', { start_at: '活動の日時を入力してください。' });
  }
  assertServiceTime(a.start_at, a.end_at, await settings());
  await assertVolunteerCanConfirm(trx, a.volunteer_id, a.start_at);
}

async function check(a: Record<string, unknown>, ctx: WriteContext, existing?: Row) {
  const { trx } = ctx;
  await assertExists(trx, 'support_requests', 'request_id', a.request_id, '依頼');
  await assertExists(trx, 'volunteers', 'volunteer_id', a.volunteer_id, 'ボランティア');
  if (existing && (a.request_id !== existing.request_id || a.volunteer_id !== existing.volunteer_id)) {
    throw new AppError('validation', '依頼とボランティアは変更できません。新しいマッチングを作成してください。', { volunteer_id: '変更できません。' });
  }
  const from = existing?.status as AssignmentStatus | undefined;
  const to = a.status as AssignmentStatus;
  if (!existing) {
    if (to === 'cancelled' || to === 'declined') throw conflict('新しいマッチングは「提案」から始めてください。');
    if ((await lockRequest(trx, a.request_id))?.status !== 'matching') throw conflict('ボランティアを探せるのは「マッチング中」の依頼だけです。');
  } else if (from !== to && !canMoveAssignment(from!, to)) {
    throw conflict(`「${label(from!)}」から「${label(to)}」にはできません。`);
  }
  // A time proposed to a volunteer follows the same rules as a confirmed one (service days and
  // hours, at most 3 hours); confirmation checks it together with the volunteer.
  const timesChanged = time(a.start_at) !== time(existing?.start_at) || time(a.end_at) !== time(existing?.end_at);
  if (to === 'confirmed' && from !== 'confirmed') await checkConfirmation(a, ctx);
  else if (timesChanged) {
    assertServiceTime(a.start_at, a.end_at, await ctx.settings());
    // A confirmed volunteer moved to another day must still be active with a valid ID check then.
    if (to === 'confirmed') await assertVolunteerCanConfirm(trx, a.volunteer_id, a.start_at);
  }
  if (from === 'confirmed' && to === 'confirmed' && timesChanged && (await lockRequest(trx, a.request_id)).status !== 'confirmed') {
    throw conflict('活動済みの依頼の日時は変更できません。実際の時間は活動報告に記録してください。');
  }
  if (from === 'confirmed' && to === 'cancelled' && (await lockRequest(trx, a.request_id)).status !== 'confirmed') {
    throw conflict('活動済みの依頼のマッチングは取り消せません。');
  }
}

/** The request follows its assignment: confirming moves it to confirmed, cancelling back to matching. */
async function afterWrite(row: Row, ctx: WriteContext, existing?: Row) {
  const { trx, actor } = ctx;
  const from = existing?.status as AssignmentStatus | undefined;
  const to = row.status as AssignmentStatus;
  if (from !== to) {
    const v = await trx('volunteers').where('id', row.volunteer_id as number).first('volunteer_no', 'name');
    const change = from ? `${label(from)} → ${label(to)}` : label(to);
    await addEvent(trx, { request_id: row.request_id as number, staff_id: actor.id, kind: 'assignment_change', party: 'volunteer', assignment_id: row.id as number, body: `${v.volunteer_no} ${v.name}: ${change}` });
  }
  if (to === 'confirmed' && from !== 'confirmed') {
    await trx('support_requests').where('id', row.request_id as number).update({ start_at: row.start_at as Date, end_at: row.end_at as Date });
    await changeStatus(ctx, row.request_id as number, 'confirmed', { how: 'automatic', assignmentId: row.id as number });
  }
  if (from === 'confirmed' && to === 'confirmed' && (time(row.start_at) !== time(existing!.start_at) || time(row.end_at) !== time(existing!.end_at))) {
    // The request shows the agreed time: it moves with the confirmed assignment.
    await trx('support_requests')
      .where('id', row.request_id as number)
      .update({ start_at: row.start_at as Date, end_at: row.end_at as Date, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    await addEvent(trx, { request_id: row.request_id as number, staff_id: actor.id, kind: 'edit', body: '変更: 確定した日時' });
  }
  if (from === 'confirmed' && to === 'cancelled') {
    await changeStatus(ctx, row.request_id as number, 'matching', { how: 'automatic', assignmentId: row.id as number });
  }
}

/** マッチング: one volunteer's part in one request. Confirmation can never double-book (see migrations). */
export const assignments: ResourceConfig = {
  name: 'assignments',
  createSchema: AssignmentSchema,
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
  },
  check,
  derive: (a, { now }, existing) =>
    a.status === 'confirmed' && existing?.status !== 'confirmed'
      ? { start_at: a.start_at, end_at: a.end_at, confirmed_at: now() }
      : {},
  afterWrite,
};
