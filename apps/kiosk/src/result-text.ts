// The words for a check-in result or refusal, in the kiosk's language and the association's
// time zone. The UI translates codes and never shows a server message.
import { type Catalog, en } from "./i18n/en.ts";
import type { KioskI18n } from "./i18n/index.ts";
import type { KioskResult } from "./state.tsx";

export type Tone = "ok" | "pending" | "warn" | "bad";

export interface ResultText {
  tone: Tone;
  title: string;
  body: string;
}

type RefusalCode = Exclude<keyof Catalog["refusal"], "default">;

type ShelfRefusalCode = keyof Catalog["shelfRefusal"];
const isShelfRefusalCode = (code: string): code is ShelfRefusalCode =>
  Object.hasOwn(en.shelfRefusal, code);

/**
 * Why the shelf said no: lending's own codes in their words, the card and number codes as
 * at check-in (an unknown or revoked card is the same problem at both).
 */
export function shelfRefusalText(
  i18n: KioskI18n,
  code: string,
  details: Record<string, unknown>,
): { title: string; body: string } {
  if (isShelfRefusalCode(code)) {
    return {
      title: i18n.t(`shelfRefusal.${code}.title`),
      body: i18n.t(`shelfRefusal.${code}.body`),
    };
  }
  return refusalText(i18n, code, details, "", undefined);
}

/** Codes with their own words (both catalogs have the same keys; a test checks it). */
function isRefusalCode(code: string): code is RefusalCode {
  return code !== "default" && Object.hasOwn(en.refusal, code);
}

/**
 * A time of day as the kiosk shows it: "18:30", 24-hour in both languages (a sign at a
 * library entrance, read at a glance), in the association's time zone.
 */
export function formatTime(i18n: KioskI18n, value: string | Date, timeZone: string | undefined) {
  return i18n.formatDate(value, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
}

const str = (value: unknown) => (typeof value === "string" && value ? value : undefined);

export function refusalText(
  i18n: KioskI18n,
  code: string,
  details: Record<string, unknown>,
  activityTitle: string,
  timeZone: string | undefined,
): { title: string; body: string } {
  const { t } = i18n;
  const time = (iso: string) => formatTime(i18n, iso, timeZone);
  if (!isRefusalCode(code)) {
    return { title: t("refusal.default.title"), body: t("refusal.default.body") };
  }
  const params: Record<string, string> = { activity: activityTitle };
  if (code === "CHECKIN_NOT_OPEN") {
    const opensAt = str(details.opensAt);
    if (!opensAt) return { title: t("refusal.CHECKIN_NOT_OPEN.title"), body: "" };
    params.time = time(opensAt);
  }
  if (code === "WRONG_LOCATION") {
    const location = str(details.locationName);
    if (!location) return { title: t("refusal.WRONG_LOCATION.title"), body: "" };
    params.location = location;
  }
  return {
    title: t(`refusal.${code}.title`),
    body: t(`refusal.${code}.body`, params),
  };
}

export function resultText(
  i18n: KioskI18n,
  result: KioskResult,
  timeZone: string | undefined,
): ResultText {
  const { t } = i18n;
  switch (result.kind) {
    case "success": {
      const activity = result.activityTitle;
      const name = result.displayName;
      if (result.outcome === "ALREADY_CHECKED_IN") {
        const time = formatTime(i18n, result.checkedInAt, timeZone);
        return {
          tone: "warn",
          title: t("result.already"),
          body: name
            ? t("result.alreadyBody", { name, time })
            : t("result.alreadyBodyAnonymous", { time }),
        };
      }
      const seats =
        result.seats > 1
          ? ` ${i18n.plural({ one: t("result.seats.one"), other: t("result.seats.other") }, result.seats)}.`
          : "";
      return {
        tone: "ok",
        title: name ? t("result.welcome", { name }) : t("result.welcomeAnonymous"),
        body:
          (result.outcome === "WALK_IN_ACCEPTED"
            ? t("result.walkedIn", { activity })
            : t("result.checkedIn", { activity })) + seats,
      };
    }
    case "queued":
      return {
        tone: "pending",
        title: t("result.queued"),
        body:
          result.credentialKind === "memberNumber"
            ? t("result.queuedMember")
            : t("result.queuedBody"),
      };
    case "refused":
      return {
        tone: "bad",
        ...refusalText(i18n, result.code, result.details, result.activityTitle, timeZone),
      };
    case "rate-limited":
      return { tone: "warn", title: t("result.rateLimited"), body: t("result.rateLimitedBody") };
    case "invalid-number":
      return { tone: "bad", title: t("result.invalidNumber"), body: t("result.invalidNumberBody") };
    case "unreadable":
      return { tone: "bad", title: t("result.unreadable"), body: t("result.unreadableBody") };
    case "no-activity":
      return { tone: "warn", title: t("result.noActivity"), body: t("result.noActivityBody") };
    case "borrowed":
      return {
        tone: "ok",
        title: t("result.borrowed", { name: result.firstName }),
        body: t("result.borrowedBody", {
          title: result.title,
          // A calendar date: noon UTC shown in UTC cannot move to another day.
          date: i18n.formatDate(`${result.dueDate}T12:00:00Z`, {
            dateStyle: "long",
            timeZone: "UTC",
          }),
        }),
      };
    case "returned":
      return {
        tone: result.reserved ? "warn" : "ok",
        title: t("result.returned"),
        body: [
          t("result.returnedBody", { title: result.title }),
          result.late ? t("result.returnedLate") : "",
          result.reserved ? t("result.returnedReserved") : "",
        ]
          .filter(Boolean)
          .join(" "),
      };
    case "shelf-refused":
      return { tone: "bad", ...shelfRefusalText(i18n, result.code, result.details) };
    case "shelf-offline":
      return { tone: "bad", title: t("result.shelfOffline"), body: t("result.shelfOfflineBody") };
    case "error":
      return { tone: "bad", title: t("result.error"), body: t("result.errorBody") };
  }
}
