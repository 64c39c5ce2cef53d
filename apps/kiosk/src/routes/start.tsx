// The unpaired start screen: what this kiosk is waiting for and who can fix it. Pairing
// itself happens in the portal (a later issue), never by typing on this screen.
import { usePageTitle } from "@readers/ui";
import { type Component, createSignal, onCleanup } from "solid-js";
import { useI18n } from "../i18n/index.ts";

/** The date on screen only has to turn over at midnight; once a minute is plenty. */
const CLOCK_TICK_MS = 60_000;

/** YYYY-MM-DD of the kiosk's own calendar day (toISOString would give the UTC day). */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const StartScreen: Component = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
  onCleanup(() => clearInterval(timer));
  usePageTitle(
    () => t("start.title"),
    () => t("app.name"),
  );

  return (
    <div class="start">
      <p class="start__today">
        <span class="visually-hidden">{t("start.today")} </span>
        <time datetime={localDate(now())}>
          {i18n.formatDate(now(), {
            weekday: "long",
            year: "numeric",
            month: "long",
            day: "numeric",
          })}
        </time>
      </p>
      <h1>{t("start.title")}</h1>
      <p class="start__lead">{t("start.explanation")}</p>
      <div class="start__panels">
        <section class="panel" aria-labelledby="how-title">
          <h2 id="how-title">{t("start.howTitle")}</h2>
          <p>{t("start.how")}</p>
        </section>
        <section class="panel" aria-labelledby="readers-title">
          <h2 id="readers-title">{t("start.readersTitle")}</h2>
          <p>{t("start.readers")}</p>
        </section>
      </div>
    </div>
  );
};
