/** Field messages of the residents' form, in the form's language (English where a language has none). */
export const FORM_LANGS = ['ja', 'en', 'zh', 'ko', 'vi', 'uk', 'ne', 'tl', 'pt', 'es'] as const;
export type FormLang = (typeof FORM_LANGS)[number];

type Key =
  | 'required'
  | 'too_long'
  | 'contact'
  | 'email'
  | 'phone'
  | 'language'
  | 'municipality'
  | 'out_of_area'
  | 'choice'
  | 'slot'
  | 'slots'
  | 'consent'
  | 'honeypot'
  | 'invalid'
  | 'control'
  | 'broken'
  | 'too_many';

const MESSAGES: Record<'ja' | 'en', Record<Key, string>> = {
  ja: {
    required: '入力してください。',
    too_long: '長すぎます。',
    contact: '電話番号かメールアドレスのどちらかを入力してください。',
    email: 'メールアドレスの形式が正しくありません。',
    phone: '電話番号は数字とハイフンで入力してください。',
    language: '言語を選んでください。',
    municipality: 'お住まいの区市町村を選んでください。',
    out_of_area: 'この地域は現在サービスの対象外です。',
    choice: '選択肢から選んでください。',
    slot: '希望日時はサービス時間 (平日・土曜 8:30〜18:00、3 時間以内) の中で選んでください。',
    slots: '希望日時は 3 つまでです。',
    consent: '個人情報の取り扱いに同意してください。',
    honeypot: '送信できませんでした。',
    invalid: '入力内容を確認してください。',
    control: '使用できない制御文字が含まれています。',
    broken: '読み取れない文字が含まれています。',
    too_many: '送信が多すぎます。しばらくしてからもう一度お試しください。',
  },
  en: {
    required: 'Please fill this in.',
    too_long: 'This is too long.',
    contact: 'Please give a phone number or an email address.',
    email: 'This email address does not look right.',
    phone: 'Please enter the phone number with digits and hyphens.',
    language: 'Please choose a language.',
    municipality: 'Please choose the city or ward where you live.',
    out_of_area: 'We do not serve this area yet.',
    choice: 'Please choose one of the options.',
    slot: 'Please choose times within service hours (weekdays and Saturdays, 8:30–18:00, up to 3 hours).',
    slots: 'Please choose at most 3 preferred times.',
    consent: 'Please agree to how we handle your personal information.',
    honeypot: 'The form could not be sent.',
    invalid: 'Please check what you entered.',
    control: 'This contains a control character that cannot be used.',
    broken: 'This contains a character that cannot be read.',
    too_many: 'Too many requests. Please try again later.',
  },
};

export function formMessage(lang: string, key: Key): string {
  return (lang === 'ja' ? MESSAGES.ja : MESSAGES.en)[key];
}
