// The activities calendar for everyone, anonymous visitors included: a list by day with
// "show more", or a month grid; filters by kind, audience, dates and free text, all in the
// address. Days are the association's days, whatever zone the browser is in.
import type { CalendarDate } from "@readers/domain";
import { useSearchParams } from "@solidjs/router";
import { type Component, createMemo, createResource, For, Match, Show, Switch } from "solid-js";
import { ActivityCard } from "../components/activity-facts.tsx";
import { ActivityFilterBar } from "../components/activity-filters.tsx";
import { MonthCalendar } from "../components/month-calendar.tsx";
import { Page } from "../components/page.tsx";
import { ErrorNotice, Loading } from "../components/status.tsx";
import { useI18n } from "../i18n/index.ts";
import type { ActivityListItem } from "../lib/activities.ts";
import {
  type ActivityFilters,
  type CalendarView,
  type FilterParams,
  listInput,
  readFilters,
} from "../lib/activity-filters.ts";
import { allActivities, createActivityPages } from "../lib/activity-pages.ts";
import { activityDays, daysRange, gridRange } from "../lib/calendar.ts";
import { useFormat } from "../lib/format.ts";
import { useSession } from "../session.tsx";

/** Activities per "show more". */
export const CALENDAR_PAGE_SIZE = 20;
/** A month is fetched whole, up to this many pages of 100 (a very busy month). */
const MONTH_PAGE_SIZE = 100;
const MONTH_MAX_PAGES = 5;

/** Listing items grouped under the day each starts on (in the association's zone). */
function groupByStartDay(items: readonly ActivityListItem[], timeZone: string) {
  const groups: { day: CalendarDate; items: ActivityListItem[] }[] = [];
  for (const item of items) {
    const day = activityDays(item, timeZone).first;
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

const ListView: Component<{ filters: ActivityFilters }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const session = useSession();
  const zoneKnown = session.ready;
  const input = createMemo(() =>
    zoneKnown() ? listInput(props.filters, fmt.zone(), CALENDAR_PAGE_SIZE) : undefined,
  );
  const pages = createActivityPages(input);
  const groups = () => groupByStartDay(pages.items(), fmt.zone());
  return (
    <Switch>
      <Match when={!input() && zoneKnown()}>
        {/* The date range is the wrong way round: its field says so. */}
        {null}
      </Match>
      <Match when={pages.first.error}>
        <ErrorNotice onRetry={() => void pages.refetch()}>
          {fmt.error(pages.first.error)}
        </ErrorNotice>
      </Match>
      <Match when={!pages.first.latest}>
        <Loading />
      </Match>
      <Match when={pages.items().length === 0}>
        <p class="empty">{t("activities.empty")}</p>
      </Match>
      <Match when={pages.items().length > 0}>
        <div aria-busy={pages.first.loading}>
          <For each={groups()}>
            {(group) => (
              <section class="day-group" aria-labelledby={`day-${group.day}`}>
                <h2 id={`day-${group.day}`} class="day-group__heading">
                  {fmt.longDate(group.day)}
                </h2>
                <ul class="activity-list">
                  <For each={group.items}>
                    {(activity) => (
                      <li>
                        <ActivityCard activity={activity} />
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            )}
          </For>
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
  );
};

const MonthView: Component<{
  filters: ActivityFilters;
  onMonthChange: (month: string) => void;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const session = useSession();
  const zoneKnown = session.ready;
  const input = createMemo(() => {
    if (!zoneKnown()) return undefined;
    const { first, last } = gridRange(props.filters.month);
    const range = daysRange(first, last, fmt.zone());
    return {
      kind: props.filters.kind,
      audience: props.filters.audience,
      text: props.filters.q,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      limit: MONTH_PAGE_SIZE,
    };
  });
  const [month, { refetch }] = createResource(input, (value) =>
    allActivities(value, MONTH_MAX_PAGES),
  );
  return (
    <Switch>
      <Match when={month.error}>
        <ErrorNotice onRetry={() => void refetch()}>{fmt.error(month.error)}</ErrorNotice>
      </Match>
      <Match when={!month.latest}>
        <Loading />
      </Match>
      <Match when={month.latest}>
        {(current) => (
          <div aria-busy={month.loading}>
            <Show when={!current().complete}>
              <p class="notice">{t("calendar.incomplete")}</p>
            </Show>
            <MonthCalendar
              month={props.filters.month}
              activities={current().items}
              today={fmt.today()}
              timeZone={fmt.zone()}
              onMonthChange={props.onMonthChange}
            />
          </div>
        )}
      </Match>
    </Switch>
  );
};

export const ActivitiesPage: Component = () => {
  const { t } = useI18n();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams<FilterParams>();
  const filters = createMemo(() => readFilters(params, fmt.today()));
  const setView = (view: CalendarView) =>
    setParams({ view: view === "list" ? undefined : view, month: undefined });
  return (
    <Page title={t("activities.title")}>
      <p class="lead">{t("activities.intro")}</p>
      <div class="toolbar">
        <fieldset class="segmented">
          <legend class="visually-hidden">{t("activities.viewLabel")}</legend>
          <For each={["list", "month"] as const}>
            {(view) => (
              <button
                type="button"
                class="segmented__button"
                aria-pressed={filters().view === view}
                onClick={() => setView(view)}
              >
                {t(`activities.views.${view}`)}
              </button>
            )}
          </For>
        </fieldset>
        <a class="feed-link" href="/feeds/activities.ics">
          {t("activities.subscribe")}
        </a>
      </div>
      <ActivityFilterBar
        filters={filters()}
        initialText={params.q ?? ""}
        setParams={setParams}
        showDates={filters().view === "list"}
      />
      <Show when={filters().view === "month"} fallback={<ListView filters={filters()} />}>
        <MonthView filters={filters()} onMonthChange={(month) => setParams({ month })} />
      </Show>
    </Page>
  );
};
