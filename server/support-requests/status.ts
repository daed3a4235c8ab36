import { requestFeedback } from '../messages/feedback.js';
import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/enums.js';
import { canTransition, needsReason, TERMINAL, viaStep } from '../domain/workflow.js';
import { audit } from '../core/audit.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import { writeContext, type WriteContext } from '../core/context.js';
import type { Row } from '../core/resource.js';
import type { Role } from '../domain/enums.js';
import { actor, guard } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { enumOf, text } from '../core/fields.js';
import { assertEligible } from './rules.js';
import { addEvent } from './timeline.js';
import { notifyCancelled } from '../messages/notify.js';
import { enumText, type ErrorKey, msg, type Param } from '../core/messages.js';

/** 「A。B」 / "A. B": the blockers as sentences in a row. */
const joinSentences = (keys: ErrorKey[]): Param =>
  keys.slice(1).reduce<Param>((text, key) => msg('request.blocker_join', { first: text, rest: msg(key) }), msg(keys[0]!));

export const StatusBody = z
  .object({
    status: enumOf(REQUEST_STATUSES),
    reason: z.preprocess(
      (v) => (typeof v === 'string' && !v.trim() ? undefined : v),
      text({ multiline: true }).trim().max(1000).optional(),
    ),
  })
  .strict();

/** Closing with money still owed or a follow-up still open needs an explicit reason. */
async function closingBlockers(trx: Knex.Transaction, requestId: number): Promise<ErrorKey[]> {
  const blockers: ErrorKey[] = [];
  if (await trx('expenses').where('request_id', requestId).whereNull('settled_on').first('id')) blockers.push('request.blocker_expenses');
  const report = await trx('activity_reports').where('request_id', requestId).first('follow_up_needed', 'follow_up_handled_at');
  if (report?.follow_up_needed && !report.follow_up_handled_at) blockers.push('request.blocker_follow_up');
  return blockers;
}

/**
 * Moves a request to another status inside the caller's transaction: the row is locked, the
 * transition checked against the workflow table, the timeline and audit written with it.
 */
export async function changeStatus(
  ctx: WriteContext,
  requestId: number,
  to: RequestStatus,
  options: { reason?: string; how?: 'manual' | 'automatic'; assignmentId?: number } = {},
) {
  const { trx } = ctx;
  const request = await trx('support_requests').where('id', requestId).forUpdate().first();
  if (!request) throw notFound('noun.request');
  const from: RequestStatus = request.status;
  if (!canTransition(from, to, options.how ?? 'manual')) {
    throw conflict(msg('request.bad_transition', { from: enumText('request_status', from), to: enumText('request_status', to) }));
  }
  if (to === 'matching' && from !== 'confirmed') {
    // Eligibility is checked before anyone is asked to help (the "checking" step of a request).
    if (request.client_id == null) throw conflict('request.client_first');
    await assertEligible(trx, request.client_id, await ctx.settings());
  }
  if (needsReason(to) && !options.reason) {
    throw new AppError('validation', msg('request.reason_for', { to: enumText('request_status', to) }), { reason: 'request.reason' });
  }
  if (to === 'closed' && !options.reason) {
    const blockers = await closingBlockers(trx, requestId);
    if (blockers.length) throw conflict(msg('request.close_blocked', { blockers: joinSentences(blockers) }));
  }
  const [row] = await trx('support_requests')
    .where('id', requestId)
    .update({ status: to, status_reason: options.reason ?? null, version: request.version + 1, updated_at: trx.fn.now() })
    .returning('*');
  if (TERMINAL.includes(to)) {
    const told: { id: number }[] =
      from === 'done' ? [] : await trx('assignments').where({ request_id: requestId, status: 'confirmed' }).select('id');
    // A request that ends early frees every volunteer who was lined up for it. Closing one
    // that was done keeps its confirmed volunteer: that is the record of who did the activity.
    await trx('assignments')
      .where('request_id', requestId)
      .whereIn('status', from === 'done' ? ['proposed', 'contacted', 'accepted'] : ['proposed', 'contacted', 'accepted', 'confirmed'])
      .update({ status: 'cancelled', version: trx.raw('version + 1'), updated_at: trx.fn.now() });
    for (const a of told) await notifyCancelled(ctx, a.id);
  }
  // Done: the resident is asked, in their language, how the help went.
  if (to === 'done') await requestFeedback(ctx, requestId);
  await addEvent(trx, {
    request_id: requestId,
    staff_id: ctx.actor.id,
    kind: 'status_change',
    from_status: from,
    to_status: to,
    body: options.reason ?? null,
    assignment_id: options.assignmentId ?? null,
  });
  await audit(trx, {
    staff_id: ctx.actor.id,
    action: 'status',
    resource: 'support-requests',
    record_id: requestId,
    changed_fields: ['status', 'status_reason'],
    details: { from, to },
  });
  return row;
}

/** POST /api/support-requests/:id/status — the only manual way to change a request's status. */
export function statusRouter(db: Knex, serialize: (row: Row, role: Role) => unknown): Router {
  const router = Router();
  router.post('/:id/status', guard('support-requests', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const body = parseWith(StatusBody, req.body);
    const row = await db.transaction(async (trx) => {
      const ctx = writeContext(trx, actor(req));
      const current = await trx('support_requests').where('id', id).first('status');
      // 受付 → マッチング in one click passes through 内容確認 (VIA): both steps or neither.
      const via = current ? viaStep(current.status, body.status) : undefined;
      if (via) await changeStatus(ctx, id, via);
      return changeStatus(ctx, id, body.status, { reason: body.reason });
    });
    res.json(serialize(row, actor(req).role));
  });
  return router;
}
