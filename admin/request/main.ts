import {
  CONTACT_CODE,
  ENDONYMS,
  FORM_LANGS,
  type FormLang,
  type FormTexts,
  isFormLang,
  matchFormLang,
  RTL_LANGS,
  type TextKey,
} from '../../server/public/i18n/keys';
import { loadCatalogue } from './catalogue';

/**
 * The residents' request form: no framework, one catalogue, so the page stays a few kilobytes.
 * The server has already set <html lang dir data-form-lang>; everything the settings decide
 * (days, hours, holidays, eligibility, places, partners) comes from /api/public/form-config.
 */
type Option = { value: string; label: string; example?: string };
type Config = {
  lang: FormLang;
  contact_language: string;
  service: { weekdays: number[]; start: string; end: string; max_activity_minutes: number; closed_on_public_holidays: boolean };
  dates: { from: string; until: string };
  holidays: { date: string; name: string }[];
  closedDates: { date: string; name: string }[];
  eligibility_mode: 'members_only' | 'open';
  max_slots: number;
  municipalities: { code: string; name: string }[];
  partners: { id: number; name: string }[];
  categories: Option[];
  task_types: Option[];
  modes: Option[];
};

/** Languages residents are contacted in: those of the form, and a few more spoken in the area. */
const CONTACT_LANGUAGES = [...new Set([...Object.values(CONTACT_CODE), 'ku', 'es', 'th', 'fr', 'ar', 'bn', 'si', 'ur', 'hi', 'mn'])];

const root = document.documentElement;
const lang: FormLang = (() => {
  const fromPage = root.dataset.formLang;
  if (isFormLang(fromPage)) return fromPage;
  const fromPath = location.pathname.split('/')[2];
  if (fromPath && isFormLang(fromPath)) return fromPath;
  for (const l of navigator.languages ?? []) {
    const match = matchFormLang(l);
    if (match) return match;
  }
  return 'ja';
})();
const locale = lang === 'ja-easy' ? 'ja' : lang;
root.lang = locale;
root.dir = RTL_LANGS.includes(lang) ? 'rtl' : 'ltr';

let T: FormTexts;
let config: Config;
const app = document.getElementById('app')!;
const t = (key: TextKey) => T[key];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

const choose = () => el('option', { value: '' }, t('choose'));
const select = (options: { value: string; label: string }[], selected = '') =>
  el(
    'select',
    {},
    choose(),
    ...options.map((o) => {
      const option = el('option', { value: o.value }, o.label);
      if (o.value === selected) option.setAttribute('selected', '');
      return option;
    }),
  );

/**
 * A labelled control with its hint and its error line, tied together for screen readers
 * (aria-describedby), and marked optional when it is.
 */
function field(name: string, label: string, control: HTMLElement, options: { hint?: string; optional?: boolean } = {}) {
  control.id = name;
  control.setAttribute('name', name);
  const describedBy = [`${name}-error`];
  const parts: (Node | string)[] = [label];
  if (options.optional) parts.push(' ', el('span', { class: 'optional' }, `(${t('optional')})`));
  const hint = options.hint ? el('div', { class: 'hint', id: `${name}-hint` }, options.hint) : undefined;
  if (hint) describedBy.unshift(`${name}-hint`);
  control.setAttribute('aria-describedby', describedBy.join(' '));
  if (!options.optional) control.setAttribute('aria-required', 'true');
  return el('div', { class: 'field' }, el('label', { for: name }, ...parts), ...(hint ? [hint] : []), control, errorLine(name));
}

/** A choice among a few options, each with its plain-language example: radio buttons in a fieldset. */
function radios(name: string, legend: string, options: Option[]) {
  return el(
    'fieldset',
    { class: 'radios', id: name, 'aria-describedby': `${name}-error` },
    el('legend', {}, legend),
    ...options.map((o) => {
      const id = `${name}-${o.value}`;
      const input = el('input', { type: 'radio', name, id, value: o.value });
      if (o.example) input.setAttribute('aria-describedby', `${id}-example`);
      return el(
        'div',
        { class: 'check' },
        input,
        el('label', { for: id }, o.label, ...(o.example ? [el('span', { class: 'hint example', id: `${id}-example` }, o.example)] : [])),
      );
    }),
    errorLine(name),
  );
}

