// The kiosk frame: a header with the connection state and the language toggle always in
// reach, a short navigation, the full-height main area, and the live region that reads
// out each check-in result (it exists before any result, so screen readers announce it).
import { ConnectionIndicator, type ConnectionState, LanguageSwitch } from "@readers/ui";
import { A } from "@solidjs/router";
import type { ParentComponent } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import { useKiosk } from "../state.tsx";

export const KioskLayout: ParentComponent = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const labels = (): Record<ConnectionState, string> => ({
    checking: t("connection.checking"),
    online: t("connection.online"),
    offline: t("connection.offline"),
    "server-unreachable": t("connection.server-unreachable"),
  });
  return (
    <div class="kiosk">
      <header class="kiosk-header">
        <p class="kiosk-brand">{t("app.association")}</p>
        <nav aria-label={t("layout.nav")} class="kiosk-nav">
          <A href="/" end>
            {t("layout.start")}
          </A>
        </nav>
        <ConnectionIndicator state={kiosk.connection()} labels={labels()} />
        <LanguageSwitch
          label={t("layout.language")}
          locale={i18n.locale()}
          onChange={i18n.setLocale}
        />
      </header>
      <main id="main" class="kiosk-main">
        {props.children}
      </main>
      <div class="visually-hidden" aria-live="assertive" aria-atomic="true">
        {kiosk.announcement()}
      </div>
    </div>
  );
};
