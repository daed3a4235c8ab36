import { Router } from 'express';
import type { Knex } from 'knex';
import { languageName } from '../domain/iso.js';
import { toTokyoIso } from '../domain/time.js';
import { conflict, notFound } from '../core/errors.js';
import { guard } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { enumLabel } from '../domain/labels.js';

const WEEKDAY = ['日', '月', '火', '水', '木', '金', '土'];

function when(start: Date | null, end: Date | null): string {
  if (!start || !end) return '日時: 調整中';
  const s = toTokyoIso(start);
  const e = toTokyoIso(end);
  const weekday = WEEKDAY[new Date(`${s.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return `日時: ${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日(${weekday}) ${s.slice(11, 16)}〜${e.slice(11, 16)}`;
}

/**
 * A ready-to-send Japanese message asking a volunteer to help. It deliberately carries none of
 * the resident's name, contact details or special-care notes: those are shared after confirmation.
 */
export async function outreachMessage(db: Knex, assignmentId: number) {
  const row = await db('assignments as a')
    .join('support_requests as r', 'r.id', 'a.request_id')
    .join('volunteers as v', 'v.id', 'a.volunteer_id')
    .leftJoin('staff as s', 's.id', 'r.coordinator_id')
    .leftJoin('municipalities as m', 'm.code', 'r.municipality_code')
    .where('a.id', assignmentId)
    .first(
      'a.start_at',
      'a.end_at',
      'r.start_at as request_start',
      'r.end_at as request_end',
      'r.request_no',
      'r.mode',
      'r.place',
      'r.task_type',
      'r.language',
      'v.name as volunteer_name',
      'v.email as volunteer_email',
      'v.contact_stopped_at',
      's.display_name as coordinator_name',
      'm.name_ja as municipality',
    );
  if (!row) throw notFound('noun.assignment');
  // 利用停止: the volunteer asked not to be contacted; no message is written for them.
  if (row.contact_stopped_at) throw conflict('assignment_message.contact_stopped');
  const place = row.mode === 'online' ? '場所: オンライン' : `場所: ${[row.municipality, row.place].filter(Boolean).join(' ') || '調整中'}`;
  const subject = `【スポットおとなりさん】活動のご相談 (${row.request_no})`;
  const body = [
    `${row.volunteer_name} さま`,
    '',
    'いつもスポットおとなりさんの活動にご協力いただき、ありがとうございます。',
    '次の活動をお願いできないか、ご相談です。',
    '',
    `内容: ${enumLabel('task_type', row.task_type, 'ja')}`,
    when(row.start_at ?? row.request_start, row.end_at ?? row.request_end),
    place,
    `言語: ${row.language ? languageName(row.language, 'ja') : '未定'}`,
    '',
    'ご都合をお知らせください。詳しいことは、お引き受けいただけた後にお伝えします。',
    '',
    `コーディネーター ${row.coordinator_name ?? ''}`,
    'スポットおとなりさん事務局',
  ].join('\n');
  const mailto = `mailto:${encodeURIComponent(row.volunteer_email ?? '')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { subject, body, to: row.volunteer_email ?? null, mailto };
}

/** GET /api/assignments/:id/message */
export function messageRouter(db: Knex): Router {
  const router = Router();
  // For the coordinators who contact volunteers: it names the place, which is casework.
  router.get('/:id/message', guard('assignments', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    res.json(await outreachMessage(db, id));
  });
  return router;
}
