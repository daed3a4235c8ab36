import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Knex } from 'knex';
import { createEvents } from 'ics';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { parseWith } from '../core/validate.js';
import { enumLabel } from '../domain/labels.js';
import { actor, guard } from '../http/guard.js';
import { hashToken } from '../messages/links.js';
import { publicBaseUrl } from '../messages/base-url.js';

const optionalId = z.coerce.number().int().positive().max(2_147_483_647).optional();

export const CalendarQuery = z
  .object({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    coordinator_id: optionalId,
    municipality_code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  })
  .strict();

type EventRow = {
  assignment_id: number;
  request_id: number;
  request_no: string;
  task_type: string;
  mode: string;
  language: string | null;
  start_at: Date;
  end_at: Date;
  ward: string | null;
  coordinator_id: number | null;
};

/** Confirmed activities (requests confirmed or done) whose time overlaps [start, end). */
function confirmedActivities(db: Knex) {
  return db('assignments as a')
    .join('support_requests as r', 'r.id', 'a.request_id')
    .leftJoin('municipalities as m', 'm.code', 'r.municipality_code')
    .where('a.status', 'confirmed')
    .select(
      'a.id as assignment_id',
      'r.id as request_id',
      'r.request_no',
      'r.task_type',
      'r.mode',
      'r.language',
      'a.start_at',
      'a.end_at',
      'm.name_ja as ward',
      'r.coordinator_id',
    );
}

const SECRET = /^([A-Za-z0-9_-]{43})\.ics$/;

/** The feed: request number, task and ward only — a phone's calendar is not the casework record. */
function feed(rows: EventRow[]): string {
  if (!rows.length) {
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:spot-otonari/backoffice',
      'X-WR-CALNAME:スポットおとなりさん',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = createEvents(
    rows.map((r) => ({
      uid: `assignment-${r.assignment_id}@spot-otonari`,
      start: new Date(r.start_at).getTime(),
      end: new Date(r.end_at).getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${r.request_no} ${enumLabel('task_type', r.task_type, 'ja')}`,
      location: r.mode === 'online' ? 'オンライン' : (r.ward ?? ''),
      productId: 'spot-otonari/backoffice',
      calName: 'スポットおとなりさん',
    })),
  );
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}

/** GET /api/calendar/<secret>.ics — no login; the secret is the key. Mounted before the session. */
export function calendarFeedRouter(db: Knex): Router {
  const router = Router();
  router.get('/:secret.ics', async (req, res) => {
    const m = SECRET.exec(`${req.params.secret}.ics`);
    const owner = m ? await db('calendar_feeds').where('token_hash', hashToken(m[1]!)).first('staff_id') : undefined;
    if (!owner) throw new AppError('not_found', 'calendar.invalid');
    const rows: EventRow[] = await confirmedActivities(db)
      .where('r.coordinator_id', owner.staff_id)
      .where('a.end_at', '>', db.raw(`now() - interval '90 days'`))
      .orderBy('a.start_at');
    res.set('Content-Type', 'text/calendar; charset=utf-8').send(feed(rows));
  });
  return router;
}

/** The console's calendar and one's own feed address (create/replace, revoke). */
export function calendarRouter(db: Knex): Router {
  const router = Router();
  router.get('/events', guard('support-requests', 'list'), async (req, res) => {
    const q = parseWith(CalendarQuery, req.query, 'noun.conditions');
    const query = confirmedActivities(db).where('a.start_at', '<', q.end).where('a.end_at', '>', q.start);
    if (q.coordinator_id) query.where('r.coordinator_id', q.coordinator_id);
    if (q.municipality_code) query.where('r.municipality_code', q.municipality_code);
    if (q.language) query.where('r.language', q.language);
    const rows: EventRow[] = await query.orderBy('a.start_at').limit(2000);
    res.json(
      rows.map((r) => ({
        id: r.assignment_id,
        request_id: r.request_id,
        title: `${r.request_no} ${enumLabel('task_type', r.task_type, 'ja')}${r.ward ? ` (${r.ward})` : ''}`,
        task_type: r.task_type,
        ward: r.mode === 'online' ? null : r.ward,
        language: r.language,
        start: r.start_at,
        end: r.end_at,
      })),
    );
  });
  router.get('/feed', guard('support-requests', 'list'), async (req, res) => {
    const row = await db('calendar_feeds').where('staff_id', actor(req).id).first('created_at');
    res.json({ active: !!row, created_at: row?.created_at ?? null });
  });
  // A new address replaces the old one (shown once: only its hash is kept).
  router.post('/feed', guard('support-requests', 'list'), async (req, res) => {
    const token = randomBytes(32).toString('base64url');
    await db('calendar_feeds')
      .insert({ staff_id: actor(req).id, token_hash: hashToken(token), created_at: db.fn.now() })
      .onConflict('staff_id')
      .merge();
    res.status(201).json({ url: `${publicBaseUrl()}/api/calendar/${token}.ics` });
  });
  router.delete('/feed', guard('support-requests', 'list'), async (req, res) => {
    await db('calendar_feeds').where('staff_id', actor(req).id).delete();
    res.json({ active: false });
  });
  return router;
}
