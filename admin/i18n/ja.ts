import english_messages from 'ra-language-english';
import * as japanese_module from '@bicstone/ra-language-japanese';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { ja_enums } from './ja_enums';
import { ja_resources } from './ja_resources';
import { unwrapDefault } from './shape';

export const ja_app = {
  app: { title: 'スポットおとなりさん 管理画面' },
  dashboard: {
    greeting: '%{name}さん、おつかれさまです',
    requests_by_status: '状況別の依頼',
    unavailable: '—',
  },
  // The login form's first field is named "username" in react-admin; ours is an email.
  ra: { auth: { username: 'メールアドレス' } },
  resources: ja_resources,
  enums: ja_enums,
};

const japanese_messages = unwrapDefault<TranslationMessages>(japanese_module, 'ra');

// English first: the Japanese pack lacks a few keys (ra.validation.unique, ra.guesser.*).
export const ja_messages: TranslationMessages = mergeTranslations(english_messages, japanese_messages, ja_app);
