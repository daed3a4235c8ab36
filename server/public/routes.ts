import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { CATEGORIES, MODES, REQUEST_STATUSES, type RequestStatus, TASK_TYPES } from '../domain/enums.js';
import { isLanguageCode } from '../domain/iso.js';
import { publicHolidaysBetween, serviceTimeViolations } from '../domain/service-rules.js';
import { tokyoDate } from '../domain/time.js';
import { TERMINAL } from '../domain/workflow.js';
import { requestBasicSearchText, requestSearchText } from '../support-requests/search.js';
import { audit } from '../core/audit.js';
import { text as safeText } from '../core/fields.js';
import { AppError } from '../core/errors.js';
import { addressKey, consume } from '../http/rate-limit.js';
import { readSettings } from '../settings/repository.js';
import { takeRequestNumber, toTheSecond } from '../support-requests/resource.js';
import { addEvent } from '../support-requests/timeline.js';
import { closedDates } from './closed-dates.js';
import { sameIn } from '../core/messages.js';
import {
  CATALOGUES,
  CONSENT_VERSIONS,
  CONTACT_CODE,
  FORM_LANGS,
  type FormLang,
  formText,
  isFormLang,
  LATIN_SCRIPT,
  type MessageKey,
  matchFormLang,
  negotiateFormLang,
  RTL_LANGS,
} from './i18n/index.js';

/** Posts per address per hour, counted before validation: an invalid post counts, a refused one does not. */
const MAX_PER_HOUR = 10;
/** Open web-form requests one phone number or e-mail address may have at once. */
export const MAX_OPEN_PER_CONTACT = 3;
const MAX_SLOTS = 3;
/** How far ahead the form offers dates (and lists holidays). */
const MONTHS_AHEAD = 6;
const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => !TERMINAL.includes(s));

function schemaFor(lang: string) {
  const m = (key: MessageKey) => formText(lang, key);
  const plain = (multiline = false) =>
    safeText({ multiline, messages: { required: m('err_required'), control: m('err_control'), broken: m('err_broken') } });
  const text = (max: number, multiline = false) => plain(multiline).trim().max(max, m('err_too_long'));
  const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
  const optional = (max: number, multiline = false) => z.preprocess(blankToUndefined, text(max, multiline).optional());
  return z
    .object({
      lang: z.enum(FORM_LANGS),
      name: text(200).min(1, m('err_required')),
      phone: z.preprocess(
        blankToUndefined,
        plain()
          .trim()
          .regex(/^\+?[\d\s()-]{6,30}$/, m('err_phone'))
          .optional(),
      ),
      email: z.preprocess(blankToUndefined, z.email(m('err_email')).max(254).optional()),
      // Defaults to the form's own language.
      contact_language: z.preprocess(
        blankToUndefined,
        safeText({ messages: { required: m('err_language'), control: m('err_language'), broken: m('err_language') } })
          .trim()
          .toLowerCase()
          .refine(isLanguageCode, m('err_language'))
          .optional(),
      ),
      municipality_code: z.string({ error: m('err_municipality') }).regex(/^\d{6}$/, m('err_municipality')),
      category: z.enum(CATEGORIES, { error: m('err_choice') }),
      task_type: z.enum(TASK_TYPES, { error: m('err_choice') }),
      mode: z.enum(MODES, { error: m('err_choice') }),
      preferred_slots: z
        .array(
          z
            .object({
              start_at: z.iso.datetime({ offset: true, error: m('err_slot') }),
              end_at: z.iso.datetime({ offset: true, error: m('err_slot') }),
            })
            .strict(),
          { error: m('err_slots') },
        )
        .max(MAX_SLOTS, m('err_slots'))
        .default([]),
      description: optional(2000, true),
      ofp_member_no: optional(50),
      partner_id: z.preprocess(
        blankToUndefined,
        z.coerce
          .number({ error: m('err_partner') })
          .int(m('err_partner'))
          .positive(m('err_partner'))
          .optional(),
      ),
      // Health, pregnancy, disability…: only with its own consent (sensitive_consent).
      sensitive_info: optional(2000, true),
      sensitive_consent: z.boolean({ error: m('err_sensitive_consent') }).default(false),
      consent: z.literal(true, { error: m('err_consent') }),
      website: z.string().max(0, m('err_honeypot')).optional(),
    })
    .strict();
}

/** The form's schema as documented (messages in English; each request is checked in its own language). */
export const PublicRequestSchema = schemaFor('en');

export const FormConfigQuery = z.object({ lang: z.string().max(20).optional() }).strict();

