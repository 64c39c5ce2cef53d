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
  const instant = (value: string | null | undefined): string => {
    if (!value) return i18n.t("common.notSet");
    return i18n.formatDate(value, { dateStyle: "medium", timeStyle: "short", timeZone: zone() });
  };

  /** The calendar date of an instant in the association's zone. */
  const day = (value: string | null | undefined): string => {
    if (!value) return i18n.t("common.notSet");
    return i18n.formatDate(value, { dateStyle: "medium", timeZone: zone() });
  };

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
    return i18n.t(key, params);
  };

  return { date, instant, day, money, monthDay, today, message, error, zone };
}
