import { en_enums } from '../../server/domain/messages/en_enums';
import { ja_enums } from '../../server/domain/messages/ja_enums';

export type Lang = 'ja' | 'en';

const TEXTS = {
  ja: {
    title: 'スポットおとなりさん 依頼フォーム',
    lead: '外国人住民の方の困りごとを、地域のボランティアが一回だけお手伝いします (無料。ボランティアの交通費と振込手数料はご負担ください)。',
    name: 'お名前',
    phone: '電話番号',
    email: 'メールアドレス',
    contact_hint: 'どちらか一つは必ず入力してください。',
    contact_language: '連絡に使う言語',
    municipality: 'お住まいの区市町村',
    category: '分野',
    task_type: '内容',
    mode: '方法',
    slots: '希望日時 (3 つまで)',
    slots_hint: '平日・土曜 8:30〜18:00、3 時間以内',
    date: '日付',
    start: '開始',
    end: '終了',
    description: '困っていること',
    ofp_member_no: 'OFP 会員番号 (あれば)',
    partner_name: '紹介してくれた団体 (あれば)',
    consent: 'いただいた個人情報を、この依頼への対応のためだけに使うことに同意します。',
    submit: '送信する',
    sending: '送信中…',
    choose: '選んでください',
    done: '受け付けました。担当者からご連絡します。',
    reference: '受付番号',
    error: '送信できませんでした。時間をおいてもう一度お試しください。',
  },
  en: {
    title: 'Spot Otonari-san request form',
    lead: 'Local volunteers give foreign residents one-time help (free of charge; you pay the volunteer’s transport and any bank-transfer fee).',
    name: 'Your name',
    phone: 'Phone',
    email: 'Email',
    contact_hint: 'Please give at least one of them.',
    contact_language: 'Language for contacting you',
    municipality: 'City or ward where you live',
    category: 'Area of help',
    task_type: 'What you need',
    mode: 'How',
    slots: 'Preferred times (up to 3)',
    slots_hint: 'Weekdays and Saturdays, 8:30–18:00, up to 3 hours',
    date: 'Date',
    start: 'From',
    end: 'To',
    description: 'What is the problem?',
    ofp_member_no: 'OFP member number (if any)',
    partner_name: 'Organisation that referred you (if any)',
    consent: 'I agree that my personal information is used only to handle this request.',
    submit: 'Send',
    sending: 'Sending…',
    choose: 'Please choose',
    done: 'Thank you. A coordinator will contact you.',
    reference: 'Reference number',
    error: 'The form could not be sent. Please try again later.',
  },
} as const;

export type TextKey = keyof (typeof TEXTS)['ja'];
export const text = (lang: Lang, key: TextKey) => TEXTS[lang][key];
export const ENUM_TEXTS = { ja: ja_enums, en: en_enums };

/** Languages residents most often use, named in their own script by the browser. */
export const CONTACT_LANGUAGES = ['ja', 'en', 'zh', 'ko', 'vi', 'uk', 'ru', 'ne', 'tl', 'pt', 'es', 'my', 'fa', 'ps', 'id', 'th'];