/** Every problem at once, in the form's language: zod's, and the rules across two fields. */
function formErrors(lang: string, body: Record<string, unknown>, error?: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    errors[issue.path.join('.') || 'form'] ??= issue.code === 'unrecognized_keys' ? formText(lang, 'err_invalid') : issue.message;
  }
  const blank = (v: unknown) => v == null || (typeof v === 'string' && !v.trim());
  if (blank(body.phone) && blank(body.email)) errors.phone ??= formText(lang, 'err_contact');
  if (!blank(body.sensitive_info) && body.sensitive_consent !== true) errors.sensitive_consent ??= formText(lang, 'err_sensitive_consent');
  return errors;
}

function fail(lang: string, errors: Record<string, string>): AppError {
  return new AppError(
    'validation',
    sameIn(formText(lang, 'err_invalid')),
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, sameIn(v)])),
  );
}

/** The form language asked for by ?lang=, else the browser's Accept-Language. */
export function requestedLang(query: string | undefined, acceptLanguage: string | undefined): FormLang {
  return (query && matchFormLang(query)) || negotiateFormLang(acceptLanguage);
}

/** A municipality's name for a reader of the form's language: romaji, kanji, or kanji with its reading. */
function municipalityName(lang: FormLang, m: { name_ja: string; name_kana: string | null; name_en: string }): string {
  if (LATIN_SCRIPT.includes(lang)) return m.name_en;
  if (lang === 'ja' || lang === 'zh-Hans' || lang === 'zh-Hant') return m.name_ja;
  if (lang === 'ja-easy') return m.name_kana ? `${m.name_ja}（${m.name_kana}）` : m.name_ja;
  return `${m.name_ja} (${m.name_en})`;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Everything the form shows that the settings and reference data decide (GET /api/public/form-config). */
export async function formConfig(db: Knex, lang: FormLang) {
  const settings = await readSettings(db);
  const texts = CATALOGUES[lang];
  const today = tokyoDate(new Date());
  const until = addMonths(today, MONTHS_AHEAD);
  const municipalities = await db('municipalities')
    .where('in_service_area', true)
    .orderBy('code')
    .select('code', 'name_ja', 'name_kana', 'name_en');
  const partners = await db('partners').where('show_on_form', true).whereNull('archived_at').orderBy('name').select('id', 'name');
  return {
    lang,
    dir: RTL_LANGS.includes(lang) ? 'rtl' : 'ltr',
    contact_language: CONTACT_CODE[lang],
    service: {
      weekdays: settings.service_weekdays,
      start: settings.service_start,
      end: settings.service_end,
      max_activity_minutes: settings.max_activity_minutes,
      closed_on_public_holidays: settings.closed_on_public_holidays,
    },
    dates: { from: today, until },
    holidays: publicHolidaysBetween(today, until),
    closedDates: await closedDates(db, today, until),
    eligibility_mode: settings.eligibility_mode,
    max_slots: MAX_SLOTS,
    municipalities: municipalities.map((m) => ({ code: m.code, name: municipalityName(lang, m) })),
    partners: partners.map((p) => ({ id: p.id, name: p.name })),
    categories: CATEGORIES.map((value) => ({ value, label: texts[`cat_${value}`], example: texts[`ex_${value}`] })),
    task_types: TASK_TYPES.map((value) => ({ value, label: texts[`task_${value}`] })),
    modes: MODES.map((value) => ({ value, label: texts[`mode_${value}`] })),
    consent_versions: CONSENT_VERSIONS,
  };
}

/** Digits of a phone number, lower-cased e-mail: how the per-contact limit compares contacts. */
const phoneDigits = (phone: string | undefined) => (phone ? phone.replace(/\D/g, '') : '');

/**
 * POST /api/public/requests — the residents' own form. No login and no cookie; a request lands
 * in the coordinators' inbox as received, channel web_form, not linked to any client yet.
 */
export function publicRouter(db: Knex): Router {
  const router = Router();
  router.get('/municipalities', async (_req, res) => {
    res.json(await db('municipalities').where('in_service_area', true).orderBy('code').select('code', 'name_ja', 'name_en'));
  });
  router.get('/form-config', async (req, res) => {
    const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    const lang = requestedLang(query, req.get('accept-language'));
    res.vary('Accept-Language');
    res.json(await formConfig(db, lang));
  });
  router.post('/requests', async (req, res) => {
    const body: Record<string, unknown> = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    const lang: FormLang = isFormLang(body.lang) ? body.lang : negotiateFormLang(req.get('accept-language'));
    await consume(db, { key: `public:ip:${addressKey(req.ip)}`, limit: MAX_PER_HOUR, seconds: 3600 }, () =>
      sameIn(formText(lang, 'err_too_many')),
    );
    const parsed = schemaFor(lang).safeParse(body);
    const errors = formErrors(lang, body, parsed.error);
    if (!parsed.success || Object.keys(errors).length) throw fail(lang, errors);
    const form = parsed.data;
    const reference = await db.transaction(async (trx) => {
      const settings = await readSettings(trx);
      const problems: Record<string, string> = {};
      const area = await trx('municipalities').where('code', form.municipality_code).first('in_service_area');
      if (!area) problems.municipality_code = formText(lang, 'err_municipality');
      else if (!area.in_service_area) problems.municipality_code = formText(lang, 'err_out_of_area');
      form.preferred_slots.forEach((slot, i) => {
        if (serviceTimeViolations(new Date(slot.start_at), new Date(slot.end_at), settings).length) {
          problems[`preferred_slots.${i}`] = formText(lang, 'err_slot');
        }
      });
      const partner =
        form.partner_id === undefined
          ? undefined
          : await trx('partners').where({ id: form.partner_id, show_on_form: true }).whereNull('archived_at').first('id', 'name');
      if (form.partner_id !== undefined && !partner) problems.partner_id = formText(lang, 'err_partner');
      // While the service is for members and referrals only, one of the two is required.
      if (settings.eligibility_mode === 'members_only' && !form.ofp_member_no && form.partner_id === undefined) {
        problems.ofp_member_no = formText(lang, 'err_eligibility');
      }
      if (Object.keys(problems).length) throw fail(lang, problems);

      // Per contact: one global lock serialises the count and the insert, so simultaneous
      // posts cannot both be the third.
      await trx.raw('select pg_advisory_xact_lock(?)', [1301]);
      const digits = phoneDigits(form.phone);
      const email = form.email?.toLowerCase() ?? '';
      const open =
        digits || email
          ? (
              await trx('support_requests')
                .where('channel', 'web_form')
                .whereIn('status', OPEN_STATUSES)
                .where((qb) => {
                  if (digits) qb.orWhereRaw(`regexp_replace(coalesce(intake->>'phone', ''), '[^0-9]', '', 'g') = ?`, [digits]);
                  if (email) qb.orWhereRaw(`lower(intake->>'email') = ?`, [email]);
                })
                .count({ n: '*' })
            )[0]
          : undefined;
      if (Number(open?.n) >= MAX_OPEN_PER_CONTACT) throw new AppError('rate_limited', sameIn(formText(lang, 'err_open_requests')));

      const receivedAt = toTheSecond(new Date());
      const request_no = await takeRequestNumber(trx, receivedAt);
      const contactLanguage = form.contact_language ?? CONTACT_CODE[lang];
      const consents = [
        { kind: 'use', text_version: CONSENT_VERSIONS.use },
        ...(form.sensitive_consent ? [{ kind: 'sensitive', text_version: CONSENT_VERSIONS.sensitive }] : []),
      ];
      const { consent: _consent, website: _website, sensitive_consent: _sensitive, partner_id, ...fields } = form;
      const intake = {
        ...fields,
        contact_language: contactLanguage,
        ...(partner ? { partner_id, partner_name: partner.name } : {}),
        consent_at: receivedAt.toISOString(),
        consents: consents.map((c) => ({ ...c, language: lang, given_at: receivedAt.toISOString() })),
      };
      const [row] = await trx('support_requests')
        .insert({
          request_no,
          channel: 'web_form',
          received_at: receivedAt,
          category: form.category,
          task_type: form.task_type,
          mode: form.mode,
          language: contactLanguage,
          municipality_code: form.municipality_code,
          description: form.description ?? null,
          intake: JSON.stringify(intake),
          search_text: requestSearchText(request_no, null, { name: form.name, email: form.email, phone: form.phone }, null),
          search_basic: requestBasicSearchText(request_no, null),
        })
        .returning(['id', 'request_no']);
      await trx('consents').insert(
        consents.map((c) => ({
          support_request_id: row.id,
          kind: c.kind,
          action: 'given',
          method: 'web_form',
          text_version: c.text_version,
          language: lang,
          given_at: receivedAt,
        })),
      );
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
        details: { source: 'public_form', lang },
      });
      const reference: string = row.request_no;
      return reference;
    });
    res.status(201).json({ reference });
  });
  return router;
}
