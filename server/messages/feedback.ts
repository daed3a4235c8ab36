import express, { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Clock, WriteContext } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { text } from '../core/fields.js';
import { idParam, parseWith } from '../core/validate.js';
import { audit } from '../core/audit.js';
import { actor, guard } from '../http/guard.js';
import { createLink, findLink } from './links.js';
import { publicBaseUrl } from './base-url.js';
import { RESIDENT_TEXTS, residentLanguage } from './resident-texts.js';
import { queueMessage } from './store.js';

/** A feedback link stays open this long after the request is done. */
export const FEEDBACK_DAYS = 30;
const RTL = ['fa-AF', 'ps'];

export const FeedbackBody = z
  .object({
    rating: z.coerce.number({ error: '1〜5 で選んでください。' }).int().min(1, '1〜5 で選んでください。').max(5, '1〜5 で選んでください。'),
    comment: z.preprocess((v) => (v === '' ? undefined : v), text({ multiline: true }).trim().max(2000).optional()),
  })
  .strict();

export const feedbackUrl = (token: string) => `${publicBaseUrl()}/f/${token}`;

/**
 * When a request is done: the resident (if they gave an e-mail address and have not asked us to
 * stop contacting them) gets a link, in their language, to rate the help. Once per request.
 */
export async function requestFeedback(ctx: WriteContext, requestId: number): Promise<void> {
  const { trx } = ctx;
  const r = await trx('support_requests as r')
    .join('clients as c', 'c.id', 'r.client_id')
    .where('r.id', requestId)
    .whereNull('c.contact_stopped_at')
    .whereNull('c.anonymised_at')
    .first('r.id', 'r.language', 'r.client_id', 'c.name', 'c.email', 'c.languages');
  if (!r?.email) return;
  if (await trx('messages').where({ request_id: requestId, kind: 'feedback_request' }).first('id')) return;
  const token = await createLink(trx, {
    purpose: 'feedback',
    request_id: requestId,
    created_by: ctx.actor.id,
    now: ctx.now(),
    days: FEEDBACK_DAYS,
  });
  const language = residentLanguage(r.language ?? r.languages?.[0]);
  const t = RESIDENT_TEXTS[language]!;
  await queueMessage(trx, {
    kind: 'feedback_request',
    client_id: r.client_id,
    request_id: requestId,
    address: r.email,
    language,
    subject: t.feedback.subject,
    body: [r.name, '', t.feedback.intro, '', feedbackUrl(token), '', t.closing, '', 'スポットおとなりさん / Spot Otonari-san'].join('\n'),
  });
}

type Open = { link: { id: number; request_id: number }; language: string; clientId: number | null };

/** The link's request and the resident's language, or undefined when it cannot be used. */
async function openLink(db: Knex | Knex.Transaction, token: string, now: Date, lock = false): Promise<Open | 'closed' | undefined> {
  const link = await findLink(db, token, lock);
  if (link?.purpose !== 'feedback') return undefined;
  if (link.used_at || link.revoked_at || link.expires_at <= now) return 'closed';
  const r = await db('support_requests as r')
    .leftJoin('clients as c', 'c.id', 'r.client_id')
    .where('r.id', link.request_id)
    .first('r.language', 'r.client_id', 'c.languages');
  return { link, language: residentLanguage(r?.language ?? r?.languages?.[0]), clientId: r?.client_id ?? null };
}

/** Stores a resident's answer; a used, expired or unknown link is refused (409 / 404). */
export async function submitFeedback(db: Knex, token: string, body: unknown, now: Clock): Promise<{ language: string }> {
  const answer = parseWith(FeedbackBody, body);
  return db.transaction(async (trx) => {
    const open = await openLink(trx, token, now(), true);
    if (!open) throw new AppError('not_found', 'feedback.not_found');
    if (open === 'closed') throw new AppError('conflict', 'feedback.closed');
    await trx('resident_feedback').insert({
      request_id: open.link.request_id,
      client_id: open.clientId,
      rating: answer.rating,
      comment: answer.comment ?? null,
      language: open.language,
    });
    await trx('volunteer_links').where('id', open.link.id).update({ used_at: now() });
    await trx('request_events').insert({
      request_id: open.link.request_id,
      staff_id: null,
      kind: 'note',
      body: `利用者からの評価: ${answer.rating} / 5`,
      message: JSON.stringify({ code: 'resident_rating', params: { rating: answer.rating } }),
      at: now(),
    });
    return { language: open.language };
  });
}

