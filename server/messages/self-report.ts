import { Router } from 'express';
import { z } from 'zod';
import type { SessionStaff } from '../auth/session-store.js';
import { writeContext, type Clock } from '../core/context.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import { enumOf, isoDateTime, multilineText } from '../core/fields.js';
import { customFilter } from '../core/list-query.js';
import { readOnlyResource } from '../core/resource.js';
import type { ResourceService } from '../core/service.js';
import { idParam, parseWith } from '../core/validate.js';
import { OUTCOMES } from '../domain/enums.js';
import { ExpenseSchema } from '../expenses/resource.js';
import { actor, guard } from '../http/guard.js';
import { addEvent } from '../support-requests/timeline.js';
import { findLink } from './links.js';
import { LINK_STATE_MESSAGES } from './offer.js';

/** What a volunteer reports after the activity: checked by the same rules as the console's report. */
export const SelfReportBody = z
  .object({
    actual_start_at: isoDateTime(),
    actual_end_at: isoDateTime(),
    outcome: enumOf(OUTCOMES),
    transport_yen: ExpenseSchema.shape.amount_yen.default(0),
    follow_up_needed: z.boolean().default(false),
    note: multilineText(2000),
  })
  .strict();

/** A coordinator's corrections when filing: any field of the report. */
export const FileBody = SelfReportBody.partial().strict();

type Draft = z.output<typeof SelfReportBody> & { request_id: number; assignment_id: number; volunteer_id: number };

/** The activity report a draft becomes (the follow-up note is the volunteer's note when they ask for one). */
const reportOf = (d: Draft) => ({
  request_id: d.request_id,
  assignment_id: d.assignment_id,
  actual_start_at: new Date(d.actual_start_at).toISOString(),
  actual_end_at: new Date(d.actual_end_at).toISOString(),
  outcome: d.outcome,
  summary: d.note ?? null,
  follow_up_needed: d.follow_up_needed,
  follow_up_note: d.follow_up_needed ? (d.note ?? null) : null,
});

type Services = { activityReports: ResourceService; expenses: ResourceService };

/**
 * POST /api/volunteer-links/:token/report: the volunteer's report becomes a draft; the link is
 * used once. The activity report's own checks run now (times, not in the future, follow-up
 * note), so what the volunteer sends can be filed as it is.
 */
export async function submitSelfReport(services: Services, token: string, body: unknown, now: Clock) {
  const input = parseWith(SelfReportBody, body, 'noun.report');
  return services.activityReports.db.transaction(async (trx) => {
    const link = await findLink(trx, token, true);
    if (link?.purpose !== 'report' || !link.assignment_id) throw new AppError('not_found', 'link.invalid');
    if (link.used_at) throw conflict('self_report.already');
    if (link.revoked_at) throw conflict(LINK_STATE_MESSAGES.revoked);
    if (link.expires_at <= now()) throw conflict(LINK_STATE_MESSAGES.expired);
    const a = await trx('assignments').where('id', link.assignment_id).first('id', 'volunteer_id', 'request_id');
    const request = await trx('support_requests').where('id', a.request_id).first('coordinator_id');
    const staffId: number | null = request?.coordinator_id ?? link.created_by;
    const staff: SessionStaff | undefined = staffId
      ? await trx('staff').where('id', staffId).first('id', 'email', 'display_name', 'role')
      : undefined;
    if (!staff) throw conflict('link.no_staff_report');
    const draft: Draft = { ...input, request_id: a.request_id, assignment_id: a.id, volunteer_id: a.volunteer_id };
    await services.activityReports.validateCreate(writeContext(trx, staff, { now }), reportOf(draft));
    await trx('volunteer_links').where('id', link.id).update({ used_at: trx.fn.now() });
    const [row] = await trx('self_reports')
      .insert({ ...draft, link_id: link.id, note: draft.note ?? null })
      .returning('*');
    await addEvent(trx, {
      request_id: a.request_id,
      staff_id: null,
      kind: 'note',
      party: 'volunteer',
      assignment_id: a.id,
      body: 'ボランティアから活動報告が届きました（確認待ちの下書き）。',
      message: { code: 'self_report_received' },
    });
    return { id: row.id };
  });
}

/**
 * POST /api/self-reports/:id/file: the coordinator files the draft, with corrections, as the
 * activity report (moving the request to done) and the transport expense, in one transaction.
 */
export async function fileSelfReport(services: Services, by: SessionStaff, id: number, body: unknown, now?: Clock) {
  const corrections = parseWith(FileBody, body ?? {}, 'noun.report');
  return services.activityReports.db.transaction(async (trx) => {
    const row = await trx('self_reports').where('id', id).forUpdate().first();
    if (!row) throw notFound('noun.volunteer_report');
    if (row.filed_at) throw conflict('self_report.filed');
    const ctx = writeContext(trx, by, { now });
    const draft: Draft = {
      request_id: row.request_id,
      assignment_id: row.assignment_id,
      volunteer_id: row.volunteer_id,
      actual_start_at: new Date(row.actual_start_at).toISOString(),
      actual_end_at: new Date(row.actual_end_at).toISOString(),
      outcome: row.outcome,
      transport_yen: row.transport_yen,
      follow_up_needed: row.follow_up_needed,
      note: row.note,
      ...corrections,
    };
    const report = await services.activityReports.createWithin(ctx, reportOf(draft));
    if (draft.transport_yen > 0) {
      await services.expenses.createWithin(ctx, {
        request_id: draft.request_id,
        volunteer_id: draft.volunteer_id,
        kind: 'transport',
        amount_yen: draft.transport_yen,
      });
    }
    await trx('self_reports')
      .where('id', id)
      .update({
        ...corrections,
        filed_at: trx.fn.now(),
        filed_by: by.id,
        activity_report_id: report.id,
        version: trx.raw('version + 1'),
        updated_at: trx.fn.now(),
      });
    return report;
  });
}

/** Volunteers' reports: drafts awaiting review (`pending`) and those filed. */
export const selfReports = readOnlyResource({
  name: 'self-reports',
  list: {
    table: 'self_reports',
    fields: {
      id: 'int',
      request_id: 'int',
      assignment_id: 'int',
      volunteer_id: 'int',
      outcome: { enum: OUTCOMES },
      submitted_at: 'timestamp',
      filed_at: 'timestamp',
    },
    sortable: ['id', 'submitted_at', 'filed_at'],
    defaultSort: ['submitted_at', 'DESC'],
    custom: {
      pending: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        apply: (qb, yes: boolean) => {
          if (yes) qb.whereNull('self_reports.filed_at');
          else qb.whereNotNull('self_reports.filed_at');
        },
      }),
    },
  },
});

export function selfReportRouter(services: Services, now?: Clock): Router {
  const router = Router();
  router.post('/:id/file', guard('self-reports', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    res.status(201).json(await fileSelfReport(services, actor(req), id, req.body, now));
  });
  return router;
}
