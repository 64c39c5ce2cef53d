/** Kiosk name search: a prefix in, at most 5 people out, shown as "first name + initial". */
import { z } from "zod";
import { IdSchema } from "../shared/schemas.js";

/** Most matches shown: enough to find oneself, too few to browse the member list. */
export const NAME_SEARCH_MAX_RESULTS = 5;
/** Shortest prefix searched, so a letter or two does not list everybody. */
export const NAME_SEARCH_MIN_PREFIX_LENGTH = 3;
/**
 * Shortest prefix in Han characters: a Chinese name is often two characters long, and two
 * characters narrow a search as much as three Latin letters.
 */
export const NAME_SEARCH_MIN_HAN_PREFIX_LENGTH = 2;

/** Whether a (normalised) prefix is long enough to search: 3 letters, or 2 Han characters. */
export function isSearchablePrefix(prefix: string): boolean {
  const chars = Array.from(normalizeNameForSearch(prefix));
  const han = chars.filter((c) => /\p{Script=Han}/u.test(c)).length;
  return chars.length >= NAME_SEARCH_MIN_PREFIX_LENGTH || han >= NAME_SEARCH_MIN_HAN_PREFIX_LENGTH;
}
/** Longest prefix: a full name fits comfortably. */
export const NAME_SEARCH_MAX_PREFIX_LENGTH = 60;

/** Input of `kiosk.searchAttendees`. */
export const NameSearchInputSchema = z.object({
  activityId: IdSchema,
  prefix: z
    .string()
    .trim()
    .max(NAME_SEARCH_MAX_PREFIX_LENGTH)
    .refine(isSearchablePrefix, "Type at least 3 letters (or 2 Chinese characters)."),
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
 * too short for {@link isSearchablePrefix} finds nobody.
 */
export function searchAttendees(
  candidates: readonly NameSearchCandidate[],
  prefix: string,
): NameSearchMatch[] {
  const needle = normalizeNameForSearch(prefix);
  if (!isSearchablePrefix(needle)) return [];
  return candidates
    .filter((c) => {
      const first = normalizeNameForSearch(c.firstName);
      const last = normalizeNameForSearch(c.lastName);
      // Chinese names are written family name first and without a space: "王小明".
      return [first, last, `${first} ${last}`, `${last} ${first}`, `${last}${first}`].some((name) =>
        name.startsWith(needle),
      );
    })
    .map((c) => ({ id: c.id, displayName: attendeeDisplayName(c.firstName, c.lastName) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "en") || (a.id < b.id ? -1 : 1))
    .slice(0, NAME_SEARCH_MAX_RESULTS);
}

/**
 * A guest's single name field as first and last name: the last word is the last name
 * ("Mary Ann Evans" → "Mary Ann" + "Evans"). A Han name without spaces keeps the first
 * character as the family name, as Chinese names are written ("王小明" → "小明" + "王"),
 * so the kiosk shows "小明 王." rather than the full name.
 */
export function splitPersonName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: "", lastName: "" };
  if (words.length === 1) {
    const chars = Array.from(words[0]!);
    if (chars.length >= 2 && chars.every((c) => /\p{Script=Han}/u.test(c))) {
      return { firstName: chars.slice(1).join(""), lastName: chars[0]! };
    }
    return { firstName: words[0]!, lastName: "" };
  }
  return { firstName: words.slice(0, -1).join(" "), lastName: words[words.length - 1]! };
}
