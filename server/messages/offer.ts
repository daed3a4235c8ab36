import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { SessionStaff } from '../auth/session-store.js';
import { writeContext, type Clock } from '../core/context.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import type { ResourceService } from '../core/service.js';
import { idParam, parseWith } from '../core/validate.js';
import { text } from '../core/fields.js';
import { languageName } from '../domain/iso.js';
import { enumLabel } from '../domain/labels.js';
import { actor, guard } from '../http/guard.js';
import { addEvent } from '../support-requests/timeline.js';
import { assignmentFacts } from './facts.js';
import { createLink, findLink, revokeLinks, type LinkRow } from './links.js';
import { queueMessage } from './store.js';
import { jaWhen, offerText } from './texts.js';
import { submitSelfReport } from './self-report.js';
import { enumText, type ErrorKey, msg, render } from '../core/messages.js';

/** Offers can be sent while the volunteer has not answered yet (or asked again after declining). */
const OFFERABLE = ['proposed', 'contacted', 'declined'];

export const linkUrl = (base: string, token: string) => `${base.replace(/\/+$/, '')}/v/${token}`;

/**
 * POST /api/assignments/:id/offer: a personal link and the offer e-mail, in one transaction
 * with moving the assignment to contacted. An earlier offer's link stops working.
 */
export async function offerAssignment(
  assignments: ResourceService,
  by: SessionStaff,
  id: number,
  options: { publicBaseUrl: string; now: Clock },
) {
  return assignments.db.transaction(async (trx) => {
    const ctx = writeContext(trx, by, { now: options.now });
    const a = await trx('assignments').where('id', id).forUpdate().first('id', 'status');
    if (!a) throw notFound('noun.assignment');
    if (!OFFERABLE.includes(a.status))
      throw conflict(msg('offer.bad_assignment_state', { status: enumText('assignment_status', a.status) }));
    const f = await assignmentFacts(trx, id);
    if (!f) throw notFound('noun.assignment');
    if (f.request_status !== 'matching') throw conflict('offer.only_matching');
    if (!f.volunteer_email) throw conflict('offer.no_email');
    if (f.volunteer_contact_stopped_at) throw conflict('offer.contact_stopped');
    if (f.start_at && f.start_at <= ctx.now()) throw conflict('offer.started');
    // Moving to contacted revokes earlier links (the assignments' own rule); the new one comes after.
    if (a.status !== 'contacted') await assignments.updateWithin(ctx, id, { status: 'contacted' });
    await revokeLinks(trx, id);
    const token = await createLink(trx, {
      purpose: 'offer',
      request_id: f.request_id,
      assignment_id: id,
      created_by: by.id,
      now: ctx.now(),
      until: f.start_at,
    });
    const message = offerText(f, linkUrl(options.publicBaseUrl, token));
    const messageId = await queueMessage(trx, {
      kind: 'offer',
      volunteer_id: f.volunteer_id,
      request_id: f.request_id,
      assignment_id: id,
      address: f.volunteer_email,
      language: 'ja',
      ...message,
    });
    return trx('messages').where('id', messageId).first();
  });
}

export type LinkState = 'open' | 'answered' | 'expired' | 'revoked';

function stateOf(link: LinkRow, now: Date): LinkState {
  if (link.used_at) return 'answered';
  if (link.revoked_at) return 'revoked';
  if (link.expires_at <= now) return 'expired';
  return 'open';
}

export const LINK_STATE_MESSAGES: Record<Exclude<LinkState, 'open'>, ErrorKey> = {
  answered: 'link.answered',
  expired: 'link.expired',
  revoked: 'link.revoked',
};

/** What the volunteer's page shows: the offer as it was sent (no place, nothing about the resident). */
export async function linkView(db: Knex, token: string, now: Date) {
  const link = await findLink(db, token);
  if (!link) throw new AppError('not_found', 'link.invalid');
  const state = stateOf(link, now);
  const f = link.assignment_id ? await assignmentFacts(db, link.assignment_id) : undefined;
  return {
    purpose: link.purpose,
    state,
    message: state === 'open' ? null : render(LINK_STATE_MESSAGES[state], 'ja'),
    answer: link.answer,
    expires_at: link.expires_at,
    activity: f
      ? {
          request_no: f.request_no,
          when: jaWhen(f.start_at, f.end_at),
          start_at: f.start_at,
          end_at: f.end_at,
          area: f.mode === 'online' ? 'オンライン' : (f.ward ?? '調整中'),
          task: enumLabel('task_type', f.task_type, 'ja'),
          language: f.language ? languageName(f.language, 'ja') : '未定',
          coordinator: f.coordinator_name ?? '事務局',
        }
      : null,
  };
}

