// Renders the whole portal (layout, routes, providers) at a path, on a memory history.
import type { Locale } from "@readers/ui";
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { Routes } from "../src/app.tsx";
import { Layout } from "../src/components/layout.tsx";
import { createPortalI18n, I18nProvider } from "../src/i18n/index.ts";
import { SessionProvider } from "../src/session.tsx";

export function renderPortal(path: string, options: { locale?: Locale } = {}) {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const i18n = createPortalI18n({ preferred: [options.locale ?? "en"] });
  const result = render(() => (
    <I18nProvider value={i18n}>
      <SessionProvider>
        <MemoryRouter history={history} root={Layout}>
          <Routes />
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>
  ));
  return { ...result, history, i18n };
}
