// A guest's registration through the link they were given (?token=…): the activity, their
// registration and a way to cancel it, no account needed. The token never leaves this page
// except to the API.
import { A, useSearchParams } from "@solidjs/router";
import { type Component, createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Page } from "../components/page.tsx";
import { CancelRegistration, RegistrationStatusText } from "../components/registration-panel.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { trpcCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

export const ManageRegistrationPage: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const [params] = useSearchParams<{ token?: string }>();
  const token = () => params.token?.trim() || undefined;
  // Once me.get has answered, so times are shown in the association's zone from the start.
  const [managed, { refetch }] = createResource(
    () => (session.ready() ? token() : undefined),
    (value) => trpc.registrations.manage.query({ token: value }),
  );
  const [done, setDone] = createSignal<string>();
  const current = () => (managed.error ? undefined : managed.latest);

  return (
    <Page title={t("manage.title")} class="page--narrow">
      <Show when={done()}>
        {(text) => (
          <SuccessNotice>
            <p>{text()}</p>
          </SuccessNotice>
        )}
      </Show>
      <Switch>
        <Match when={!token()}>
          <ErrorNotice>{t("manage.noToken")}</ErrorNotice>
        </Match>
        <Match when={managed.error && trpcCode(managed.error) === "NOT_FOUND"}>
          <ErrorNotice>{t("manage.invalid")}</ErrorNotice>
        </Match>
        <Match when={managed.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(managed.error)}</ErrorNotice>
        </Match>
        <Match when={!current()}>
          <Loading />
        </Match>
        <Match when={current()}>
          {(view) => (
            <section class="card" aria-labelledby="managed-activity">
              <h2 id="managed-activity">
                <A href={`/activities/${encodeURIComponent(view().activity.id)}`}>
                  {view().activity.title}
                </A>
              </h2>
              <dl class="facts">
                <Show when={view().guestName}>
                  {(name) => (
                    <div>
                      <dt>{t("manage.name")}</dt>
                      <dd>{name()}</dd>
                    </div>
                  )}
                </Show>
                <div>
                  <dt>{t("activity.when")}</dt>
                  <dd>
                    <time datetime={view().activity.startsAt}>
                      {fmt.range(view().activity.startsAt, view().activity.endsAt)}
                    </time>
                  </dd>
                </div>
                <div>
                  <dt>{t("activity.where")}</dt>
                  <dd>{view().activity.location?.name ?? t("common.notSet")}</dd>
                </div>
                <div>
                  <dt>{t("manage.party")}</dt>
                  <dd>{i18n.plural(t("register.people"), view().registration.partySize)}</dd>
                </div>
                <div>
                  <dt>{t("manage.status")}</dt>
                  <dd>
                    <RegistrationStatusText registration={view().registration} />
                  </dd>
                </div>
              </dl>
              <Show when={view().activity.status === "cancelled"}>
                <ErrorNotice>{t("activity.cancelledNotice")}</ErrorNotice>
              </Show>
              <Show when={view().activity.status !== "cancelled" && view().checkInQrSvg}>
                {(svg) => (
                  <figure class="check-in-code">
                    {/* Server-made SVG of our own link (qrcode), not user input. */}
                    <div
                      class="check-in-code__qr"
                      role="img"
                      aria-label={t("manage.checkInCode")}
                      innerHTML={svg()}
                    />
                    <figcaption>{t("manage.checkInHint")}</figcaption>
                  </figure>
                )}
              </Show>
              <Show when={view().registration.status !== "cancelled"}>
                <CancelRegistration
                  activity={view().activity}
                  registration={view().registration}
                  manageToken={token()}
                  onCancelled={(late) => {
                    setDone(late ? t("register.cancelledLate") : t("register.cancelled"));
                    void refetch();
                  }}
                />
              </Show>
            </section>
          )}
        </Match>
      </Switch>
    </Page>
  );
};
