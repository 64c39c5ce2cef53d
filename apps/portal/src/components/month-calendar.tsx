// A month of activities as a real calendar grid (days in the association's zone), navigable
// with the keyboard like the WAI-ARIA date grid: arrows by day and week, Home/End to the
// week's ends, Page Up/Down by month; Enter, Space or a click shows that day's activities.
import type { CalendarDate } from "@readers/domain";
import { type Component, createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import type { ActivityListItem } from "../lib/activities.ts";
import {
  activitiesByDay,
  dateAfterKey,
  firstOfMonth,
  gridRange,
  type MonthKey,
  monthGrid,
  monthOf,
  shiftMonth,
} from "../lib/calendar.ts";
import { useFormat } from "../lib/format.ts";
import { ActivityCard } from "./activity-facts.tsx";

/** Titles shown in one day's cell; the rest are counted ("+2 more"). */
const TITLES_PER_DAY = 3;

export interface MonthCalendarProps {
  month: MonthKey;
  activities: readonly ActivityListItem[];
  /** The association's today, `YYYY-MM-DD`. */
  today: CalendarDate;
  timeZone: string;
  onMonthChange: (month: MonthKey) => void;
}

export const MonthCalendar: Component<MonthCalendarProps> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = useFormat();
  const weeks = createMemo(() => monthGrid(props.month));
  const byDay = createMemo(() =>
    activitiesByDay(props.activities, gridRange(props.month), props.timeZone),
  );
  const defaultDay = () =>
    monthOf(props.today) === props.month ? props.today : firstOfMonth(props.month);
  const [focused, setFocused] = createSignal<CalendarDate>(defaultDay());
  const [selected, setSelected] = createSignal<CalendarDate>(defaultDay());
  let table: HTMLTableElement | undefined;

  // Another month (buttons, the address): focus and show its first day, or today.
  createEffect(
    on(
      () => props.month,
      (month) => {
        if (monthOf(focused()) !== month) setFocused(defaultDay());
        if (monthOf(selected()) !== month) setSelected(defaultDay());
      },
      { defer: true },
    ),
  );

  function focusCell(date: CalendarDate) {
    // After the grid has re-rendered for a new month.
    queueMicrotask(() =>
      table?.querySelector<HTMLElement>(`[data-date="${date}"]`)?.focus({ preventScroll: false }),
    );
  }

  function moveTo(date: CalendarDate) {
    setFocused(date);
    if (monthOf(date) !== props.month) props.onMonthChange(monthOf(date));
    focusCell(date);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setSelected(focused());
      return;
    }
    const next = dateAfterKey(focused(), event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  }

  const weekdays = createMemo(() =>
    weeks()[0]!.map((day) => ({
      short: i18n.formatDate(`${day.date}T12:00:00Z`, { weekday: "short", timeZone: "UTC" }),
      long: i18n.formatDate(`${day.date}T12:00:00Z`, { weekday: "long", timeZone: "UTC" }),
    })),
  );
  const monthTitle = () =>
    i18n.formatDate(`${firstOfMonth(props.month)}T12:00:00Z`, {
      year: "numeric",
      month: "long",
      timeZone: "UTC",
    });
  const dayNumber = (date: CalendarDate) =>
    i18n.formatNumber(Number(date.slice(8)), { useGrouping: false });
  const dayActivities = (date: CalendarDate) => byDay().get(date) ?? [];

  return (
    <div class="month-calendar">
      <div class="month-calendar__nav">
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => props.onMonthChange(shiftMonth(props.month, -1))}
        >
          {t("calendar.previousMonth")}
        </button>
        <h2 id="calendar-month" class="month-calendar__title" aria-live="polite">
          {monthTitle()}
        </h2>
        <button
          type="button"
          class="button button--secondary button--small"
          onClick={() => props.onMonthChange(shiftMonth(props.month, 1))}
        >
          {t("calendar.nextMonth")}
        </button>
        <Show when={monthOf(props.today) !== props.month}>
          <button
            type="button"
            class="button button--secondary button--small"
            onClick={() => {
              props.onMonthChange(monthOf(props.today));
              setSelected(props.today);
              moveTo(props.today);
            }}
          >
            {t("calendar.today")}
          </button>
        </Show>
      </div>
      <p id="calendar-keys" class="field__hint">
        {t("calendar.keysHint")}
      </p>
      <div class="month-grid-wrap">
        <table
          ref={table}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table with role grid is the WAI-ARIA date grid pattern: rows and columns stay a table, arrow keys move between cells.
          role="grid"
          class="month-grid"
          aria-labelledby="calendar-month"
          aria-describedby="calendar-keys"
        >
          <thead>
            <tr>
              <For each={weekdays()}>
                {(day) => (
                  <th scope="col" class="month-grid__weekday" abbr={day.long}>
                    {day.short}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={weeks()}>
              {(week) => (
                <tr>
                  <For each={week}>
                    {(day) => {
                      const list = () => dayActivities(day.date);
                      return (
                        // biome-ignore lint/a11y/useFocusableInteractive: focusable through the roving tabindex below, which the rule cannot read.
                        <td
                          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: cells of the date grid (see the table); one of them is in the tab order (roving tabindex).
                          role="gridcell"
                          data-date={day.date}
                          tabindex={focused() === day.date ? 0 : -1}
                          aria-selected={selected() === day.date}
                          aria-current={day.date === props.today ? "date" : undefined}
                          classList={{
                            "month-grid__day": true,
                            "month-grid__day--outside": !day.inMonth,
                            "month-grid__day--today": day.date === props.today,
                            "month-grid__day--selected": selected() === day.date,
                          }}
                          onClick={() => {
                            setSelected(day.date);
                            moveTo(day.date);
                          }}
                          onKeyDown={onKeyDown}
                          onFocus={() => setFocused(day.date)}
                        >
                          <span class="month-grid__number" aria-hidden="true">
                            {dayNumber(day.date)}
                          </span>
                          <span class="visually-hidden">
                            {t("calendar.dayLabel", {
                              date: fmt.longDate(day.date),
                              activities:
                                list().length > 0
                                  ? i18n.plural(t("calendar.activityCount"), list().length)
                                  : t("calendar.noActivities"),
                            })}
                          </span>
                          <Show when={list().length > 0}>
                            <ul class="month-grid__titles" aria-hidden="true">
                              <For each={list().slice(0, TITLES_PER_DAY)}>
                                {(activity) => (
                                  <li
                                    classList={{
                                      "month-grid__title--cancelled":
                                        activity.status === "cancelled",
                                    }}
                                  >
                                    {activity.title}
                                  </li>
                                )}
                              </For>
                              <Show when={list().length > TITLES_PER_DAY}>
                                <li class="month-grid__more">
                                  {t("calendar.more", {
                                    count: i18n.formatNumber(list().length - TITLES_PER_DAY),
                                  })}
                                </li>
                              </Show>
                            </ul>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <section class="day-agenda" aria-labelledby="day-agenda-heading">
        <h2 id="day-agenda-heading">{fmt.longDate(selected())}</h2>
        <Show
          when={dayActivities(selected()).length > 0}
          fallback={<p class="empty">{t("calendar.nothingThatDay")}</p>}
        >
          <ul class="activity-list">
            <For each={dayActivities(selected())}>
              {(activity) => (
                <li>
                  <ActivityCard activity={activity} />
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
};
