// Book metadata by ISBN: Open Library behind an interface, with a timeout and a cache in the
// database. Tests and e2e use recorded answers from a folder (ISBN_LOOKUP=fixtures:<dir>),
// never the network; ISBN_LOOKUP=off leaves every book to be typed in.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Database, getCachedLookup, putCachedLookup } from "@readers/db";
import {
  AUTHORS_MAX,
  BOOK_YEAR_MAX,
  BOOK_YEAR_MIN,
  NAME_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  URL_MAX_LENGTH,
} from "@readers/domain";

/** An edition's fields as a lookup found them (the add-copy form shows them to confirm). */
export interface IsbnMetadata {
  title: string;
  authors: string[];
  year: number | null;
  language: string | null;
  coverUrl: string | null;
}

/** Finds an edition by its ISBN-13: `null` when unknown; throws when the service fails. */
export interface IsbnLookup {
  readonly name: string;
  lookup(isbn13: string): Promise<IsbnMetadata | null>;
}

/** A person waits for the form; after this the form falls back to typing. */
export const ISBN_LOOKUP_TIMEOUT_MS = 4_000;
/** Editions do not change; a found answer is kept a month. */
const FOUND_TTL_MS = 30 * 86_400_000;
/** Open Library adds editions now and then; "not found" is asked again after a day. */
const NOT_FOUND_TTL_MS = 86_400_000;

const OPEN_LIBRARY_URL = "https://openlibrary.org/api/books";

/**
 * Reads Open Library's `jscmd=data` answer for one ISBN. It has no language field, so a
 * title written in Han characters is taken as Chinese and anything else left unknown.
 */
export function parseOpenLibraryData(body: unknown, isbn13: string): IsbnMetadata | null {
  if (!body || typeof body !== "object") return null;
  const entry = (body as Record<string, unknown>)[`ISBN:${isbn13}`];
  if (!entry || typeof entry !== "object") return null;
  const e = entry as Record<string, unknown>;
  const rawTitle = typeof e.title === "string" ? e.title : "";
  const subtitle = typeof e.subtitle === "string" ? e.subtitle : "";
  const title = (subtitle ? `${rawTitle}: ${subtitle}` : rawTitle)
    .trim()
    .slice(0, TITLE_MAX_LENGTH);
  if (!title) return null;
  const authors = (Array.isArray(e.authors) ? e.authors : [])
    .map((a) => (a && typeof a === "object" ? (a as { name?: unknown }).name : null))
    .filter((n): n is string => typeof n === "string" && n.trim().length > 0)
    .map((n) => n.trim().slice(0, NAME_MAX_LENGTH))
    .slice(0, AUTHORS_MAX);
  const yearMatch = typeof e.publish_date === "string" ? e.publish_date.match(/\d{4}/) : null;
  const year = yearMatch ? Number(yearMatch[0]) : null;
  const cover = e.cover && typeof e.cover === "object" ? (e.cover as Record<string, unknown>) : {};
  const coverUrl = [cover.medium, cover.large, cover.small].find(
    (u): u is string =>
      typeof u === "string" && /^https?:\/\//.test(u) && u.length <= URL_MAX_LENGTH,
  );
  return {
    title,
    authors,
    year: year !== null && year >= BOOK_YEAR_MIN && year <= BOOK_YEAR_MAX ? year : null,
    language: /\p{Script=Han}/u.test(title) ? "zh" : null,
    coverUrl: coverUrl ?? null,
  };
}

/** The real service. `fetchImpl` is injectable so its timeout handling can be tested. */
export function openLibraryLookup(
  options: { fetchImpl?: typeof fetch; timeoutMs?: number; baseUrl?: string } = {},
): IsbnLookup {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? ISBN_LOOKUP_TIMEOUT_MS;
  return {
    name: "openlibrary",
    async lookup(isbn13) {
      const url = `${options.baseUrl ?? OPEN_LIBRARY_URL}?bibkeys=ISBN:${isbn13}&format=json&jscmd=data`;
      const res = await fetchImpl(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: "application/json" },
      });
      if (!res.ok) throw new Error(`Open Library answered ${res.status}`);
      return parseOpenLibraryData(await res.json(), isbn13);
    },
  };
}

/**
 * Recorded Open Library answers, one `<isbn13>.json` per ISBN in `dir` (the body of the
 * `jscmd=data` call); an ISBN without a file is unknown.
 */
export function fixtureLookup(dir: string): IsbnLookup {
  const root = resolve(dir);
  return {
    name: `fixtures:${root}`,
    async lookup(isbn13) {
      if (!/^\d{13}$/.test(isbn13)) return null;
      let text: string;
      try {
        text = await readFile(join(root, `${isbn13}.json`), "utf8");
      } catch {
        return null;
      }
      return parseOpenLibraryData(JSON.parse(text), isbn13);
    },
  };
}

/** No lookups: every book is typed in. */
export const offLookup: IsbnLookup = {
  name: "off",
  async lookup() {
    throw new Error("ISBN lookup is switched off");
  },
};

/** The lookup named by the ISBN_LOOKUP setting: `openlibrary`, `off` or `fixtures:<dir>`. */
export function isbnLookupFromSetting(setting: string): IsbnLookup {
  if (setting === "off") return offLookup;
  if (setting.startsWith("fixtures:")) return fixtureLookup(setting.slice("fixtures:".length));
  return openLibraryLookup();
}

/** What `books.lookupIsbn` answers. */
export type LookupAnswer =
  | { found: true; isbn13: string; book: IsbnMetadata; cached: boolean }
  | { found: false; isbn13: string; reason: "unknown" | "unavailable" };

/**
 * Looks an ISBN up through the cache: a fresh cached answer is used as it is; otherwise the
 * service is asked (bounded by `timeoutMs` whatever the implementation does) and its answer
 * kept. A failing service is not cached and answers `unavailable`, so the form offers
 * manual entry.
 */
export async function lookupWithCache(
  db: Database,
  service: IsbnLookup,
  isbn13: string,
  now: Date,
  options: { timeoutMs?: number; onError?: (error: unknown) => void } = {},
): Promise<LookupAnswer> {
  const cached = await getCachedLookup(db, isbn13);
  if (cached) {
    const age = now.getTime() - cached.fetchedAt.getTime();
    if (cached.data && age < FOUND_TTL_MS) {
      return { found: true, isbn13, book: cached.data as unknown as IsbnMetadata, cached: true };
    }
    if (!cached.data && age < NOT_FOUND_TTL_MS) return { found: false, isbn13, reason: "unknown" };
  }
  let found: IsbnMetadata | null;
  const timeoutMs = options.timeoutMs ?? ISBN_LOOKUP_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    found = await Promise.race([
      service.lookup(isbn13),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("ISBN lookup timed out")), timeoutMs);
      }),
    ]);
  } catch (error) {
    options.onError?.(error);
    return { found: false, isbn13, reason: "unavailable" };
  } finally {
    clearTimeout(timer);
  }
  await putCachedLookup(db, isbn13, found ? { ...found } : null, now);
  return found
    ? { found: true, isbn13, book: found, cached: false }
    : { found: false, isbn13, reason: "unknown" };
}
