import { RemixBrowser } from '@remix-run/react';
import i18next from 'i18next';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { i18nOptions } from './lib/i18n';
import type { RootData } from './root';

// The root loader sends the catalog of the page's language only, so the browser never downloads the others.
const root = window.__remixContext.state.loaderData?.root as RootData | undefined;
const locale = root?.locale ?? 'ar';

void i18next
  .use(initReactI18next)
  .init({ ...i18nOptions, lng: locale, resources: root ? { [locale]: { translation: root.messages } } : {} })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
