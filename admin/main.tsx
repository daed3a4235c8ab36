import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';
import { buildI18nProvider, loadMessages, savedLocale } from './providers/i18nProvider';

const start = async () => {
  const wanted = savedLocale();
  // A returning English user gets English from the first paint, without a Japanese flash;
  // if that chunk cannot load, Japanese (always bundled) is the fallback.
  const locale = await loadMessages(wanted).then(
    () => wanted,
    () => 'ja' as const,
  );
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  createRoot(root).render(
    <StrictMode>
      <Root i18nProvider={buildI18nProvider(locale)} />
    </StrictMode>,
  );
};

void start();
