// A member's own activities: upcoming bookings (confirmed, waitlisted with their place),
// past ones with what became of them (attended, no-show, cancelled, late), and the secret
// address of their personal calendar feed, with copy and regenerate.
import { ConfirmDialog } from "@readers/ui";
import { A } from "@solidjs/router";
import { type Component, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { CopyButton } from "../components/copy-button.tsx";
import { Guard } from "../components/guard.tsx";
import { Page } from "../components/page.tsx";
import { RegistrationStatusText } from "../components/registration-panel.tsx";
import { ErrorNotice, Loading, SuccessNotice } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import { useFormat } from "../lib/format.ts";
import { trpc } from "../lib/trpc.ts";

type Mine = Awaited<ReturnType<typeof trpc.registrations.mine.query>>;
type Booking = Mine["upcoming"][number];

/** Past bookings per "show more". */
export const PAST_PAGE_SIZE = 20;

const BookingItem: Component<{ booking: Booking; past: boolean }> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const a = () => props.booking.activity;
  return (
    <li class="booking">
      <h3 class="booking__title">
        <A href={`/activities/${encodeURIComponent(a().id)}`}>{a().title}</A>
      </h3>
      <p class="booking__when">
        <time datetime={a().startsAt}>{fmt.range(a().startsAt, a().endsAt)}</time>
        <Show when={a().locationName}>{(name) => <> · {name()}</>}</Show>
      </p>
      <p class="booking__status">
        <Show
          when={props.past}
          fallback={
            <>
              <Show when={a().status === "cancelled"}>
                <span class="status status--phase-cancelled">
                  {t("activity.phases.cancelled")}
                </span>{" "}
              </Show>
              <RegistrationStatusText registration={props.booking.registration} />
            </>
          }
        >
          <span class={`status status--attendance-${props.booking.registration.attendance}`}>
            {t(`attendance.${props.booking.registration.attendance}`)}
          </span>
        </Show>
      </p>
    </li>
  );
};

const FeedCard: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [feed, { mutate, refetch }] = createResource(() => trpc.registrations.feedToken.query());
  const [failure, setFailure] = createSignal<string>();
  const [done, setDone] = createSignal(false);

  async function regenerate(): Promise<boolean> {
    setFailure(undefined);
    try {
      mutate(await trpc.registrations.regenerateFeedToken.mutate());
      setDone(true);
      return true;
    } catch (error) {
      setFailure(fmt.error(error));
      return false;
    }
  }

  return (
    <section class="card" aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t("myActivities.feedHeading")}</h2>
      <p id="feed-intro">{t("myActivities.feedIntro")}</p>
      <Switch>
        <Match when={feed.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(feed.error)}</ErrorNotice>
        </Match>
        <Match when={!feed.latest}>
          <Loading />
        </Match>
        <Match when={feed.latest}>
          {(current) => (
            <>
              <Show when={done()}>
                <SuccessNotice>
                  <p>{t("myActivities.feedRegenerated")}</p>
                </SuccessNotice>
              </Show>
              <div class="field">
                <label for="feed-url">{t("myActivities.feedUrl")}</label>
                <input
                  id="feed-url"
                  type="text"
                  readOnly
                  value={current().url}
                  aria-describedby="feed-intro"
                  onFocus={(event) => event.currentTarget.select()}
                />
              </div>
              <p class="actions">
                <CopyButton text={current().url} label={t("myActivities.copyFeed")} />
                <a class="button button--secondary button--small" href={current().webcalUrl}>
                  {t("myActivities.subscribe")}
                </a>
              </p>
              <ConfirmDialog
                trigger={t("myActivities.regenerate")}
                triggerClass="button button--secondary button--small"
                title={t("myActivities.regenerateTitle")}
                confirm={t("myActivities.regenerateConfirm")}
                cancel={t("common.cancel")}
                busyLabel={t("common.saving")}
                onConfirm={regenerate}
              >
                <p>{t("myActivities.regenerateBody")}</p>
                <Show when={failure()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
              </ConfirmDialog>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
};

const MyActivitiesContent: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [mine, { refetch }] = createResource(() =>
    trpc.registrations.mine.query({ limit: PAST_PAGE_SIZE }),
  );
  const [olderPast, setOlderPast] = createSignal<Booking[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>();
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string>();
  const nextCursor = () => (cursor() === undefined ? (mine.latest?.nextCursor ?? null) : cursor());

  async function showMore() {
    const from = nextCursor();
    if (!from) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await trpc.registrations.mine.query({ limit: PAST_PAGE_SIZE, cursor: from });
      setOlderPast((list) => [...list, ...page.past]);
      setCursor(page.nextCursor);
    } catch (error) {
      setMoreError(fmt.error(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <Switch>
        <Match when={mine.error}>
          <ErrorNotice onRetry={() => void refetch()}>{fmt.error(mine.error)}</ErrorNotice>
        </Match>
        <Match when={!mine.latest}>
          <Loading />
        </Match>
        <Match when={mine.latest}>
          {(current) => (
            <>
              <section aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">{t("myActivities.upcoming")}</h2>
                <Show
                  when={current().upcoming.length > 0}
                  fallback={
                    <p class="empty">
                      {t("myActivities.noUpcoming")}{" "}
                      <A href="/activities">{t("myActivities.browse")}</A>
                    </p>
                  }
                >
                  <ul class="booking-list">
                    <For each={current().upcoming}>
                      {(booking) => <BookingItem booking={booking} past={false} />}
                    </For>
                  </ul>
                </Show>
              </section>
              <section aria-labelledby="past-heading">
                <h2 id="past-heading">{t("myActivities.past")}</h2>
                <Show
                  when={current().past.length > 0}
                  fallback={<p class="empty">{t("myActivities.noPast")}</p>}
                >
                  <ul class="booking-list">
                    <For each={[...current().past, ...olderPast()]}>
                      {(booking) => <BookingItem booking={booking} past />}
                    </For>
                  </ul>
                </Show>
                <Show when={moreError()}>{(text) => <ErrorNotice>{text()}</ErrorNotice>}</Show>
                <Show when={nextCursor()}>
                  <button
                    type="button"
                    class="button button--secondary"
                    disabled={loadingMore()}
                    onClick={() => void showMore()}
                  >
                    {loadingMore() ? t("common.loading") : t("myActivities.showMore")}
                  </button>
                </Show>
              </section>
            </>
          )}
        </Match>
      </Switch>
      <FeedCard />
    </>
  );
};

export const MyActivitiesPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("myActivities.title")}>
      <Guard>
        <MyActivitiesContent />
      </Guard>
    </Page>
  );
};
