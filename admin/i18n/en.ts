import english_messages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { en_enums } from './en_enums';
import { en_resources } from './en_resources';
import type { ja_app } from './ja';
import type { SameKeys } from './shape';

const en_app: SameKeys<typeof ja_app> = {
  app: { title: 'Spot Otonari-san back office' },
  dashboard: {
    greeting: 'Hello, %{name}',
    requests_by_status: 'Requests by status',
    unavailable: '—',
  },
  ra: { auth: { username: 'Email' } },
  resources: en_resources,
  enums: en_enums,
};

export const en_messages: TranslationMessages = mergeTranslations(english_messages, en_app);
