import { CATEGORIES, MODES, TASK_TYPES } from '../../server/domain/enums';
import { CONTACT_LANGUAGES, ENUM_TEXTS, text, type Lang, type TextKey } from './texts';

/** The residents' request form: no framework, so the page stays a few kilobytes. */
type Municipality = { code: string; name_ja: string; name_en: string };
let lang: Lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
let municipalities: Municipality[] = [];
const app = document.getElementById('app')!;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};
const t = (key: TextKey) => text(lang, key);
const options = (values: readonly string[], label: (v: string) => string) => [
  el('option', { value: '' }, t('choose')),
  ...values.map((v) => el('option', { value: v }, label(v))),
];
const enumLabel = (group: 'category' | 'task_type' | 'mode', v: string) => (ENUM_TEXTS[lang][group] as Record<string, string>)[v] ?? v;
const languageName = (code: string) => new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;

function field(name: string, label: TextKey, control: HTMLElement, hint?: TextKey) {
  control.id = name;
  control.setAttribute('name', name);
  return el(
    'div',
    {},
    el('label', { for: name }, t(label), ...(hint ? [' ', el('span', { class: 'hint' }, t(hint))] : [])),
    control,
    el('div', { class: 'error', id: `${name}-error` }),
  );
}

function slot(i: number) {
  const times = Array.from({ length: 39 }, (_, k) => 8 * 60 + 30 + k * 15).map(
    (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  );
  const select = (name: string) =>
    el(
      'select',
      { name: `${name}${i}`, 'aria-label': t(name as TextKey) },
      el('option', { value: '' }, '--:--'),
      ...times.map((v) => el('option', { value: v }, v)),
    );
  return el(
    'div',
    {},
    el('div', { class: 'slot' }, el('input', { type: 'date', name: `date${i}`, 'aria-label': t('date') }), select('start'), select('end')),
    el('div', { class: 'error', id: `preferred_slots.${i}-error` }),
  );
}

function render() {
  document.documentElement.lang = lang;
  document.title = t('title');
  const langs = el(
    'div',
    { class: 'langs' },
    ...(['ja', 'en'] as Lang[]).map((l) => {
      const b = el('button', { type: 'button' }, l === 'ja' ? '日本語' : 'English');
      b.addEventListener('click', () => {
        lang = l;
        render();
      });
      return b;
    }),
  );
  const form = el(
    'form',
    { novalidate: '' },
    field('name', 'name', el('input', { autocomplete: 'name' })),
    field('phone', 'phone', el('input', { type: 'tel', autocomplete: 'tel' }), 'contact_hint'),
    field('email', 'email', el('input', { type: 'email', autocomplete: 'email' })),
    field('contact_language', 'contact_language', el('select', {}, ...options(CONTACT_LANGUAGES, languageName))),
    field(
      'municipality_code',
      'municipality',
      el(
        'select',
        {},
        ...options(
          municipalities.map((m) => m.code),
          (c) => {
            const m = municipalities.find((x) => x.code === c)!;
            return lang === 'ja' ? m.name_ja : m.name_en;
          },
        ),
      ),
    ),
    field('category', 'category', el('select', {}, ...options(CATEGORIES, (v) => enumLabel('category', v)))),
    field('task_type', 'task_type', el('select', {}, ...options(TASK_TYPES, (v) => enumLabel('task_type', v)))),
    field('mode', 'mode', el('select', {}, ...options(MODES, (v) => enumLabel('mode', v)))),
    el('fieldset', {}, el('legend', {}, t('slots'), ' ', el('span', { class: 'hint' }, t('slots_hint'))), slot(0), slot(1), slot(2)),
    field('description', 'description', el('textarea', {})),
    field('ofp_member_no', 'ofp_member_no', el('input', {})),
    field('partner_name', 'partner_name', el('input', {})),
    el('div', { class: 'trap', 'aria-hidden': 'true' }, el('input', { name: 'website', tabindex: '-1', autocomplete: 'off' })),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'consent', id: 'consent' }), t('consent')),
    el('div', { class: 'error', id: 'consent-error' }),
    el('div', { class: 'error', id: 'form-error', role: 'alert' }),
    el('button', { type: 'submit' }, t('submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send(form);
  });
  app.replaceChildren(langs, el('h1', {}, t('title')), el('p', { class: 'lead' }, t('lead')), form);
}

function body(form: HTMLFormElement) {
  const data = new FormData(form);
  const value = (k: string) => String(data.get(k) ?? '');
  const slots = [0, 1, 2]
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
    'partner_name',
    'website',
  ];
  return { lang, ...Object.fromEntries(fields.map((f) => [f, value(f)])), preferred_slots: slots, consent: data.get('consent') === 'on' };
}

async function send(form: HTMLFormElement) {
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
  for (const e of form.querySelectorAll('.error')) e.textContent = '';
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
      app.replaceChildren(
        el('div', { class: 'done' }, el('h1', {}, t('done')), el('p', {}, t('reference')), el('p', { class: 'reference' }, json.reference)),
      );
      return;
    }
    for (const [k, message] of Object.entries((json.errors ?? {}) as Record<string, string>)) {
      const target = document.getElementById(`${k}-error`) ?? document.getElementById('form-error')!;
      target.textContent = message;
    }
    if (!json.errors) document.getElementById('form-error')!.textContent = json.message ?? t('error');
  } catch {
    document.getElementById('form-error')!.textContent = t('error');
  } finally {
    button.disabled = false;
    button.textContent = t('submit');
  }
}

fetch('/api/public/municipalities')
  .then((r) => r.json())
  .then((list: Municipality[]) => (municipalities = list))
  .catch(() => undefined)
  .finally(render);