const errorLine = (name: string) => el('div', { class: 'error', id: `${name}-error` });

/** "Mon–Sat" in the form's language, from the settings' ISO weekdays. */
function weekdayNames(days: number[]): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const names = days.map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
  try {
    return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(names);
  } catch {
    return names.join(', ');
  }
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Times the service offers, every 15 minutes from its start to its end. */
function serviceTimes(): string[] {
  const out: string[] = [];
  for (let m = minutes(config.service.start); m <= minutes(config.service.end); m += 15) out.push(hhmm(m));
  return out;
}

/** Why a date cannot be chosen (not a service day, a holiday, a closed date), or undefined. */
function closedReason(date: string): string | undefined {
  if (!date) return undefined;
  if (date < config.dates.from || date > config.dates.until) return t('err_slot');
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  if (!config.service.weekdays.includes(weekday)) return t('err_slot');
  if (config.service.closed_on_public_holidays && config.holidays.some((h) => h.date === date)) return t('err_slot');
  if (config.closedDates.some((c) => c.date === date)) return t('err_slot');
  return undefined;
}

function slot(i: number) {
  const times = serviceTimes();
  const timeSelect = (part: 'start' | 'end') =>
    el(
      'select',
      { name: `${part}${i}`, id: `${part}${i}`, 'aria-describedby': `preferred_slots.${i}-error` },
      el('option', { value: '' }, '--:--'),
      ...times.map((v) => el('option', { value: v }, v)),
    );
  const date = el('input', {
    type: 'date',
    name: `date${i}`,
    id: `date${i}`,
    min: config.dates.from,
    max: config.dates.until,
    'aria-describedby': `slots-hint preferred_slots.${i}-error`,
  });
  date.addEventListener('change', () => {
    const reason = closedReason(date.value);
    showError(`preferred_slots.${i}`, reason ?? '');
  });
  const labelled = (id: string, key: TextKey, control: HTMLElement) =>
    el('div', { class: 'slot-part' }, el('label', { for: id, class: 'small' }, t(key)), control);
  return el(
    'div',
    { class: 'slot', role: 'group', 'aria-label': `${t('slots')} ${i + 1}` },
    el(
      'div',
      { class: 'slot-parts' },
      labelled(`date${i}`, 'date', date),
      labelled(`start${i}`, 'start', timeSelect('start')),
      labelled(`end${i}`, 'end', timeSelect('end')),
    ),
    errorLine(`preferred_slots.${i}`),
  );
}

function languageSwitch() {
  return el(
    'nav',
    { class: 'langs', 'aria-label': t('language_switch') },
    el(
      'ul',
      {},
      ...FORM_LANGS.map((l) => {
        const link = el(
          'a',
          { href: `/request/${l}`, lang: l === 'ja-easy' ? 'ja' : l, hreflang: l === 'ja-easy' ? 'ja' : l },
          ENDONYMS[l],
        );
        if (RTL_LANGS.includes(l)) link.setAttribute('dir', 'rtl');
        if (l === lang) link.setAttribute('aria-current', 'page');
        return el('li', {}, link);
      }),
    ),
  );
}

function contactLanguageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function render() {
  document.title = t('title');
  const open = config.eligibility_mode === 'open';
  const hours = String(config.service.max_activity_minutes / 60);
  const slotsHint = [
    fill(t('slots_hint'), {
      days: weekdayNames(config.service.weekdays),
      start: config.service.start,
      end: config.service.end,
      hours,
    }),
    ...(config.service.closed_on_public_holidays ? [t('holidays_hint')] : []),
  ].join(' ');
  const ltr = (input: HTMLElement) => {
    input.setAttribute('dir', 'ltr');
    return input;
  };

  const form = el(
    'form',
    { novalidate: '', 'aria-describedby': 'form-error' },
    el('div', { class: 'error summary', id: 'form-error', role: 'alert', tabindex: '-1' }),
    field('name', t('name'), el('input', { autocomplete: 'name' })),
    el(
      'fieldset',
      { 'aria-describedby': 'contact-hint' },
      el('legend', {}, `${t('phone')} / ${t('email')}`),
      el('div', { class: 'hint', id: 'contact-hint' }, t('contact_hint')),
      field('phone', t('phone'), ltr(el('input', { type: 'tel', autocomplete: 'tel', inputmode: 'tel' })), { optional: true }),
      field('email', t('email'), ltr(el('input', { type: 'email', autocomplete: 'email' })), { optional: true }),
    ),
    field(
      'contact_language',
      t('contact_language'),
      select(
        CONTACT_LANGUAGES.map((c) => ({ value: c, label: contactLanguageName(c) })),
        config.contact_language,
      ),
    ),
    field('municipality_code', t('municipality'), select(config.municipalities.map((m) => ({ value: m.code, label: m.name })))),
    radios('category', t('category'), config.categories),
    field('task_type', t('task_type'), select(config.task_types)),
    radios('mode', t('mode'), config.modes),
    el(
      'fieldset',
      {},
      el('legend', {}, t('slots'), ' ', el('span', { class: 'optional' }, `(${t('optional')})`)),
      el('div', { class: 'hint', id: 'slots-hint' }, slotsHint),
      ...Array.from({ length: config.max_slots }, (_, i) => slot(i)),
    ),
    field('description', t('description'), el('textarea', { rows: '5' }), { hint: t('description_hint'), optional: true }),
    el(
      'fieldset',
      { 'aria-describedby': 'eligibility-text' },
      el('legend', {}, t('eligibility_title')),
      el('p', { id: 'eligibility-text', class: 'note' }, open ? t('eligibility_open') : t('eligibility_members')),
      field('ofp_member_no', t('ofp_member_no'), ltr(el('input', { autocomplete: 'off' })), { optional: open }),
      ...(config.partners.length
        ? [
            field('partner_id', t('partner'), select(config.partners.map((p) => ({ value: String(p.id), label: p.name }))), {
              optional: open,
            }),
          ]
        : []),
    ),
    el(
      'section',
      { class: 'privacy', 'aria-labelledby': 'privacy-title' },
      el('h2', { id: 'privacy-title' }, t('privacy_title')),
      el('p', { id: 'privacy-text' }, t('privacy_text')),
      el(
        'div',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          name: 'consent',
          id: 'consent',
          'aria-required': 'true',
          'aria-describedby': 'privacy-text consent-error',
        }),
        el('label', { for: 'consent' }, t('consent')),
      ),
      errorLine('consent'),
    ),
    el(
      'section',
      { class: 'privacy', 'aria-labelledby': 'sensitive-title' },
      el('h2', { id: 'sensitive-title' }, t('sensitive_title')),
      el('p', { id: 'sensitive-text' }, t('sensitive_text')),
      field('sensitive_info', t('sensitive_info'), el('textarea', { rows: '3' }), { optional: true }),
      el(
        'div',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          name: 'sensitive_consent',
          id: 'sensitive_consent',
          'aria-describedby': 'sensitive-text sensitive_consent-error',
        }),
        el('label', { for: 'sensitive_consent' }, t('sensitive_consent')),
      ),
      errorLine('sensitive_consent'),
    ),
    el(
      'div',
      { class: 'trap', 'aria-hidden': 'true' },
      el('label', { for: 'website' }, 'Website'),
      el('input', { name: 'website', id: 'website', tabindex: '-1', autocomplete: 'off' }),
    ),
    el('button', { type: 'submit' }, t('submit')),
  );
  // A field's message goes once the resident changes it.
  const clear = (e: Event) => {
    const target = e.target as HTMLElement;
    const name = target.getAttribute('name') ?? '';
    const slotIndex = /^(date|start|end)(\d)$/.exec(name)?.[2];
    const key = slotIndex !== undefined ? `preferred_slots.${slotIndex}` : name === 'email' ? 'phone' : name;
    if (slotIndex !== undefined && name.startsWith('date')) return;
    if (document.getElementById(`${key}-error`)?.textContent) showError(key, '');
    if (name === 'email' && document.getElementById('email-error')?.textContent) showError('email', '');
    // Every problem fixed: the summary goes too.
    const left = [...form.querySelectorAll('.error')].some((line) => line.id !== 'form-error' && line.textContent);
    if (!left) document.getElementById('form-error')!.textContent = '';
  };
  form.addEventListener('input', clear);
  form.addEventListener('change', clear);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(form);
  });
  app.replaceChildren(languageSwitch(), el('h1', {}, t('title')), el('p', { class: 'lead' }, t('lead')), form);
}

