/** Kiosk name search: a prefix in, at most 5 people out, shown as "first name + initial". */
import { z } from "zod";
import { IdSchema } from "../shared/schemas.js";

/** Most matches shown: enough to find oneself, too few to browse the member list. */
export const NAME_SEARCH_MAX_RESULTS = 5;
/** Shortest prefix searched, so one letter does not list everybody. */
export const NAME_SEARCH_MIN_PREFIX_LENGTH = 2;
/** Longest prefix: a full name fits comfortably. */
export const NAME_SEARCH_MAX_PREFIX_LENGTH = 60;

/** Input of `kiosk.searchAttendees`. */
export const NameSearchInputSchema = z.object({
  activityId: IdSchema,
  prefix: z.string().trim().min(NAME_SEARCH_MIN_PREFIX_LENGTH).max(NAME_SEARCH_MAX_PREFIX_LENGTH),
});

/** Parsed input of `kiosk.searchAttendees`. */
export type NameSearchInput = z.output<typeof NameSearchInputSchema>;

/** Lower-cases, strips accents and collapses spaces, so "José" is found by "jose". */
export function normalizeNameForSearch(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * What the kiosk shows of a person: first name and the initial of the last name.
 *
 * @example attendeeDisplayName("Ada", "Lovelace") // "Ada L."
 */
export function attendeeDisplayName(firstName: string, lastName: string): string {
  const initial = Array.from(lastName.trim())[0];
  return initial ? `${firstName.trim()} ${initial.toLocaleUpperCase("en")}.` : firstName.trim();
}

/** A person the kiosk may find (registered for the activity or a member). */
export interface NameSearchCandidate {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** A match as the kiosk may show it: an id and a minimal display name. */
export interface NameSearchMatch {
  readonly id: string;
  readonly displayName: string;
}

/**
 * Matches candidates whose first name, last name or full name (either order) starts with
 * `prefix`, sorted by display name, capped at {@link NAME_SEARCH_MAX_RESULTS}. A prefix
 * shorter than {@link NAME_SEARCH_MIN_PREFIX_LENGTH} finds nobody.
 */
export function searchAttendees(
  candidates: readonly NameSearchCandidate[],
  prefix: string,
): NameSearchMatch[] {
  const needle = normalizeNameForSearch(prefix);
  if (needle.length < NAME_SEARCH_MIN_PREFIX_LENGTH) return [];
  return candidates
    .filter((c) => {
      const first = normalizeNameForSearch(c.firstName);
      const last = normalizeNameForSearch(c.lastName);
      return [first, last, `${first} ${last}`, `${last} ${first}`].some((name) =>
        name.startsWith(needle),
      );
    })
    .map((c) => ({ id: c.id, displayName: attendeeDisplayName(c.firstName, c.lastName) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "en") || (a.id < b.id ? -1 : 1))
    .slice(0, NAME_SEARCH_MAX_RESULTS);
}
