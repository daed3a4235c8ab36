import { Router } from 'express';
import type { Knex } from 'knex';
import { notFound } from '../core/errors.js';
import { idParam, parseWith } from '../core/validate.js';
import type { Note } from '../domain/matching.js';
import { taskWarnings, travelGapTooShort, travelMessage } from '../domain/task-warnings.js';
import { guard } from '../http/guard.js';

/**
 * The warnings of one request (never refusals: the coordinator decides): a ward office on a
 * Saturday, a child health check-up beside the ward's notes, transport on an online request,
 * and a confirmed volunteer with too little time to travel from or to another activity.
 */
export async function requestWarnings(db: Knex, id: number): Promise<Note[] | undefined> {
  const r = await db('support_requests as r')
    .leftJoin('municipalities as m', 'm.code', 'r.municipality_code')
    .where('r.id', id)
    .first('r.id', 'r.task_type', 'r.mode', 'r.start_at', 'r.end_at', 'r.municipality_code', 'm.notes', 'm.name_ja');
  if (!r) return undefined;
  const transport = await db('expenses').where({ request_id: id, kind: 'transport' }).first(db.raw('coalesce(sum(amount_yen), 0) as yen'));
  const out = taskWarnings({
    task_type: r.task_type,
    mode: r.mode,
    start_at: r.start_at,
    municipality_notes: r.notes,
    municipality_name: r.name_ja,
    transport_yen: Number(transport?.yen ?? 0),
  });
  const confirmed = await db('assignments').where({ request_id: id, status: 'confirmed' }).first('volunteer_id');
  if (confirmed && r.mode === 'in_person' && r.start_at && r.end_at) {
    const { travel_gap_minutes: gap } = await db('settings').where('id', 1).first('travel_gap_minutes');
    const others: { start_at: Date; end_at: Date }[] = await db('assignments as a')
      .join('support_requests as r2', 'r2.id', 'a.request_id')
      .where({ 'a.volunteer_id': confirmed.volunteer_id, 'a.status': 'confirmed', 'r2.mode': 'in_person' })
      .whereNot('a.request_id', id)
      .whereRaw('r2.municipality_code is distinct from ?', [r.municipality_code])
      .whereBetween('a.start_at', [
        new Date(new Date(r.start_at).getTime() - 86_400_000),
        new Date(new Date(r.end_at).getTime() + 86_400_000),
      ])
      .select('a.start_at', 'a.end_at');
    const start = new Date(r.start_at);
    const end = new Date(r.end_at);
    if (others.some((o) => travelGapTooShort(new Date(o.end_at), start, gap) || travelGapTooShort(end, new Date(o.start_at), gap))) {
      out.push({ code: 'travel_time', message: travelMessage(gap) });
    }
  }
  return out;
}

/** GET /api/support-requests/:id/warnings */
export function warningsRouter(db: Knex): Router {
  const router = Router();
  router.get('/:id/warnings', guard('support-requests', 'show'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const warnings = await requestWarnings(db, id);
    if (!warnings) throw notFound('noun.request');
    res.json(warnings);
  });
  return router;
}
