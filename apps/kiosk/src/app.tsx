// The kiosk: i18n, the connection watcher, then the router (served under /kiosk/).
import { type ConnectionState, createConnectionStatus } from "@readers/ui";
import { Navigate, Route, Router, type RouteSectionProps } from "@solidjs/router";
import type { Accessor, Component } from "solid-js";
import { KioskLayout } from "./components/layout.tsx";
import { createKioskI18n, I18nProvider, type KioskI18n } from "./i18n/index.ts";
import { StartScreen } from "./routes/start.tsx";

/** The route table, shared by the app and by tests (which use a memory history). */
export const KioskRoutes: Component = () => (
  <>
    <Route path="/" component={StartScreen} />
    {/* A kiosk has no address bar: anything else goes back to the start screen. */}
    <Route path="*" component={() => <Navigate href="/" />} />
  </>
);

export function kioskRoot(connection: Accessor<ConnectionState>) {
  return (props: RouteSectionProps) => (
    <KioskLayout connection={connection}>{props.children}</KioskLayout>
  );
}

export const App: Component<{ i18n?: KioskI18n }> = (props) => {
  const i18n = props.i18n ?? createKioskI18n();
  const connection = createConnectionStatus({ healthUrl: "/health" });
  return (
    <I18nProvider value={i18n}>
      <Router base="/kiosk" root={kioskRoot(connection)}>
        <KioskRoutes />
      </Router>
    </I18nProvider>
  );
};
