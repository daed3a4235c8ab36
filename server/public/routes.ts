import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { CATEGORIES, MODES, TASK_TYPES } from '../domain/enums.js';
import { isLanguageCode } from '../domain/iso.js';
import { requestBasicSearchText, requestSearchText } from '../support-requests/search.js';
import { serviceTimeViolations } from '../domain/service-rules.js';
import { audit } from '../core/audit.js';
import { text as safeText } from '../core/fields.js';
import { AppError } from '../core/errors.js';
import { addressKey, consume } from '../http/rate-limit.js';
import { readSettings } from '../settings/repository.js';
import { takeRequestNumber, toTheSecond } from '../support-requests/resource.js';
import { addEvent } from '../support-requests/timeline.js';
import { FORM_LANGS, formMessage } from './messages.js';

/** Posts per address per hour, counted before validation: an invalid post counts, a refused one does not. */
const MAX_PER_HOUR = 10;

function schemaFor(lang: string) {
  const m = (key: Parameters<typeof formMessage>[1]) => formMessage(lang, key);
  const plain = (multiline = false) =>
    safeText({ multiline, messages: { required: m('required'), control: m('control'), broken: m('broken') } });
  const text = (max: number, multiline = false) => plain(multiline).trim().max(max, m('too_long'));
  const optional = (max: number, multiline = false) => z.preprocess((v) => (v === '' ? undefined : v), text(max, multiline).optional());
  return z
    .object({
      lang: z.enum(FORM_LANGS),
      name: text(200).min(1, m('required')),
      phone: z.preprocess(
        (v) => (v === '' ? undefined : v),
        plain()
          .trim()
          .regex(/^\+?[\d\s()-]{6,30}$/, m('phone'))
          .optional(),
      ),
      email: z.preprocess((v) => (v === '' ? undefined : v), z.email(m('email')).max(254).optional()),
      contact_language: safeText({ messages: { required: m('language'), control: m('language'), broken: m('language') } })
        .trim()
        .toLowerCase()
        .refine(isLanguageCode, m('language')),
      municipality_code: z.string({ error: m('municipality') }).regex(/^\d{6}$/, m('municipality')),
      category: z.enum(CATEGORIES, { error: m('choice') }),
      task_type: z.enum(TASK_TYPES, { error: m('choice') }),
      mode: z.enum(MODES, { error: m('choice') }),
      preferred_slots: z
        .array(
          z
            .object({
              start_at: z.iso.datetime({ offset: true, error: m('slot') }),
              end_at: z.iso.datetime({ offset: true, error: m('slot') }),
            })
            .strict(),
          { error: m('slots') },
        )
        .max(3, m('slots'))
        .default([]),
      description: optional(2000, true),
      ofp_member_no: optional(50),
      partner_name: optional(200),
      consent: z.literal(true, { error: m('consent') }),
      website: z.string().max(0, m('honeypot')).optional(),
    })
    .strict();
}

/** The form's schema as documented (messages in English; each request is checked in its own language). */
export const PublicRequestSchema = schemaFor('en');

/** Every problem at once, in the form's language: zod's, and the one rule across two fields. */
function formErrors(lang: string, body: Record<string, unknown>, error?: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    errors[issue.path.join('.') || 'form'] ??= issue.code === 'unrecognized_keys' ? formMessage(lang, 'invalid') : issue.message;
  }
  const blank = (v: unknown) => v == null || (typeof v === 'string' && !v.trim());
  if (blank(body.phone) && blank(body.email)) errors.phone = formMessage(lang, 'contact');
  return errors;
}

function fail(lang: string, errors: Record<string, string>): AppError {
  return new AppError('validation', formMessage(lang, 'invalid'), errors);
}

/**
 * POST /api/public/requests — the residents' own form. No login and no cookie; a request lands
 * in the coordinators' inbox as received, channel web_form, not linked to any client yet.
 */
export function publicRouter(db: Knex): Router {
  const router = Router();
  router.get('/municipalities', async (_req, res) => {
    res.json(await db('municipalities').where('in_service_area', true).orderBy('code').select('code', 'name_ja', 'name_en'));
  });
  router.post('/requests', async (req, res) => {
    const body: Record<string, unknown> = req.body ?? {};
    const lang = FORM_LANGS.find((l) => l === body.lang) ?? 'en';
    await consume(db, { key: `public:ip:${addressKey(req.ip)}`, limit: MAX_PER_HOUR, seconds: 3600 }, () => formMessage(lang, 'too_many'));
    const parsed = schemaFor(lang).safeParse(body);
    const errors = formErrors(lang, body, parsed.error);
    if (!parsed.success || Object.keys(errors).length) throw fail(lang, errors);
    const form = parsed.data;
    const reference = await db.transaction(async (trx) => {
      const settings = await readSettings(trx);
      const area = await trx('municipalities').where('code', form.municipality_code).first('in_service_area');
      if (!area) throw fail(lang, { municipality_code: formMessage(lang, 'municipality') });
      if (!area.in_service_area) throw fail(lang, { municipality_code: formMessage(lang, 'out_of_area') });
      form.preferred_slots.forEach((slot, i) => {
        if (serviceTimeViolations(new Date(slot.start_at), new Date(slot.end_at), settings).length) {
          throw fail(lang, { [`preferred_slots.${i}`]: formMessage(lang, 'slot') });
        }
      });
      const receivedAt = toTheSecond(new Date());
      const request_no = await takeRequestNumber(trx, receivedAt);
      const { consent: _consent, website: _website, ...intake } = form;
      const [row] = await trx('support_requests')
        .insert({
          request_no,
          channel: 'web_form',
          received_at: receivedAt,
          category: form.category,
          task_type: form.task_type,
          mode: form.mode,
          language: form.contact_language,
          municipality_code: form.municipality_code,
          description: form.description ?? null,
          intake: JSON.stringify({ ...intake, consent_at: new Date().toISOString() }),
          search_text: requestSearchText(request_no, null, { name: form.name, email: form.email, phone: form.phone }, null),
          search_basic: requestBasicSearchText(request_no, null),
        })
        .returning(['id', 'request_no']);
      await addEvent(trx, {
        request_id: row.id,
        staff_id: null,
        kind: 'status_change',
        to_status: 'received',
        body: 'Web フォームから受付',
        message: { code: 'web_form_received' },
      });
      await audit(trx, {
        staff_id: null,
        action: 'create',
        resource: 'support-requests',
        record_id: row.id,
        details: { source: 'public_form' },
      });
      const reference: string = row.request_no;
      return reference;
    });
    res.status(201).json({ reference });
  });
  return router;
}
