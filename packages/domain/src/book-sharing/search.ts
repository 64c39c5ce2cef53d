/** What book search indexes and how a typed query is read, the same for every database. */
import { normalizeIsbn } from "./isbn.js";

/**
 * Scripts written without spaces between words. A `simple` text-search configuration keeps a
 * whole run of them as one token and trigram indexes skip 2-character substrings, so these
 * runs are indexed as overlapping pairs of characters instead (see {@link cjkGrams}).
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
/** Letters and digits of the other scripts: the words of a query. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Words and CJK runs read from one query; more is not a search but a paste. */
export const SEARCH_TERMS_MAX = 8;

/**
 * Text as it is indexed and searched: Unicode NFKC (full-width letters and digits become
 * ASCII, compatibility ideographs their unified form), lower case, single spaces.
 *
 * @example normalizeSearchText("  Ｔｈｅ  Hobbit ") // "the hobbit"
 */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Every CJK character and every pair of neighbouring CJK characters of `text`, each once,
 * sorted: a query run of two or more characters is found when all its pairs are there, a
 * single character when it is.
 *
 * @example cjkGrams("活着 余华") // ["余", "余华", "活", "活着", "着", "华"] (sorted)
 */
export function cjkGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const run of normalizeSearchText(text).match(CJK_RUN) ?? []) {
    const chars = Array.from(run);
    chars.forEach((char, i) => {
      grams.add(char);
      const next = chars[i + 1];
      if (next !== undefined) grams.add(char + next);
    });
  }
  return [...grams].sort();
}

/** The grams a query run must all match: its pairs, or the character alone. */
export function cjkQueryGrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(`${chars[i]}${chars[i + 1]}`);
  return [...pairs].sort();
}

/** A book's search document: the text that is matched, and its CJK grams. */
export interface BookSearchDocument {
  /** Title, authors and ISBN-13, normalised (trigram and full-text indexes read it). */
  readonly text: string;
  readonly cjkGrams: string[];
}

/** The search document of an edition. */
export function bookSearchDocument(book: {
  readonly title: string;
  readonly authors: readonly string[];
  readonly isbn13: string | null;
}): BookSearchDocument {
  const text = normalizeSearchText([book.title, ...book.authors, book.isbn13 ?? ""].join(" "));
  return { text, cjkGrams: cjkGrams(text) };
}

/** A query as the search runs it. */
export interface BookSearchQuery {
  /** The query is an ISBN (10 or 13, hyphens allowed): match that edition exactly. */
  readonly isbn13: string | null;
  /** Words in other scripts: each must occur in the document (as a word prefix or inside a word). */
  readonly words: string[];
  /** CJK runs: each must occur in the document as typed. */
  readonly cjkRuns: string[];
}

/**
 * Reads a typed query: an ISBN when the whole query is one; otherwise its CJK runs and its
 * other words (letters and digits; punctuation separates), each once, at most
 * {@link SEARCH_TERMS_MAX} terms. An empty result means "no text filter".
 *
 * @example parseBookSearch("Gats 菲茨") // { isbn13: null, words: ["gats"], cjkRuns: ["菲茨"] }
 */
export function parseBookSearch(text: string): BookSearchQuery {
  const normalized = normalizeSearchText(text);
  const isbn = normalizeIsbn(normalized);
  if (isbn.ok) return { isbn13: isbn.value, words: [], cjkRuns: [] };
  const cjkRuns = [...new Set(normalized.match(CJK_RUN) ?? [])];
  const rest = normalized.replace(CJK_RUN, " ");
  const words = [...new Set(rest.match(WORD) ?? [])];
  const runs = cjkRuns.slice(0, SEARCH_TERMS_MAX);
  return {
    isbn13: null,
    cjkRuns: runs,
    words: words.slice(0, Math.max(0, SEARCH_TERMS_MAX - runs.length)),
  };
}

/** `true` when a parsed query filters nothing. */
export function isEmptySearch(query: BookSearchQuery): boolean {
  return query.isbn13 === null && query.words.length === 0 && query.cjkRuns.length === 0;
}
