// One activity for everyone: when, where, what (the description as the sanitised HTML the
// API renders), seats left kept live, the reader's registration or the way to register,
// "add to calendar", featured books and co-hosting partners.
import { A, useParams } from "@solidjs/router";
import {
  type Component,
  createResource,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
} from "solid-js";
import { PhaseBadge, useSeatsText } from "../components/activity-facts.tsx";
import { Page } from "../components/page.tsx";
import { RegistrationPanel } from "../components/registration-panel.tsx";
import { ErrorNotice, Loading } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import type { ActivityDetail } from "../lib/activities.ts";
import { trpcCode } from "../lib/errors.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";
import { useSession } from "../session.tsx";

/** Seats and the reader's waitlist place are asked for again this often while the page is open. */
export const ACTIVITY_REFRESH_MS = 15_000;

const ActivityContent: Component<{ detail: ActivityDetail; onChanged: () => void }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const seats = useSeatsText();
  const a = () => props.detail;
  return (
    <>
      <Show when={a().summary}>
        <p class="lead">{a().summary}</p>
      </Show>
      <Show when={a().status === "cancelled"}>
        <ErrorNotice>
          {t("activity.cancelledNotice")}
          <Show when={a().cancellationReason}>
            {(reason) => <> {t("activity.cancelledReason", { reason: reason() })}</>}
          </Show>
        </ErrorNotice>
      </Show>
      <dl class="facts">
        <div>
          <dt>{t("activity.when")}</dt>
          <dd>
            <time datetime={a().startsAt}>{fmt.range(a().startsAt, a().endsAt)}</time>{" "}
            <Show when={a().phase !== "upcoming"}>
              <PhaseBadge phase={a().phase} />
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t("activity.where")}</dt>
          <dd>
            {a().location?.name ?? t("common.notSet")}
            <Show when={a().location?.address}>
              {(address) => <span class="event-detail">{address()}</span>}
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t("activity.kind")}</dt>
          <dd>{t(`activity.kinds.${a().kind}`)}</dd>
        </div>
        <div>
          <dt>{t("activity.audience")}</dt>
          <dd>{t(`activity.audiences.${a().audience}`)}</dd>
        </div>
        <Show when={a().series}>
          {(series) => (
            <div>
              <dt>{t("activity.series")}</dt>
              <dd>{series().title}</dd>
            </div>
          )}
        </Show>
        <Show when={a().registration !== "none" && a().phase === "upcoming"}>
          <div>
            <dt>{t("activity.seats")}</dt>
            {/* Refreshed every few seconds; a change is announced, the same value is not. */}
            <dd aria-live="polite" aria-atomic="true">
              {seats(a())}
            </dd>
          </div>
        </Show>
      </dl>
      <p class="actions">
        <a class="button button--secondary" href={a().icsUrl} download="">
          {t("activity.addToCalendar")}
        </a>
        <Show when={session.can("activities.update")}>
          <A
            class="button button--secondary"
            href={`/admin/activities/${encodeURIComponent(a().id)}`}
          >
            {t("activity.edit")}
          </A>
        </Show>
        <Show when={session.can("activities.registrations")}>
          <A
            class="button button--secondary"
            href={`/admin/activities/${encodeURIComponent(a().id)}/roster`}
          >
            {t("activity.roster")}
          </A>
        </Show>
      </p>
      <RegistrationPanel detail={a()} onChanged={props.onChanged} />
      <Show when={a().descriptionHtml}>
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t("activity.about")}</h2>
          {/* Rendered from Markdown and sanitised by the API (scripts, handlers and unsafe links removed). */}
          <div class="prose" innerHTML={a().descriptionHtml} />
        </section>
      </Show>
      <Show when={a().featuredBooks.length > 0}>
        <section aria-labelledby="books-heading">
          <h2 id="books-heading">{t("activity.featuredBooks")}</h2>
          <ul>
            <For each={a().featuredBooks}>{(book) => <li>{book}</li>}</For>
          </ul>
        </section>
      </Show>
      <Show when={a().partnerNames.length > 0}>
        <section aria-labelledby="partners-heading">
          <h2 id="partners-heading">{t("activity.partners")}</h2>
          <ul>
            <For each={a().partnerNames}>{(partner) => <li>{partner}</li>}</For>
          </ul>
        </section>
      </Show>
      <p>
        <A href="/activities">{t("activity.back")}</A>
      </p>
    </>
  );
};

export const ActivityPage: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const params = useParams<{ id: string }>();
  // Asked again once me.get has answered: the reader's registration depends on who they are.
  const [detail, { refetch }] = createResource(
    () => (session.ready() ? { id: params.id, account: session.account()?.id ?? null } : undefined),
    (source) => trpc.activities.get.query({ id: source.id }),
  );

  onMount(() => {
    const timer = setInterval(() => {
      if (typeof document !== "undefined" && document.hidden) return;
      if (!detail.loading) void refetch();
    }, ACTIVITY_REFRESH_MS);
    onCleanup(() => clearInterval(timer));
  });

  const current = () => (detail.error ? undefined : detail.latest);
  const notFound = () => trpcCode(detail.error) === "NOT_FOUND";

  return (
    <Page title={current()?.title ?? t("activity.title")}>
      <Switch>
        <Match when={detail.error && notFound()}>
          <ErrorNotice>
            {session.account() ? t("activity.notFound") : t("activity.notFoundAnonymous")}
          </ErrorNotice>
          <p class="actions">
            <A href="/activities">{t("activity.back")}</A>
            <Show when={!session.account()}>
              <A href={`/sign-in?next=${encodeURIComponent(`/activities/${params.id}`)}`}>
                {t("nav.signIn")}
              </A>
            </Show>
          </p>
        </Match>
        <Match when={detail.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(detail.error)}</ErrorNotice>
        </Match>
        <Match when={!current()}>
          <Loading />
        </Match>
        <Match when={current()}>
          {(activity) => <ActivityContent detail={activity()} onChanged={() => void refetch()} />}
        </Match>
      </Switch>
    </Page>
  );
};
