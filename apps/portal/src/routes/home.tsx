// Home: who is signed in (name, e-mail, role) and their unread count; an invitation otherwise.
import { A, useSearchParams } from "@solidjs/router";
import { type Component, Match, Show, Switch } from "solid-js";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { trpcErrorKey } from "../lib/errors.ts";
import { type Account, useSession } from "../session.tsx";

const AccountCard: Component<{ account: Account }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  return (
    <section class="card" aria-labelledby="account-heading">
      <h2 id="account-heading">{t("home.signedInTitle")}</h2>
      <p>{t("home.signedInAs", { name: props.account.name })}</p>
      <dl class="facts">
        <div>
          <dt>{t("home.name")}</dt>
          <dd>{props.account.name}</dd>
        </div>
        <div>
          <dt>{t("home.email")}</dt>
          <dd>{props.account.email}</dd>
        </div>
        <div>
          <dt>{t("home.role")}</dt>
          <dd>{t(`home.roles.${props.account.role}`)}</dd>
        </div>
      </dl>
      <Show when={session.unreadCount() !== undefined}>
        <p>
          {session.unreadCount()
            ? i18n.plural(t("home.unread"), session.unreadCount() ?? 0)
            : t("home.noUnread")}{" "}
          <A href="/notifications">{t("home.openNotifications")}</A>
        </p>
      </Show>
    </section>
  );
};

export const HomePage: Component = () => {
  const { t } = useI18n();
  const session = useSession();
  // Set by the profile page after deleting the account (the session is gone by then).
  const [params] = useSearchParams<{ accountDeleted?: string }>();
  return (
    <Page title={t("home.title")}>
      <Show when={params.accountDeleted && !session.account()}>
        <SuccessNotice>
          <p>{t("home.accountDeleted")}</p>
        </SuccessNotice>
      </Show>
      <p class="lead">{t("home.intro")}</p>
      <Switch>
        <Match when={session.me.error}>
          <ErrorNotice onRetry={() => void session.refresh()}>
            {t("home.loadFailed")} {t(trpcErrorKey(session.me.error))}
          </ErrorNotice>
        </Match>
        <Match when={session.me.loading && !session.me.latest}>
          <Loading />
        </Match>
        <Match when={session.account()}>{(account) => <AccountCard account={account()} />}</Match>
        <Match when={!session.account()}>
          <section class="card" aria-labelledby="join-heading">
            <h2 id="join-heading">{t("home.anonymousTitle")}</h2>
            <p>{t("home.anonymousBody")}</p>
            <p class="actions">
              <A class="button" href="/sign-up">
                {t("nav.signUp")}
              </A>
              <A class="button button--secondary" href="/sign-in">
                {t("nav.signIn")}
              </A>
            </p>
          </section>
        </Match>
      </Switch>
    </Page>
  );
};
