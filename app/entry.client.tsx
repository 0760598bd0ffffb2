import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { isLang } from './context.ts';
import { LangContext } from './i18n/index.ts';

const htmlLang = document.documentElement.lang;
const lang = isLang(htmlLang) ? htmlLang : 'vi';

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <LangContext value={lang}>
        <HydratedRouter />
      </LangContext>
    </StrictMode>,
  );
});
