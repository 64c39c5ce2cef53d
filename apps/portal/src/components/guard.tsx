// A page's content for signed-in people only (others go to sign in and come back), and,
// with `action`, only for those whose privileges (me.get) include that procedure.
import { Navigate, useLocation } from "@solidjs/router";
import { Match, type ParentComponent, Switch } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import { trpcErrorKey } from "../lib/errors.ts";
import { useSession } from "../session.tsx";
import { ErrorNotice, Loading } from "./status.tsx";

export const Guard: ParentComponent<{ action?: string }> = (props) => {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const next = () => encodeURIComponent(location.pathname + location.search);
  return (
    <Switch>
      <Match when={session.me.error}>
        <ErrorNotice onRetry={() => void session.refresh()}>
          {t(trpcErrorKey(session.me.error))}
        </ErrorNotice>
      </Match>
      <Match when={session.me.loading && !session.me.latest}>
        <Loading />
      </Match>
      <Match when={!session.account()}>
        <Navigate href={`/sign-in?next=${next()}`} />
      </Match>
      <Match when={props.action && !session.can(props.action)}>
        <ErrorNotice>{t("guard.forbidden")}</ErrorNotice>
      </Match>
      <Match when={session.account()}>{props.children}</Match>
    </Switch>
  );
};
