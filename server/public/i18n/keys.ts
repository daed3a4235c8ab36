/**
 * The residents' request form in 17 languages: one catalogue per language (`./<lang>.ts`),
 * each filling every key below. The server reads all of them (validation messages, the
 * form's configuration); the page loads only the one it shows.
 */
export const FORM_LANGS = [
  'ja',
  'ja-easy',
  'en',
  'zh-Hans',
  'zh-Hant',
  'ko',
  'vi',
  'ne',
  'uk',
  'ru',
  'tl',
  'pt',
  'id',
  'my',
  'tr',
  'fa-AF',
  'ps',
] as const;
export type FormLang = (typeof FORM_LANGS)[number];

export const isFormLang = (v: unknown): v is FormLang => typeof v === 'string' && (FORM_LANGS as readonly string[]).includes(v);

/** Written right to left: the page gets dir="rtl". */
export const RTL_LANGS: readonly FormLang[] = ['fa-AF', 'ps'];

/** Each language named in its own script, for the language switch. */
export const ENDONYMS: Record<FormLang, string> = {
  ja: '日本語',
  'ja-easy': 'やさしい にほんご',
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
  ne: 'नेपाली',
  uk: 'Українська',
  ru: 'Русский',
  tl: 'Tagalog',
  pt: 'Português',
  id: 'Bahasa Indonesia',
  my: 'မြန်မာဘာသာ',
  tr: 'Türkçe',
  'fa-AF': 'دری',
  ps: 'پښتو',
};

/** The ISO 639-1 code a form language is stored as: the request's contact_language, the resident's language. */
export const CONTACT_CODE: Record<FormLang, string> = {
  ja: 'ja',
  'ja-easy': 'ja',
  en: 'en',
  'zh-Hans': 'zh',
  'zh-Hant': 'zh',
  ko: 'ko',
  vi: 'vi',
  ne: 'ne',
  uk: 'uk',
  ru: 'ru',
  tl: 'tl',
  pt: 'pt',
  id: 'id',
  my: 'my',
  tr: 'tr',
  'fa-AF': 'fa',
  ps: 'ps',
};

/** Languages that use the Latin script and so read municipality names in romaji. */
export const LATIN_SCRIPT: readonly FormLang[] = ['en', 'vi', 'tl', 'pt', 'id', 'tr'];

/**
 * Versions of the consent texts (privacy_text + consent, sensitive_text + sensitive_consent).
 * Change the version whenever the meaning of a text changes in any language: each stored
 * consent says which version the resident saw.
 */
export const CONSENT_VERSIONS = { use: '2026-12-01', sensitive: '2026-12-01' } as const;

export const TEXT_KEYS = [
  'title',
  'lead',
  'language_switch',
  'optional',
  'name',
  'phone',
  'email',
  'contact_hint',
  'contact_language',
  'municipality',
  'category',
  'task_type',
  'mode',
  'slots',
  'slots_hint',
  'holidays_hint',
  'date',
  'start',
  'end',
  'description',
  'description_hint',
  'eligibility_title',
  'eligibility_members',
  'eligibility_open',
  'ofp_member_no',
  'partner',
  'privacy_title',
  'privacy_text',
  'consent',
  'sensitive_title',
  'sensitive_text',
  'sensitive_info',
  'sensitive_consent',
  'submit',
  'sending',
  'choose',
  'done',
  'reference',
  'error',
  'cat_welfare',
  'cat_medical',
  'cat_education',
  'cat_lifeline',
  'cat_housing',
  'cat_administrative',
  'cat_other',
  'ex_welfare',
  'ex_medical',
  'ex_education',
  'ex_lifeline',
  'ex_housing',
  'ex_administrative',
  'ex_other',
  'task_ward_office',
  'task_hospital',
  'task_child_health_checkup',
  'task_daycare_application',
  'task_school_meeting',
  'task_utilities_setup',
  'task_real_estate',
  'task_other',
  'mode_in_person',
  'mode_online',
  'err_required',
  'err_too_long',
  'err_contact',
  'err_email',
  'err_phone',
  'err_language',
  'err_municipality',
  'err_out_of_area',
  'err_choice',
  'err_slot',
  'err_slots',
  'err_consent',
  'err_sensitive_consent',
  'err_eligibility',
  'err_partner',
  'err_honeypot',
  'err_invalid',
  'err_control',
  'err_broken',
  'err_too_many',
  'err_open_requests',
  'err_origin',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
/** A server-side message of the form (validation, limits). */
export type MessageKey = Extract<TextKey, `err_${string}`>;

/**
 * One language's texts. `slots_hint` fills in {days}, {start}, {end} and {hours} from the
 * settings; no other text has placeholders.
 */
export type FormTexts = Record<TextKey, string>;

/**
 * A form language for what was asked: an exact form language (`fa-AF`), a code that names one
 * (`zh-TW` → zh-Hant, `fa` → fa-AF, `pt-BR` → pt), or undefined.
 */
export function matchFormLang(tag: string): FormLang | undefined {
  const t = tag.trim().toLowerCase();
  if (!t) return undefined;
  const exact = FORM_LANGS.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  if (t === 'zh' || t.startsWith('zh-hans') || t === 'zh-cn' || t === 'zh-sg') return 'zh-Hans';
  if (t.startsWith('zh-hant') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
  const base = t.split('-')[0]!;
  if (base === 'prs' || base === 'fa') return 'fa-AF';
  if (base === 'fil') return 'tl';
  if (base === 'in') return 'id';
  if (base === 'zh') return 'zh-Hans';
  return FORM_LANGS.find((l) => l === base);
}

/** The best form language for an Accept-Language header (by q), else Japanese. */
export function negotiateFormLang(header: string | undefined): FormLang {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((x) => x.tag && x.tag !== '*' && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    const lang = matchFormLang(tag);
    if (lang) return lang;
  }
  return 'ja';
}
