// The start screen of a paired kiosk: where it stands and the time, today's activities
// with live occupancy (the one whose check-in is open preselected), the ways to check in,
// and what waits to be sent or needs staff. An unpaired kiosk shows its pairing screen.
import { usePageTitle } from "@readers/ui";
import { A, useNavigate } from "@solidjs/router";
import { type Component, For, Match, Show, Switch } from "solid-js";
import { useScannerCheckIn } from "../check-in.ts";
import { useI18n } from "../i18n/index.ts";
import type { TodayActivity } from "../lib/api.ts";
import { walkInState } from "../lib/today.ts";
import { formatTime } from "../result-text.ts";
import { useKiosk } from "../state.tsx";
import { PairingScreen } from "./pairing.tsx";

export const StartRoute: Component = () => {
  const kiosk = useKiosk();
  return (
    <Show when={kiosk.pairing()} fallback={<PairingScreen />}>
      <StartScreen />
    </Show>
  );
};

const ActivityChoice: Component<{ activity: TodayActivity; timeZone: string }> = (props) => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const time = (iso: string) => formatTime(i18n, iso, props.timeZone);
  const occupancy = () => kiosk.occupancyOf(props.activity);
  const phase = () =>
    props.activity.status === "cancelled"
      ? t("start.phase.cancelled")
      : kiosk.phaseOf(props.activity) === "upcoming"
        ? t("start.phase.upcoming", { time: time(props.activity.checkInOpensAt) })
        : t(`start.phase.${kiosk.phaseOf(props.activity)}`);
  const id = () => `activity-${props.activity.id}`;
  return (
    <li class="activity-choice">
      <input
        type="radio"
        name="activity"
        id={id()}
        value={props.activity.id}
        checked={kiosk.selected()?.id === props.activity.id}
        onChange={() => kiosk.choose(props.activity.id)}
      />
      <label for={id()}>
        <span class="activity-choice__title">{props.activity.title}</span>
        <span class="activity-choice__time">
          {t("start.timeRange", {
            start: time(props.activity.startsAt),
            end: time(props.activity.endsAt),
          })}{" "}
          · {phase()}
        </span>
        <span class="activity-choice__occupancy">
          {occupancy().capacity === null
            ? t("start.occupancyUnlimited", { count: occupancy().checkedIn })
            : t("start.occupancy", {
                count: occupancy().checkedIn,
                capacity: occupancy().capacity ?? 0,
              })}
          <Show when={occupancy().free !== null}>
            {" · "}
            {(occupancy().free ?? 0) > 0
              ? t("start.free", { count: occupancy().free ?? 0 })
              : t("start.full")}
          </Show>
          <Show when={props.activity.audience === "members"}> · {t("start.membersOnly")}</Show>
        </span>
      </label>
    </li>
  );
};

export const StartScreen: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const kiosk = useKiosk();
  const navigate = useNavigate();
  useScannerCheckIn();
  usePageTitle(
    () => t("start.title"),
    () => t("app.name"),
  );
  const timeZone = () => kiosk.today()?.timeZone;
  const locationName = () =>
    kiosk.today()?.location.name ?? kiosk.pairing()?.device.locationName ?? "";
  const walkIn = () => {
    const activity = kiosk.selected();
    return activity ? walkInState(activity, kiosk.occupancyOf(activity)) : "full";
  };

  return (
    <div class="screen start">
      <div class="start__bar">
        <p class="start__where">
          <span class="visually-hidden">{t("start.where")}: </span>
          {locationName()}
        </p>
        <p class="start__clock">
          <span class="visually-hidden">{t("start.clock")}: </span>
          <time datetime={kiosk.clock().toISOString()}>
            {i18n.formatDate(kiosk.clock(), {
              weekday: "long",
              month: "long",
              day: "numeric",
              hour: "2-digit",
              minute: "2-digit",
              hourCycle: "h23",
              timeZone: timeZone(),
            })}
          </time>
        </p>
      </div>
      <h1>{t("start.title")}</h1>

      <Switch>
        <Match when={kiosk.today()}>
          {(today) => (
            <>
              <Show when={kiosk.todayStatus() === "offline"}>
                <p class="notice">{t("start.offline")}</p>
              </Show>
              <Show
                when={today().activities.length > 0}
                fallback={<p class="notice">{t("start.none")}</p>}
              >
                <fieldset class="activities">
                  <legend>{t("start.activities")}</legend>
                  <ul>
                    <For each={today().activities}>
                      {(activity) => (
                        <ActivityChoice activity={activity} timeZone={today().timeZone} />
                      )}
                    </For>
                  </ul>
                </fieldset>
              </Show>
            </>
          )}
        </Match>
        <Match when={kiosk.todayStatus() === "loading" || kiosk.todayStatus() === "idle"}>
          <p class="notice">{t("start.loading")}</p>
        </Match>
        <Match when={true}>
          <p class="notice notice--bad">{t("start.unavailable")}</p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void kiosk.refreshToday()}
          >
            {t("start.retry")}
          </button>
        </Match>
      </Switch>

      <Show when={kiosk.selected()}>
        {(activity) => (
          <section class="methods" aria-labelledby="methods-title">
            <h2 id="methods-title">{t("start.methodsTitle", { activity: activity().title })}</h2>
            <div class="methods__buttons">
              <button
                type="button"
                class="button button--primary"
                onClick={() => navigate("/camera")}
              >
                {t("start.camera")}
              </button>
              <button
                type="button"
                class="button button--primary"
                onClick={() => navigate("/number")}
              >
                {t("start.number")}
              </button>
              <button
                type="button"
                class="button button--primary"
                onClick={() => navigate("/name")}
              >
                {t("start.name")}
              </button>
              <button
                type="button"
                class="button button--secondary"
                disabled={walkIn() !== "available"}
                onClick={() => navigate("/walk-in")}
              >
                {walkIn() === "full"
                  ? t("start.walkInFull")
                  : walkIn() === "members-only"
                    ? t("start.walkInMembersOnly")
                    : t("start.walkIn")}
              </button>
            </div>
            <p class="hint">{t("start.scannerHint")}</p>
          </section>
        )}
      </Show>

      <div class="start__footer">
        <A href="/books" class="button button--secondary">
          {t("start.shelf")}
        </A>
        <Show when={kiosk.pendingCount() > 0}>
          <p class="pending">
            {i18n.plural(
              { one: t("start.pending.one"), other: t("start.pending.other") },
              kiosk.pendingCount(),
            )}
          </p>
        </Show>
        <A href="/staff" class="button button--secondary">
          {t("start.staff", { count: kiosk.staffCount() })}
        </A>
      </div>
    </div>
  );
};
