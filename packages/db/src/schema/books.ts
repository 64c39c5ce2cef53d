// Book sharing: editions (with their search document), physical copies owned by members or
// by the association, loans with their timeline, queues on busy copies, and the cache of
// ISBN lookups. Facts only: availability, queue positions and trust are computed.
import type { CopyCondition, CopyMode, LoanRole, LoanState } from "@readers/domain";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { location } from "./association.ts";
import { member } from "./members.ts";

const instant = () => timestamp({ withTimezone: true });

/** PostgreSQL's text-search vector; written by the database (a generated column), read never. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const book = pgTable(
  "book",
  {
    id: text().primaryKey(),
    /** Normalised ISBN-13; null for books without one. One row per edition. */
    isbn13: text(),
    title: text().notNull(),
    authors: text().array().notNull().default(sql`'{}'::text[]`),
    year: integer(),
    /** BCP 47 tag as given (`en`, `zh-Hans`); filters match its primary subtag too. */
    language: text(),
    coverUrl: text(),
    /**
     * The domain's `bookSearchDocument(...).text`: title, authors and ISBN normalised (NFKC,
     * lower case). Trigram-indexed, so a word is found from any 3 of its letters in a row.
     */
    searchText: text().notNull(),
    /**
     * Words of `searchText` with the `simple` configuration (no stemming, no stop words:
     * titles are in many languages): prefix matching for 1–2 letter words, which trigrams
     * cannot find.
     */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_text)`),
    /**
     * The domain's `cjkGrams`: every Han/kana character and neighbouring pair. `simple`
     * keeps a Chinese run as one token and trigrams skip 2-character queries, so a query's
     * pairs are matched here (GIN `@>`) and the run itself rechecked on `searchText`.
     */
    cjkGrams: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    // Two members adding the same ISBN at once end up on one edition.
    uniqueIndex("book_isbn13_unique").on(t.isbn13).where(sql`${t.isbn13} is not null`),
    index("book_search_text_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
    index("book_search_vector_gin").using("gin", t.searchVector),
    index("book_cjk_grams_gin").using("gin", t.cjkGrams),
    // Browsing without text walks this in order and stops at a page.
    index("book_title_order").on(sql`lower(${t.title})`, t.id),
    // Browsing one language ("zh" finds zh-Hans too) walks only that language's titles.
    index("book_language_title_order").on(
      sql`lower(split_part(${t.language}, '-', 1))`,
      sql`lower(${t.title})`,
      t.id,
    ),
  ],
);

export const bookCopy = pgTable(
  "book_copy",
  {
    id: text().primaryKey(),
    bookId: text()
      .notNull()
      .references(() => book.id),
    /** The member who owns it; null = the association (then it lives on a shelf). */
    ownerMemberId: text().references(() => member.id),
    /** The association shelf (a location) that keeps it between loans; null = its owner. */
    shelfLocationId: text().references(() => location.id),
    mode: text().$type<CopyMode>().notNull().default("lend"),
    condition: text().$type<CopyCondition>().notNull().default("good"),
    note: text().notNull().default(""),
    /** Owner's loan period; the borrower's tier caps it. Null = the tier's. */
    loanDays: integer(),
    /** Successful returns a borrower needs; null = anyone. */
    minTrust: integer(),
    visible: boolean().notNull().default(true),
    /** Printed as a Code 128 barcode on association copies; null for members' copies. */
    labelCode: text(),
    withdrawnAt: instant(),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    index("book_copy_by_book").on(t.bookId),
    index("book_copy_by_owner").on(t.ownerMemberId),
    // Kiosks find a scanned ISBN among their own shelf's copies.
    index("book_copy_by_shelf").on(t.shelfLocationId, t.bookId),
    uniqueIndex("book_copy_label_code").on(t.labelCode).where(sql`${t.labelCode} is not null`),
    check(
      "book_copy_association_on_shelf",
      sql`${t.ownerMemberId} is not null or ${t.shelfLocationId} is not null`,
    ),
    check("book_copy_note_length", sql`char_length(${t.note}) <= 1000`),
    check("book_copy_mode", sql`${t.mode} in ('lend', 'give')`),
    check("book_copy_loan_days", sql`${t.loanDays} is null or ${t.loanDays} between 1 and 183`),
    check("book_copy_min_trust", sql`${t.minTrust} is null or ${t.minTrust} between 0 and 100`),
  ],
);

export const loan = pgTable(
  "loan",
  {
    id: text().primaryKey(),
    copyId: text()
      .notNull()
      .references(() => bookCopy.id),
    borrowerId: text()
      .notNull()
      .references(() => member.id),
    /** The copy's member owner when requested (a gift moves ownership later); null = association. */
    ownerMemberId: text().references(() => member.id),
    mode: text().$type<CopyMode>().notNull(),
    state: text().$type<LoanState>().notNull(),
    /** The borrower's note with the request. */
    message: text().notNull().default(""),
    requestedAt: instant().notNull(),
    acceptedAt: instant(),
    handedOverAt: instant(),
    /** Calendar date in the association's zone (hand-over + loan period, moved by renewals). */
    dueDate: date({ mode: "string" }),
    renewals: integer().notNull().default(0),
    /** When it reached a final state. */
    closedAt: instant(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    // A copy has at most one open loan: two members asking for the last copy at once, one
    // wins here even if a lock were forgotten; the other may queue.
    uniqueIndex("loan_open_per_copy")
      .on(t.copyId)
      .where(sql`${t.state} in ('requested', 'accepted', 'on_loan')`),
    index("loan_by_borrower").on(t.borrowerId, t.state),
    index("loan_by_owner").on(t.ownerMemberId, t.state),
    index("loan_by_copy").on(t.copyId, t.requestedAt),
    // Expiry and reminder sweeps read only open loans.
    index("loan_open_by_state")
      .on(t.state, t.requestedAt)
      .where(sql`${t.state} in ('requested', 'accepted', 'on_loan')`),
    check("loan_renewals", sql`${t.renewals} >= 0`),
    check("loan_message_length", sql`char_length(${t.message}) <= 500`),
  ],
);

/** What happened to a loan, in order: both parties see this timeline. */
export const loanEvent = pgTable(
  "loan_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    loanId: text()
      .notNull()
      .references(() => loan.id),
    at: instant().notNull(),
    /** requested | accepted | declined | cancelled | expired | handed_over | given | renewed | returned | lost | offered. */
    kind: text().notNull(),
    /** The role the actor held (borrower, owner, association, kiosk, system). */
    actorRole: text().$type<LoanRole>().notNull(),
    actorMemberId: text().references(() => member.id),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("loan_event_by_loan").on(t.loanId, t.at)],
);

/** Members waiting for a busy copy, served by `joinedAt` (then id). */
export const loanQueue = pgTable(
  "loan_queue",
  {
    id: text().primaryKey(),
    copyId: text()
      .notNull()
      .references(() => bookCopy.id),
    memberId: text()
      .notNull()
      .references(() => member.id),
    joinedAt: instant().notNull(),
  },
  (t) => [
    // One place per member and copy, whatever the timing.
    uniqueIndex("loan_queue_once").on(t.copyId, t.memberId),
    index("loan_queue_order").on(t.copyId, t.joinedAt, t.id),
    index("loan_queue_by_member").on(t.memberId),
  ],
);

/**
 * Answers of the ISBN lookup service, so a popular ISBN is fetched once and adding a book
 * works while the service is down. Failures (timeouts) are not cached.
 */
export const isbnLookupCache = pgTable("isbn_lookup_cache", {
  isbn13: text().primaryKey(),
  /** The edition's fields as found; null when the service knows no such ISBN. */
  data: jsonb().$type<Record<string, unknown> | null>(),
  fetchedAt: instant().notNull(),
});