const html = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(language: string, title: string, content: string): string {
  const dir = RTL.includes(language) ? 'rtl' : 'ltr';
  const lang = language === 'ja-easy' ? 'ja' : language;
  return `<!doctype html><html lang="${html(lang)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${html(title)}</title><style>
body{font-family:system-ui,"Noto Sans CJK JP","Noto Sans",sans-serif;margin:0;background:#f5f7f6;color:#1d2b24;line-height:1.6}
main{max-width:34rem;margin:0 auto;padding:1.25rem}h1{font-size:1.25rem}fieldset{border:0;padding:0;margin:0 0 1rem}
label.r{display:block;background:#fff;border-radius:8px;padding:.6rem .8rem;margin:.4rem 0}
textarea{width:100%;box-sizing:border-box;min-height:6rem;font:inherit;padding:.5rem;border-radius:6px;border:1px solid #6b7a72}
button{width:100%;font:inherit;font-size:1.1rem;padding:.9rem;border-radius:8px;border:0;background:#1f7a4d;color:#fff;margin-top:1rem}
.note{background:#fff;border-radius:8px;padding:1rem}</style></head>
<body><main><p>スポットおとなりさん / Spot Otonari-san</p>${content}</main></body></html>`;
}

/** The form; `again` when a post came back without a rating: the question is asked again on top. */
function formPage(token: string, language: string, again = false): string {
  const t = RESIDENT_TEXTS[language]!.feedbackPage;
  const ratings = t.ratings
    .map((label, i) => `<label class="r"><input type="radio" name="rating" value="${i + 1}" required> ${i + 1} — ${html(label)}</label>`)
    .join('');
  return page(
    language,
    t.title,
    `<h1>${html(t.title)}</h1>${again ? `<p class="note" role="alert">⚠ ${html(t.question)}</p>` : ''}<form method="post" action="/f/${html(token)}"><fieldset><legend>${html(t.question)}</legend>${ratings}</fieldset>
<label for="comment">${html(t.comment)}</label><textarea id="comment" name="comment" maxlength="2000"></textarea><button type="submit">${html(t.send)}</button></form>`,
  );
}

const notePage = (language: string, text: string) => page(language, text, `<p class="note">${html(text)}</p>`);

/** GET/POST /f/<token>: the resident's feedback page (no login, no cookie, no script). */
export function feedbackPageRouter(db: Knex, now: Clock): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
    next();
  });
  router.get('/:token', async (req, res) => {
    const open = await openLink(db, req.params.token, now());
    if (!open) return void res.status(404).type('html').send(notePage('ja-easy', RESIDENT_TEXTS['ja-easy']!.feedbackPage.closed));
    if (open === 'closed')
      return void res.status(410).type('html').send(notePage('ja-easy', RESIDENT_TEXTS['ja-easy']!.feedbackPage.closed));
    res.type('html').send(formPage(req.params.token, open.language));
  });
  router.post('/:token', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    try {
      const { language } = await submitFeedback(db, req.params.token, req.body, now);
      res.type('html').send(notePage(language, RESIDENT_TEXTS[language]!.feedbackPage.thanks));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // No rating (a browser that ignores `required`): the same form again, in the link's language.
      const open = err.code === 'validation' ? await openLink(db, req.params.token, now()) : undefined;
      if (open && open !== 'closed')
        return void res
          .status(400)
          .type('html')
          .send(formPage(req.params.token, open.language, true));
      const status = err.code === 'validation' ? 400 : err.code === 'not_found' ? 404 : 410;
      res.status(status).type('html').send(notePage('ja-easy', RESIDENT_TEXTS['ja-easy']!.feedbackPage.closed));
    }
  });
  return router;
}

/** POST /api/feedback-links/:token — the JSON twin of the page's form (no session). */
export function feedbackLinkRouter(db: Knex, now: Clock): Router {
  const router = Router();
  router.post('/:token', async (req, res) => {
    await submitFeedback(db, String(req.params.token), req.body, now);
    res.status(201).json({ ok: true });
  });
  return router;
}

/**
 * What comes back about a request from outside, for staff: the resident's feedback
 * (GET /:id/feedback, never shown to volunteers) and marking volunteers' answers to its offers
 * as seen (POST /:id/answers-seen, when a coordinator opens it: the menu's badge goes out).
 */
export function requestFollowUpRouter(db: Knex): Router {
  const router = Router();
  router.get('/:id/feedback', guard('support-requests', 'show'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    res.json((await db('resident_feedback').where('request_id', id).first('rating', 'comment', 'language', 'created_at')) ?? null);
  });
  router.post('/:id/answers-seen', guard('support-requests', 'edit'), async (req, res) => {
    const { id } = parseWith(idParam, req.params);
    const seen = await db.transaction(async (trx) => {
      const n = await trx('volunteer_links')
        .where('request_id', id)
        .whereNotNull('answer')
        .whereNull('seen_at')
        .update({ seen_at: trx.fn.now() });
      if (n)
        await audit(trx, {
          staff_id: actor(req).id,
          action: 'update',
          resource: 'support-requests',
          record_id: id,
          changed_fields: ['answers_seen'],
        });
      return n;
    });
    res.json({ seen });
  });
  return router;
}
