// Dates, money and error texts the way every page shows them: in the reader's language,
// with instants in the association's time zone (DESIGN §3), never the browser's.
import { dateInZone } from "@readers/domain";
import { type Message, type MessageKey, useI18n } from "../i18n/index.ts";
import { useSession } from "../session.tsx";
import { errorDetails, trpcErrorKey } from "./errors.ts";

/** Until me.get has answered; the API's default zone too. */
const FALLBACK_ZONE = "UTC";

export function useFormat() {
  const i18n = useI18n();
  const session = useSession();
  const zone = () => session.association()?.timezone ?? FALLBACK_ZONE;

  /** A calendar date ("2025-08-31"): a day, the same in every zone. */
  const date = (value: string | null | undefined): string => {
    if (!value) return i18n.t("common.notSet");
    // Noon UTC, formatted in UTC: no zone can move it to another day.
    return i18n.formatDate(`${value}T12:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
  };

  /** An instant (ISO string), shown in the association's zone. */
  const instant = (value: string | Date | null | undefined): string => {
    if (!value) return i18n.t("common.notSet");
    return i18n.formatDate(value, { dateStyle: "medium", timeStyle: "short", timeZone: zone() });
  };

  /** The calendar date of an instant in the association's zone. */
  const day = (value: string | null | undefined): string => {
    if (!value) return i18n.t("common.notSet");
    return i18n.formatDate(value, { dateStyle: "medium", timeZone: zone() });
  };

  /** The time of day of an instant in the association's zone ("19:00"). */
  const time = (value: string | Date): string =>
    i18n.formatDate(value, { timeStyle: "short", timeZone: zone() });

  /**
   * From one instant to another, as short as is clear: "4 Mar 2025, 19:00 – 21:00" on one
   * day, both dates in full when it spans several (an exhibition).
   */
  const range = (start: string | Date, end: string | Date): string =>
    new Intl.DateTimeFormat(i18n.locale(), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: zone(),
    }).formatRange(new Date(start), new Date(end));

  /** A calendar date with its weekday ("Tuesday, 4 March 2025"), e.g. a calendar day. */
  const longDate = (value: string): string =>
    i18n.formatDate(`${value}T12:00:00Z`, { dateStyle: "full", timeZone: "UTC" });

  /** Money in cents as a plain decimal: the association's currency is not known here. */
  const money = (cents: number): string =>
    i18n.formatNumber(cents / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  /** A month and day of no particular year ("31 August"), for fixed-term tiers. */
  const monthDay = (month: number, dayOfMonth: number): string =>
    i18n.formatDate(Date.UTC(2000, month - 1, dayOfMonth, 12), {
      month: "long",
      day: "numeric",
      timeZone: "UTC",
    });

  /** Today in the association's zone, `YYYY-MM-DD`. */
  const today = (): string => dateInZone(new Date(), zone());

  const message = (value: Message): string => i18n.t(value.key, value.params);

  /**
   * The reader's text for a failed call, with the refusal's details filled in
   * (RENEWAL_TOO_EARLY's date formatted, IMPORT_TOO_MANY_ROWS's counts).
   */
  const error = (failure: unknown): string => {
    const key: MessageKey = trpcErrorKey(failure);
    const details = errorDetails(failure);
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(details)) {
      if (typeof value === "number") params[name] = i18n.formatNumber(value);
      else if (typeof value === "string") params[name] = value;
    }
    if (typeof details.opensOn === "string") params.opensOn = date(details.opensOn);
    // Instants a refusal names (registration opens / closed at, a penalty's end).
    for (const name of ["opensAt", "closedAt", "until"]) {
      if (typeof details[name] === "string") params[name] = instant(details[name]);
    }
    // The CSV parser does not always know where it stopped.
    if (key === "errors.domain.IMPORT_MALFORMED" && params.line === undefined) {
      return i18n.t("errors.importMalformed");
    }
    return i18n.t(key, params);
  };

  return {
    date,
    instant,
    day,
    time,
    range,
    longDate,
    money,
    monthDay,
    today,
    message,
    error,
    zone,
  };
}
