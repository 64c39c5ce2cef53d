// The kiosk frame: a header with the connection state and the language toggle always in
// reach, a short navigation, and the full-height main area.
import { ConnectionIndicator, type ConnectionState, LanguageSwitch } from "@readers/ui";
import { A } from "@solidjs/router";
import type { Accessor, ParentComponent } from "solid-js";
import { useI18n } from "../i18n/index.ts";

export const KioskLayout: ParentComponent<{ connection: Accessor<ConnectionState> }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
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
        <ConnectionIndicator state={props.connection()} labels={labels()} />
        <LanguageSwitch
          label={t("layout.language")}
          locale={i18n.locale()}
          onChange={i18n.setLocale}
        />
      </header>
      <main id="main" class="kiosk-main">
        {props.children}
      </main>
    </div>
  );
};
