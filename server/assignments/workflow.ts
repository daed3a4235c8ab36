import { enumLabel } from '../domain/labels.js';
import type { AssignmentStatus } from '../domain/assignment-flow.js';
import type { WriteContext } from '../core/context.js';
import { changeStatus } from '../support-requests/status.js';
import { addEvent } from '../support-requests/timeline.js';
import { revokeLinks } from '../messages/links.js';
import { notifyCancelled, notifyConfirmed } from '../messages/notify.js';

type AssignmentRow = {
  id: number;
  request_id: number;
  volunteer_id: number;
  status: AssignmentStatus;
  start_at?: string | Date | null;
  end_at?: string | Date | null;
};

const label = (status: AssignmentStatus) => enumLabel('assignment_status', status, 'ja');
const instant = (v: string | Date | null | undefined) => (v == null ? null : new Date(v).getTime());

/**
 * What an assignment's write does to its request, in the same transaction (the assignments
 * resource's `after` step): every status change goes on the request's timeline; confirming
 * moves the request to confirmed with the agreed time; moving a confirmed time moves the
 * request's; cancelling a confirmed volunteer sends the request back to matching.
 */
export async function requestFollowsAssignment(row: AssignmentRow, ctx: WriteContext, existing?: AssignmentRow): Promise<void> {
  const { trx, actor } = ctx;
  const from = existing?.status;
  const to = row.status;
  if (from !== to) {
    const v = await trx('volunteers').where('id', row.volunteer_id).first('volunteer_no', 'name');
    const change = from ? `${label(from)} → ${label(to)}` : label(to);
    await addEvent(trx, {
      request_id: row.request_id,
      staff_id: actor.id,
      kind: 'assignment_change',
      party: 'volunteer',
      assignment_id: row.id,
      body: `${v.volunteer_no} ${v.name}: ${change}`,
      message: { code: 'assignment_moved', params: { volunteer: `${v.volunteer_no} ${v.name}`, from: from ?? '', to } },
    });
  }
  if (to === 'confirmed' && from !== 'confirmed') {
    await trx('support_requests').where('id', row.request_id).update({ start_at: row.start_at, end_at: row.end_at });
    await changeStatus(ctx, row.request_id, 'confirmed', { how: 'automatic', assignmentId: row.id });
  }
  if (
    existing &&
    from === 'confirmed' &&
    to === 'confirmed' &&
    (instant(row.start_at) !== instant(existing.start_at) || instant(row.end_at) !== instant(existing.end_at))
  ) {
    // The request shows the agreed time: it moves with the confirmed assignment.
    await trx('support_requests')
      .where('id', row.request_id)
      .update({ start_at: row.start_at, end_at: row.end_at, version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    await addEvent(trx, {
      request_id: row.request_id,
      staff_id: actor.id,
      kind: 'edit',
      body: '変更: 確定した日時',
      message: { code: 'confirmed_time_changed' },
    });
  }
  if (from === 'confirmed' && to === 'cancelled') {
    await changeStatus(ctx, row.request_id, 'matching', { how: 'automatic', assignmentId: row.id });
  }
  // An offer's link answers the offer as it was: any change by staff revokes it (the answer
  // itself uses the link first, so it is not revoked by its own write).
  const timesMoved = existing && (instant(row.start_at) !== instant(existing.start_at) || instant(row.end_at) !== instant(existing.end_at));
  if (existing && (from !== to || timesMoved)) await revokeLinks(ctx.trx, row.id);
  // Messages: confirmation (with reminders), a new time, a cancellation.
  if (to === 'confirmed' && (from !== 'confirmed' || timesMoved)) await notifyConfirmed(ctx, row.id);
  if (from === 'confirmed' && to === 'cancelled') await notifyCancelled(ctx, row.id);
}
