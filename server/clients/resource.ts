import { z } from 'zod';
import { ELIGIBILITIES, JAPANESE_LEVELS } from '../domain/enums.js';
import { isCountryCode } from '../domain/iso.js';
import { clientBasicSearchText, refreshClientRequestsSearch } from '../support-requests/search.js';
import { buildSearchText } from '../domain/search.js';
import { formatNumber, takeNumber } from '../db/numbers.js';
import { AppError, conflict } from '../core/errors.js';
import {
  enumOf,
  foreignId,
  isoDateTime,
  multilineText,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  text,
} from '../core/fields.js';
import {
  assertExists,
  assertMunicipalities,
  checkContactStop,
  contactStopFields,
  kanaField,
  languagesField,
  municipalityCodeField,
} from '../people/rules.js';
import { auditView } from '../people/views.js';
import { defineResource, type Row } from '../core/resource.js';

export const ClientSchema = z.object({
  name: requiredText(200),
  name_kana: kanaField(),
  nationality: z
    .preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toUpperCase()) : v),
      text().refine(isCountryCode, '国籍は ISO 3166-1 の 2 文字コードで指定してください (例: UA, VN)。').nullable(),
    )
    .optional(),
  languages: languagesField(),
  japanese_level: enumOf(JAPANESE_LEVELS).nullable().optional(),
  phone: optionalPhone(),
  email: optionalEmail(),
  municipality_code: municipalityCodeField(),
  address: optionalText(500),
  eligibility: enumOf(ELIGIBILITIES).default('general'),
  ofp_member_no: optionalText(50),
  partner_id: foreignId().nullable().optional(),
  consent_at: isoDateTime().nullable().optional(),
  special_care_notes: multilineText(4000),
  notes: multilineText(4000),
  archived_at: isoDateTime().nullable().optional(),
  ...contactStopFields(),
});

/** Special-care notes need the resident's sensitive-information consent; notes kept before it existed may stay as they are. */
function checkSpecialCare(c: Readonly<z.output<typeof ClientSchema>>, existing: Row | undefined): void {
  if (!c.special_care_notes) return;
  if (existing?.sensitive_consent_at) return;
  if (existing?.special_care_reconfirm && c.special_care_notes === existing.special_care_notes) return;
  throw new AppError('validation', existing?.special_care_reconfirm ? 'client.special_care_reconfirm' : 'client.special_care_consent', {
    special_care_notes: 'client.special_care_field',
  });
}

function checkRules(c: Readonly<z.output<typeof ClientSchema>>, existing?: Row): void {
  // 要配慮個人情報 (health, refugee status…) is kept only with the resident's own consent to it.
  checkSpecialCare(c, existing);
  if (c.eligibility === 'ofp_member' && !c.ofp_member_no) {
    throw new AppError('validation', 'client.ofp_no', { ofp_member_no: 'client.ofp_no_field' });
  }
  if (c.eligibility === 'partner_referral' && !c.partner_id) {
    throw new AppError('validation', 'client.partner', {
      partner_id: 'client.partner_field',
    });
  }
}

/** A few minutes of clock difference between a PC and the server are tolerated, not a later day. */
const CONSENT_CLOCK_SLACK_MS = 10 * 60_000;

/** Consent is something that has happened: a time in the future is a typing mistake (often AM/PM). */
function checkConsentTime(consentAt: string | null | undefined, previous: unknown, now: Date): void {
  if (!consentAt) return;
  const at = new Date(consentAt);
  if (previous instanceof Date && previous.getTime() === at.getTime()) return;
  if (at.getTime() > now.getTime() + CONSENT_CLOCK_SLACK_MS) {
    throw new AppError('validation', 'client.consent_future', {
      consent_at: 'client.consent_future_field',
    });
  }
}

/** 利用者: the foreign residents the NPO helps. */
export const clients = defineResource<{ client_no: string; anonymised_at: Date | null }>()({
  name: 'clients',
  schema: ClientSchema,
  // anonymised_at is set only by POST /api/clients/:id/anonymise (./anonymise.ts).
  // Consents are recorded through /api/clients/:id/consents (./consents.ts), never edited here.
  readOnlyFields: ['client_no', 'anonymised_at', 'sensitive_consent_at', 'special_care_reconfirm'],
  list: {
    table: 'clients',
    fields: {
      id: 'int',
      client_no: 'text',
      nationality: 'text',
      languages: 'text_array',
      japanese_level: { enum: JAPANESE_LEVELS },
      municipality_code: 'text',
      eligibility: { enum: ELIGIBILITIES },
      partner_id: 'int',
      archived_at: 'timestamp',
      consent_at: 'timestamp',
      contact_stopped_at: 'timestamp',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: ['id', 'client_no', 'name', 'name_kana', 'nationality', 'municipality_code', 'eligibility', 'created_at', 'updated_at'],
    defaultSort: ['client_no', 'DESC'],
    searchable: true,
    basicSearch: true,
  },
  // Reading special-care notes is audited (onShow), which a list could not be.
  notInLists: ['special_care_notes'],
  check: async (c, { trx, memo, now }, existing) => {
    // An anonymised record stays as it was left: nothing may be written back into it.
    if (existing?.anonymised_at) throw conflict('client.anonymised_edit');
    checkRules(c, existing);
    checkContactStop(c);
    checkConsentTime(c.consent_at, existing?.consent_at, now());
    await assertMunicipalities(trx, 'municipality_code', [c.municipality_code], memo);
    await assertExists(trx, 'partners', 'partner_id', c.partner_id, 'noun.partner', memo);
  },
  counter: 'client',
  derive: async (c, ctx, existing) => {
    const client_no = existing ? existing.client_no : formatNumber('C-', await takeNumber(ctx, 'client'));
    return {
      ...(existing ? {} : { client_no }),
      search_text: buildSearchText([c.name, c.name_kana, client_no, c.email, c.ofp_member_no], [c.phone]),
      search_basic: clientBasicSearchText({ name: c.name, name_kana: c.name_kana ?? null, client_no }),
    };
  },
  // Requests are found by their resident's names: a renamed resident's requests follow.
  after: async (row, { trx }, existing) => {
    if (existing && (row.name !== existing.name || row.name_kana !== existing.name_kana)) await refreshClientRequestsSearch(trx, row.id);
  },
  hasHistory: async (trx, id) => !!(await trx('support_requests').where('client_id', id).first('id')),
  // Who saw a resident's record, and which of its field groups, is kept, as the personal-information law expects.
  onShow: (row, who, db) => auditView(db, 'clients', row, who),
});
