// Small pieces every activity screen shows the same way: its phase as a badge, seats left,
// a registration's state, and a card for lists.
import type { ActivityPhase } from "@readers/domain";
import { A } from "@solidjs/router";
import { type Component, Show } from "solid-js";
import { useI18n } from "../i18n/index.ts";
import type { ActivityListItem } from "../lib/activities.ts";
import { useFormat } from "../lib/format.ts";

/** Draft, cancelled, upcoming, ongoing or over: words first, colour only as a second cue. */
export const PhaseBadge: Component<{ phase: ActivityPhase }> = (props) => {
  const { t } = useI18n();
  return (
    <span class={`status status--phase-${props.phase}`}>{t(`activity.phases.${props.phase}`)}</span>
  );
};

/** "12 seats left", "Full — 3 on the waitlist", "No seat limit". */
export function useSeatsText() {
  const i18n = useI18n();
  const { t } = i18n;
  return (activity: Pick<ActivityListItem, "seatsLeft" | "waitlistCount" | "waitlistEnabled">) => {
    if (activity.seatsLeft === null) return t("activity.seatsUnlimited");
    if (activity.seatsLeft > 0) return i18n.plural(t("activity.seatsLeft"), activity.seatsLeft);
    if (!activity.waitlistEnabled) return t("activity.full");
    if (activity.waitlistCount === 0) return t("activity.fullWaitlistOpen");
    return i18n.plural(t("activity.fullWaitlist"), activity.waitlistCount);
  };
}

/** One activity in a list: title as a link, when, where, kind, audience, seats. */
export const ActivityCard: Component<{
  activity: ActivityListItem;
  /** The heading level in the page's outline. */
  level?: 2 | 3;
  /** Where the title links (the public page by default). */
  href?: string;
}> = (props) => {
  const { t } = useI18n();
  const fmt = useFormat();
  const seats = useSeatsText();
  const a = () => props.activity;
  const title = () => (
    <A href={props.href ?? `/activities/${encodeURIComponent(a().id)}`}>{a().title}</A>
  );
  return (
    <article
      class="activity-card"
      classList={{ "activity-card--cancelled": a().status === "cancelled" }}
    >
      <Show when={props.level === 2} fallback={<h3 class="activity-card__title">{title()}</h3>}>
        <h2 class="activity-card__title">{title()}</h2>
      </Show>
      <p class="activity-card__when">
        <time datetime={a().startsAt}>{fmt.range(a().startsAt, a().endsAt)}</time>
        <Show when={a().location}>{(place) => <> · {place().name}</>}</Show>
      </p>
      <p class="activity-card__tags">
        <span class="tag">{t(`activity.kinds.${a().kind}`)}</span>
        <Show when={a().audience === "members"}>
          <span class="tag">{t("activity.membersOnly")}</span>
        </Show>
        <Show when={a().series}>
          {(series) => (
            <span class="tag">{t("activity.partOfSeries", { title: series().title })}</span>
          )}
        </Show>
        <Show when={a().phase !== "upcoming"}>
          <PhaseBadge phase={a().phase} />
        </Show>
      </p>
      <Show when={a().summary}>
        <p class="activity-card__summary">{a().summary}</p>
      </Show>
      <Show when={a().phase === "upcoming" && a().registration !== "none"}>
        <p class="activity-card__seats">{seats(a())}</p>
      </Show>
    </article>
  );
};