export const AnswerBody = z
  .object({
    answer: z.enum(['accept', 'decline'], { message: '「引き受ける」か「辞退する」を選んでください。' }),
    comment: z.preprocess(
      (v) => (typeof v === 'string' && !v.trim() ? undefined : v),
      text({ multiline: true }).trim().max(1000).optional(),
    ),
  })
  .strict();

/**
 * The volunteer's answer: the link is used (once; the same answer again is harmless), the
 * assignment moves to accepted or declined through the assignments' own rules, and the
 * timeline records it. The coordinator's badge counts answers not yet seen.
 */
export async function answerOffer(assignments: ResourceService, token: string, body: unknown, now: Clock) {
  const input = parseWith(AnswerBody, body);
  return assignments.db.transaction(async (trx) => {
    const link = await findLink(trx, token, true);
    if (link?.purpose !== 'offer' || !link.assignment_id) throw new AppError('not_found', 'link.invalid');
    const state = stateOf(link, now());
    if (state === 'answered') {
      if (link.answer === input.answer) return { answer: link.answer, repeated: true };
      throw conflict(LINK_STATE_MESSAGES.answered);
    }
    if (state !== 'open') throw new AppError('conflict', LINK_STATE_MESSAGES[state]);
    await trx('volunteer_links')
      .where('id', link.id)
      .update({ used_at: trx.fn.now(), answer: input.answer, comment: input.comment ?? null });
    const request = await trx('support_requests').where('id', link.request_id).first('coordinator_id');
    const staffId: number | null = request?.coordinator_id ?? link.created_by;
    const staff = staffId ? await trx('staff').where('id', staffId).first('id', 'email', 'display_name', 'role') : undefined;
    if (!staff) throw conflict('link.no_staff_answer');
    const ctx = writeContext(trx, staff, { now });
    const a = await trx('assignments').where('id', link.assignment_id).first('status', 'volunteer_id');
    const to = input.answer === 'accept' ? 'accepted' : 'declined';
    if (a.status !== to) await assignments.updateWithin(ctx, link.assignment_id, { status: to });
    await addEvent(trx, {
      request_id: link.request_id,
      staff_id: null,
      kind: 'note',
      party: 'volunteer',
      assignment_id: link.assignment_id,
      body: `ボランティアがメールのリンクから${input.answer === 'accept' ? '「引き受ける」' : '「辞退する」'}と回答しました。${input.comment ? `コメント: ${input.comment}` : ''}`,
      message: { code: 'volunteer_answered', params: { answer: input.answer, ...(input.comment ? { comment: input.comment } : {}) } },
    });
    return { answer: input.answer, repeated: false };
  });
}

export function offerRouter(assignments: ResourceService, options: { publicBaseUrl: string; now: Clock; afterWrite: () => void }): Router {
  const router = Router();
  router.post('/:id/offer', guard('assignments', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const message = await offerAssignment(assignments, actor(req), id, options);
    options.afterWrite();
    res.status(201).json(message);
  });
  return router;
}

const tokenParam = z.object({ token: z.string().max(100) });

/** /api/volunteer-links: no session, no cookie — the token is the only key. */
export function volunteerLinkRouter(
  services: { assignments: ResourceService; activityReports: ResourceService; expenses: ResourceService },
  options: { now: Clock; afterWrite: () => void },
): Router {
  const { assignments } = services;
  const router = Router();
  router.get('/:token', async (req, res) => {
    const { token } = parseWith(tokenParam, req.params);
    res.json(await linkView(assignments.db, token, options.now()));
  });
  router.post('/:token/answer', async (req, res) => {
    const { token } = parseWith(tokenParam, req.params);
    const result = await answerOffer(assignments, token, req.body, options.now);
    options.afterWrite();
    res.json(result);
  });
  router.post('/:token/report', async (req, res) => {
    const { token } = parseWith(tokenParam, req.params);
    res.status(201).json(await submitSelfReport(services, token, req.body, options.now));
  });
  return router;
}
