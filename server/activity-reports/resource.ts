import type { Knex } from 'knex';
import { customFilter } from '../core/list-query.js';
import { z } from 'zod';
import { OUTCOMES } from '../domain/enums.js';
import { serviceTimeViolations } from '../domain/service-rules.js';
import { AppError, conflict } from '../core/errors.js';
import { enumOf, foreignId, isoDateTime, multilineText } from '../core/fields.js';
import { assertExists, possibleId } from '../people/rules.js';
import type { WriteContext } from '../core/context.js';
import { defineResource, type Stored } from '../core/resource.js';
import { changeStatus } from '../support-requests/status.js';
import { addEvent } from '../support-requests/timeline.js';

export const ActivityReportSchema = z.object({
  request_id: foreignId(),
  assignment_id: foreignId().optional(),
  actual_start_at: isoDateTime(),
  actual_end_at: isoDateTime(),
  outcome: enumOf(OUTCOMES),
  summary: multilineText(4000),
  follow_up_needed: z.boolean().default(false),
  follow_up_note: multilineText(2000),
  follow_up_owner_id: foreignId().nullable().optional(),
});

type Report = z.output<typeof ActivityReportSchema>;
type StoredReport = Stored<typeof ActivityReportSchema, { assignment_id: number; outside_service_rules: boolean }>;

async function confirmedAssignment(trx: Knex.Transaction, requestId: number) {
  return trx('assignments').where({ request_id: requestId, status: 'confirmed' }).first('id', 'volunteer_id');
}

/** Clocks differ a little between a phone and the server; beyond that an end time is simply not yet. */
const CLOCK_SLACK_MS = 10 * 60_000;

/** A new report names the request's confirmed assignment when it does not say which. */
async function normalise(r: Report, { trx }: WriteContext, existing?: StoredReport): Promise<Report> {
  if (existing || r.assignment_id != null || !possibleId(r.request_id)) return r;
  const assignment = await confirmedAssignment(trx, r.request_id);
  return assignment ? { ...r, assignment_id: assignment.id } : r;
}

async function check(r: Readonly<Report>, { trx, now }: WriteContext, existing?: StoredReport) {
  if (new Date(r.actual_end_at) <= new Date(r.actual_start_at)) {
    throw new AppError('validation', 'end_after_start_time', {
      actual_end_at: 'end_after_start_time',
    });
  }
  // A report records what happened: an activity that has not ended yet cannot be reported.
  if (new Date(r.actual_end_at).getTime() > now().getTime() + CLOCK_SLACK_MS) {
    throw new AppError('validation', 'report.in_future', {
      actual_end_at: 'report.end_in_future',
    });
  }
  if (r.follow_up_needed && !r.follow_up_note) {
    throw new AppError('validation', 'report.follow_up_note', {
      follow_up_note: 'report.follow_up_note',
    });
  }
  await assertExists(trx, 'staff', 'follow_up_owner_id', r.follow_up_owner_id, 'noun.person_in_charge');
  if (existing) {
    if (r.request_id !== existing.request_id || r.assignment_id !== existing.assignment_id) {
      throw new AppError('validation', 'report.fixed_links', { request_id: 'cannot_change' });
    }
    return;
  }
  const request = await trx('support_requests').where('id', r.request_id).forUpdate().first('status');
  if (!request) throw new AppError('validation', 'report.request_missing', { request_id: 'report.request_missing' });
  if (await trx('activity_reports').where('request_id', r.request_id).first('id')) {
    throw conflict('db.report_exists');
  }
  if (request.status !== 'confirmed') throw conflict('report.only_confirmed');
  const assignment = await confirmedAssignment(trx, r.request_id);
  if (r.assignment_id != null && r.assignment_id !== assignment.id) {
    throw new AppError('validation', 'report.confirmed_assignment', {
      assignment_id: 'report.not_confirmed_assignment',
    });
  }
}

/** The actual time may run long or outside hours: it is recorded as it was, and flagged. */
async function derive(r: Readonly<Report>, { actor, settings }: WriteContext, existing?: StoredReport) {
  const outside = serviceTimeViolations(new Date(r.actual_start_at), new Date(r.actual_end_at), await settings());
  return {
    assignment_id: r.assignment_id,
    outside_service_rules: outside.length > 0,
    follow_up_owner_id: r.follow_up_needed ? (r.follow_up_owner_id ?? existing?.follow_up_owner_id ?? actor.id) : null,
  };
}

/**
 * The report goes on the request's timeline; the first report of a request moves it to done
 * (the activity-reports resource's `after` step).
 */
export async function reportCompletesRequest(row: StoredReport, ctx: WriteContext, existing?: StoredReport) {
  const body = existing
    ? '活動報告を更新しました。'
    : `活動報告を登録しました${row.outside_service_rules ? ' (サービス時間外・時間超過あり)' : ''}。`;
  const message = existing ? { code: 'report_updated' } : { code: 'report_filed', params: { outside: !!row.outside_service_rules } };
  await addEvent(ctx.trx, { request_id: row.request_id, staff_id: ctx.actor.id, kind: 'report', body, message });
  if (!existing) await changeStatus(ctx, row.request_id, 'done', { how: 'automatic', assignmentId: row.assignment_id });
}

/** 活動報告: what happened, filed once per request; filing it moves the request to done. */
export const activityReports = defineResource<{ assignment_id: number; outside_service_rules: boolean }>()({
  name: 'activity-reports',
  schema: ActivityReportSchema,
  readOnlyFields: ['outside_service_rules', 'follow_up_handled_at', 'follow_up_handled_by'],
  noDelete: true,
  list: {
    table: 'activity_reports',
    fields: {
      id: 'int',
      request_id: 'int',
      assignment_id: 'int',
      actual_start_at: 'timestamp',
      outcome: { enum: OUTCOMES },
      follow_up_needed: 'bool',
      follow_up_owner_id: 'int',
      outside_service_rules: 'bool',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: ['id', 'actual_start_at', 'created_at', 'updated_at', 'outcome'],
    defaultSort: ['actual_start_at', 'DESC'],
    custom: {
      // The follow-up queue: reports asking for follow-up that nobody has handled yet.
      follow_up_open: customFilter({
        schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
        apply: (qb, open: boolean) => {
          if (open) qb.where('activity_reports.follow_up_needed', true).whereNull('activity_reports.follow_up_handled_at');
          else qb.where((w) => w.where('activity_reports.follow_up_needed', false).orWhereNotNull('activity_reports.follow_up_handled_at'));
        },
      }),
    },
  },
  normalise,
  check,
  derive,
  after: reportCompletesRequest,
});
