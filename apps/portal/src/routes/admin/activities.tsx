// Organizers' activities: every activity drafts included, filtered like the calendar plus
// by status, with seats at a glance and the way to each one's form and roster.
import { A, useSearchParams } from "@solidjs/router";
import { type Component, createMemo, For, Match, Show, Switch } from "solid-js";
import { PhaseBadge } from "../../components/activity-facts.tsx";
import { ActivityFilterBar } from "../../components/activity-filters.tsx";
import { Guard } from "../../components/guard.tsx";
import { Page } from "../../components/page.tsx";
import { ErrorNotice, Loading } from "../../components/status.tsx";
import { useI18n } from "../../i18n/index.ts";
import { type FilterParams, listInput, readFilters } from "../../lib/activity-filters.ts";
import { createActivityPages } from "../../lib/activity-pages.ts";
import { useFormat } from "../../lib/format.ts";
import { useSession } from "../../session.tsx";

/** Rows per "show more"; the API allows up to 100. */
export const ADMIN_PAGE_SIZE = 50;

const ActivityTable: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const [params, setParams] = useSearchParams<FilterParams>();
  const filters = createMemo(() => readFilters(params, fmt.today()));
  const input = createMemo(() =>
    session.ready() ? listInput(filters(), fmt.zone(), ADMIN_PAGE_SIZE) : undefined,
  );
  const pages = createActivityPages(input);

  const seats = (item: ReturnType<typeof pages.items>[number]) =>
    item.capacity === null
      ? t("admin.activities.seatsUnlimited", { confirmed: i18n.formatNumber(item.confirmedSeats) })
      : t("admin.activities.seatsOf", {
          confirmed: i18n.formatNumber(item.confirmedSeats),
          capacity: i18n.formatNumber(item.capacity),
        });

  return (
    <>
      <p class="actions">
        <A class="button" href="/admin/activities/new">
          {t("admin.activities.new")}
        </A>
        <A class="button button--secondary" href="/admin/series/new">
          {t("admin.activities.newSeries")}
        </A>
      </p>
      <p class="field__hint">{t("admin.activities.rangeHint")}</p>
      <ActivityFilterBar
        filters={filters()}
        initialText={params.q ?? ""}
        setParams={setParams}
        showDates
        showStatus
      />
      <Switch>
        <Match when={!input() && session.ready()}>{null}</Match>
        <Match when={pages.first.error}>
          <ErrorNotice onRetry={() => void pages.refetch()}>
            {fmt.error(pages.first.error)}
          </ErrorNotice>
        </Match>
        <Match when={!pages.first.latest}>
          <Loading />
        </Match>
        <Match when={pages.items().length === 0}>
          <p class="empty">{t("admin.activities.empty")}</p>
        </Match>
        <Match when={pages.items().length > 0}>
          <div class="table-wrap">
            <table class="table" aria-busy={pages.first.loading}>
              <caption class="visually-hidden">{t("admin.activities.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.activities.titleColumn")}</th>
                  <th scope="col">{t("admin.activities.starts")}</th>
                  <th scope="col">{t("admin.activities.venue")}</th>
                  <th scope="col">{t("admin.activities.kind")}</th>
                  <th scope="col">{t("admin.activities.status")}</th>
                  <th scope="col">{t("admin.activities.seats")}</th>
                  <th scope="col">{t("admin.activities.actions")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={pages.items()}>
                  {(item) => (
                    <tr>
                      <th scope="row">
                        <A
                          id={`activity-${item.id}`}
                          href={`/admin/activities/${encodeURIComponent(item.id)}`}
                        >
                          {item.title}
                        </A>
                        <Show when={item.series}>
                          {(series) => <span class="event-detail">{series().title}</span>}
                        </Show>
                      </th>
                      <td class="nowrap">{fmt.instant(item.startsAt)}</td>
                      <td>{item.location?.name ?? t("common.notSet")}</td>
                      <td>{t(`activity.kinds.${item.kind}`)}</td>
                      <td>
                        <PhaseBadge phase={item.phase} />
                      </td>
                      <td class="nowrap">
                        {seats(item)}
                        <Show when={item.waitlistCount > 0}>
                          <span class="event-detail">
                            {i18n.plural(t("admin.activities.waitlisted"), item.waitlistCount)}
                          </span>
                        </Show>
                      </td>
                      <td>
                        <div class="actions">
                          <A
                            class="button button--secondary button--small"
                            href={`/admin/activities/${encodeURIComponent(item.id)}/roster`}
                            aria-describedby={`activity-${item.id}`}
                          >
                            {t("admin.activities.roster")}
                          </A>
                          <A
                            class="button button--secondary button--small"
                            href={`/activities/${encodeURIComponent(item.id)}`}
                            aria-describedby={`activity-${item.id}`}
                          >
                            {t("admin.activities.view")}
                          </A>
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={pages.moreError()}>
            {(error) => <ErrorNotice>{fmt.error(error())}</ErrorNotice>}
          </Show>
          <Show when={pages.nextCursor()}>
            <button
              type="button"
              class="button button--secondary"
              disabled={pages.loadingMore()}
              onClick={() => void pages.loadMore()}
            >
              {pages.loadingMore() ? t("common.loading") : t("activities.showMore")}
            </button>
          </Show>
        </Match>
      </Switch>
    </>
  );
};

export const AdminActivitiesPage: Component = () => {
  const { t } = useI18n();
  return (
    <Page title={t("admin.activities.title")}>
      <Guard action="activities.create">
        <ActivityTable />
      </Guard>
    </Page>
  );
};
