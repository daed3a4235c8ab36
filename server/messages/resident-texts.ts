import { toTokyoIso } from '../domain/time.js';
import { matchFormLang } from '../public/i18n/keys.js';
import faAF from './resident-texts/fa-AF.js';
import id from './resident-texts/id.js';
import ko from './resident-texts/ko.js';
import my from './resident-texts/my.js';
import ne from './resident-texts/ne.js';
import ps from './resident-texts/ps.js';
import pt from './resident-texts/pt.js';
import ru from './resident-texts/ru.js';
import tl from './resident-texts/tl.js';
import tr from './resident-texts/tr.js';
import type { ResidentCatalogue } from './resident-texts/types.js';
import uk from './resident-texts/uk.js';
import vi from './resident-texts/vi.js';
import zhHans from './resident-texts/zh-Hans.js';
import zhHant from './resident-texts/zh-Hant.js';

/**
 * What residents receive, in their language: the request form's 17 languages (keyed by the
 * form's language codes). ja, やさしい日本語 and en are here, the others one file each under
 * `resident-texts/`. A language without a catalogue falls back to やさしい日本語 (`ja-easy`).
 */
const jaDate = (s: string, e: string) =>
  `${s.slice(0, 4)}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}〜${e.slice(11, 16)}`;

export const RESIDENT_TEXTS: Record<string, ResidentCatalogue> = {
  ja: {
    confirmation: { subject: 'スポットおとなりさん: お手伝いの日時が決まりました', intro: 'お手伝いの日時が決まりました。' },
    reminder: { subject: 'スポットおとなりさん: 明日のお手伝いのお知らせ', intro: '明日のお手伝いのお知らせです。' },
    cancellation: { subject: 'スポットおとなりさん: お手伝いの取り消し', intro: '次のお手伝いは取り消しになりました。' },
    feedback: {
      subject: 'スポットおとなりさん: お手伝いはいかがでしたか',
      intro: 'お手伝いはいかがでしたか。よろしければ、次のページからご感想をお聞かせください（1 分ほど）。',
    },
    feedbackPage: {
      title: 'お手伝いのご感想',
      question: 'お手伝いはいかがでしたか。',
      ratings: ['とても不満', '不満', 'ふつう', '満足', 'とても満足'],
      comment: 'ご意見・ご感想（どの言語でもかまいません。任意）',
      send: '送信する',
      thanks: 'ありがとうございました。いただいたご感想は、今後の活動に生かします。',
      closed: 'このページはもう使えません（送信済み、または期限切れです）。',
    },
    when: '日時',
    where: '場所',
    online: 'オンライン',
    volunteer: 'ボランティア',
    closing: 'ご不明な点は、このメールに返信してください。',
    date: jaDate,
  },
  'ja-easy': {
    confirmation: { subject: 'スポットおとなりさん: てつだう 日が きまりました', intro: 'てつだう 日と 時間が きまりました。' },
    reminder: { subject: 'スポットおとなりさん: あしたは てつだう 日です', intro: 'あしたは てつだう 日です。' },
    cancellation: { subject: 'スポットおとなりさん: てつだいは なくなりました', intro: 'つぎの てつだいは なくなりました。' },
    feedback: {
      subject: 'スポットおとなりさん: てつだいは どうでしたか',
      intro: 'てつだいは どうでしたか。よければ、つぎの ページで おしえて ください。',
    },
    feedbackPage: {
      title: 'てつだいは どうでしたか',
      question: 'てつだいは どうでしたか。',
      ratings: ['とても よくない', 'よくない', 'ふつう', 'よい', 'とても よい'],
      comment: 'いいたい こと（どの ことばでも いいです。かかなくても いいです）',
      send: 'おくる',
      thanks: 'ありがとう ございました。',
      closed: 'この ページは もう つかえません。',
    },
    when: 'いつ',
    where: 'どこ',
    online: 'オンライン（インターネット）',
    volunteer: 'てつだう 人',
    closing: 'わからない ことが あれば、この メールに へんじを して ください。',
    date: jaDate,
  },
  en: {
    confirmation: { subject: 'Spot Otonari-san: your help is arranged', intro: 'The date and time of your help are now fixed.' },
    reminder: { subject: 'Spot Otonari-san: your help is tomorrow', intro: 'This is a reminder: your help is tomorrow.' },
    cancellation: { subject: 'Spot Otonari-san: your help is cancelled', intro: 'The following help has been cancelled.' },
    feedback: {
      subject: 'Spot Otonari-san: how was your help?',
      intro: 'How was the help you received? If you like, tell us on this page (about one minute).',
    },
    feedbackPage: {
      title: 'Your feedback',
      question: 'How was the help you received?',
      ratings: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
      comment: 'Comments (in any language; optional)',
      send: 'Send',
      thanks: 'Thank you. Your feedback helps us improve.',
      closed: 'This page can no longer be used (already answered, or expired).',
    },
    when: 'When',
    where: 'Where',
    online: 'Online',
    volunteer: 'Volunteer',
    closing: 'If you have any questions, please reply to this e-mail.',
    date: (s, e) => `${s.slice(0, 10)} ${s.slice(11, 16)}–${e.slice(11, 16)} (Japan time)`,
  },
  'zh-Hans': zhHans,
  'zh-Hant': zhHant,
  ko,
  vi,
  ne,
  uk,
  ru,
  tl,
  pt,
  id,
  my,
  tr,
  'fa-AF': faAF,
  ps,
};

export const RESIDENT_FALLBACK = 'ja-easy';

/**
 * The catalogue language used for a resident's preferred language: the ISO 639-1 codes stored on
 * requests and clients (`zh` → zh-Hans, `fa` → fa-AF) and the form's own codes, as the form maps them.
 */
export function residentLanguage(code: string | null | undefined): string {
  if (!code) return RESIDENT_FALLBACK;
  if (RESIDENT_TEXTS[code]) return code;
  const lang = matchFormLang(code);
  return lang && RESIDENT_TEXTS[lang] ? lang : RESIDENT_FALLBACK;
}

export function residentText(
  kind: 'confirmation' | 'reminder' | 'cancellation',
  language: string | null | undefined,
  facts: { name: string; start_at: Date | null; end_at: Date | null; where: string | null; online: boolean; volunteer: string | null },
) {
  const lang = residentLanguage(language);
  const t = RESIDENT_TEXTS[lang]!;
  const when = facts.start_at && facts.end_at ? t.date(toTokyoIso(facts.start_at), toTokyoIso(facts.end_at)) : '';
  const lines = [`${facts.name}`, '', t[kind].intro, '', `${t.when}: ${when}`];
  if (kind !== 'cancellation') {
    lines.push(`${t.where}: ${facts.online ? t.online : (facts.where ?? '')}`);
    if (facts.volunteer) lines.push(`${t.volunteer}: ${facts.volunteer}`);
  }
  lines.push('', t.closing, '', 'スポットおとなりさん / Spot Otonari-san');
  return { language: lang, subject: t[kind].subject, body: lines.join('\n') };
}
