// The kiosk: i18n, the connection watcher and the kiosk state, then the router (served
// under /kiosk/). The shell around every screen resets to the start screen after 20 s
// without input and on Escape.
import { createConnectionStatus } from "@readers/ui";
import {
  Navigate,
  Route,
  Router,
  type RouteSectionProps,
  useLocation,
  useNavigate,
} from "@solidjs/router";
import { type Component, onCleanup, type ParentComponent, Show } from "solid-js";
import { KioskLayout } from "./components/layout.tsx";
import { createKioskI18n, I18nProvider, type KioskI18n } from "./i18n/index.ts";
import { useIdleReset } from "./lib/idle.ts";
import { CameraScreen } from "./routes/camera.tsx";
import { MemberNumberScreen } from "./routes/member-number.tsx";
import { NameSearchScreen } from "./routes/name-search.tsx";
import { ResultScreen } from "./routes/result.tsx";
import { ShelfScreen } from "./routes/shelf.tsx";
import { StaffScreen } from "./routes/staff.tsx";
import { StartRoute } from "./routes/start.tsx";
import { WalkInScreen } from "./routes/walk-in.tsx";
import { type KioskDeps, KioskProvider, useKiosk } from "./state.tsx";

/** Screens that need a paired kiosk; an unpaired one goes back to pairing. */
function paired(Screen: Component): Component {
  return () => {
    const kiosk = useKiosk();
    return (
      <Show when={kiosk.pairing()} fallback={<Navigate href="/" />}>
        <Screen />
      </Show>
    );
  };
}

/** The route table, shared by the app and by tests (which use a memory history). */
export const KioskRoutes: Component = () => (
  <>
    <Route path="/" component={StartRoute} />
    <Route path="/number" component={paired(MemberNumberScreen)} />
    <Route path="/name" component={paired(NameSearchScreen)} />
    <Route path="/camera" component={paired(CameraScreen)} />
    <Route path="/walk-in" component={paired(WalkInScreen)} />
    <Route path="/result" component={paired(ResultScreen)} />
    <Route path="/staff" component={paired(StaffScreen)} />
    <Route path="/books" component={paired(ShelfScreen)} />
    {/* A kiosk has no address bar: anything else goes back to the start screen. */}
    <Route path="*" component={() => <Navigate href="/" />} />
  </>
);

/** The frame of every screen, with the idle reset and Escape going home. */
export const KioskShell: ParentComponent<RouteSectionProps> = (props) => {
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const location = useLocation();
  function home() {
    kiosk.reset();
    if (location.pathname !== "/") navigate("/", { replace: true });
  }
  useIdleReset({ active: () => true, onIdle: home });
  const onKey = (event: KeyboardEvent) => {
    if (event.key === "Escape" && location.pathname !== "/") home();
  };
  document.addEventListener("keydown", onKey);
  onCleanup(() => document.removeEventListener("keydown", onKey));
  return <KioskLayout>{props.children}</KioskLayout>;
};

export const App: Component<{ i18n?: KioskI18n; deps?: Omit<KioskDeps, "connection"> }> = (
  props,
) => {
  const i18n = props.i18n ?? createKioskI18n();
  const connection = createConnectionStatus({ healthUrl: "/health" });
  return (
    <I18nProvider value={i18n}>
      <KioskProvider connection={connection} {...props.deps}>
        <Router base="/kiosk" root={KioskShell}>
          <KioskRoutes />
        </Router>
      </KioskProvider>
    </I18nProvider>
  );
};