function body(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (k: string) => String(data.get(k) ?? '').trim();
  const slots = Array.from({ length: config.max_slots }, (_, i) => i)
    .filter((i) => value(`date${i}`) && value(`start${i}`) && value(`end${i}`))
    .map((i) => ({
      start_at: `${value(`date${i}`)}T${value(`start${i}`)}:00+09:00`,
      end_at: `${value(`date${i}`)}T${value(`end${i}`)}:00+09:00`,
    }));
  const fields = [
    'name',
    'phone',
    'email',
    'contact_language',
    'municipality_code',
    'category',
    'task_type',
    'mode',
    'description',
    'ofp_member_no',
    'partner_id',
    'sensitive_info',
    'website',
  ];
  return {
    lang,
    ...Object.fromEntries(fields.map((f) => [f, value(f)])),
    preferred_slots: slots,
    consent: data.get('consent') === 'on',
    sensitive_consent: data.get('sensitive_consent') === 'on',
  };
}

/** An error line under its field; the field is marked invalid while it shows one. */
function showError(key: string, message: string) {
  const line = document.getElementById(`${key}-error`) ?? document.getElementById('form-error')!;
  line.textContent = message;
  const control = document.getElementById(key.startsWith('preferred_slots.') ? `date${key.split('.')[1]}` : key);
  if (control?.tagName === 'FIELDSET') control.classList.toggle('invalid', !!message);
  else if (control) {
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

async function send(form: HTMLFormElement) {
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
  for (const line of form.querySelectorAll('.error')) line.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  for (const group of form.querySelectorAll('.invalid')) group.classList.remove('invalid');
  button.disabled = true;
  button.textContent = t('sending');
  try {
    const res = await fetch('/api/public/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body(form)),
    });
    const json = await res.json().catch(() => ({}));
    if (res.status === 201) {
      const heading = el('h1', { tabindex: '-1' }, t('done'));
      app.replaceChildren(
        el(
          'div',
          { class: 'done' },
          heading,
          el('p', {}, t('reference')),
          el('p', { class: 'reference', dir: 'ltr' }, String(json.reference)),
        ),
      );
      heading.focus();
      return;
    }
    const errors = (json.errors ?? {}) as Record<string, string>;
    for (const [k, message] of Object.entries(errors)) showError(k, message);
    document.getElementById('form-error')!.textContent = json.message ?? t('error');
    // Focus the first field with a problem, in the order of the page.
    const firstError = [...form.querySelectorAll('.error')].find((line) => line.id !== 'form-error' && line.textContent);
    const key = firstError?.id.replace(/-error$/, '');
    let target = key ? document.getElementById(key.startsWith('preferred_slots.') ? `date${key.split('.')[1]}` : key) : null;
    if (target?.tagName === 'FIELDSET') target = target.querySelector('input');
    (target ?? document.getElementById('form-error'))?.focus();
  } catch {
    document.getElementById('form-error')!.textContent = t('error');
  } finally {
    button.disabled = false;
    button.textContent = t('submit');
  }
}

async function start() {
  const [catalogue, configuration] = await Promise.all([
    loadCatalogue(lang),
    fetch(`/api/public/form-config?lang=${encodeURIComponent(lang)}`).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<Config>;
    }),
  ]);
  T = catalogue;
  config = configuration;
  render();
}

start().catch(async () => {
  T ??= await loadCatalogue(lang).catch(() => undefined as unknown as FormTexts);
  app.replaceChildren(el('p', { class: 'error', role: 'alert' }, T ? t('error') : 'Error'));
});
