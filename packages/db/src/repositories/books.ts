// Books (editions), copies and the ISBN lookup cache: rows in, domain-shaped data out, and
// the book search (full text, trigrams and CJK pairs; see docs/decisions/009-book-search.md).
import {
  type Book,
  bookSearchDocument,
  type Copy,
  cjkQueryGrams,
  isEmptySearch,
  OPEN_LOAN_STATES,
  parseBookSearch,
} from "@readers/domain";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Database, queryRows, type Tx } from "../client.ts";
import { book, bookCopy, isbnLookupCache, loan, loanQueue } from "../schema/index.ts";
import { escapeLike } from "./members.ts";

type Db = Database | Tx;

export type BookRow = typeof book.$inferSelect;
export type CopyRow = typeof bookCopy.$inferSelect;
export type NewCopy = typeof bookCopy.$inferInsert;

/** The open states as an SQL list, for raw queries. */
const OPEN_STATES = sql.raw(OPEN_LOAN_STATES.map((s) => `'${s}'`).join(", "));

export function toBook(row: BookRow): Book {
  return {
    id: row.id,
    isbn13: row.isbn13,
    title: row.title,
    authors: row.authors,
    year: row.year,
    language: row.language,
    coverUrl: row.coverUrl,
  };
}

export function toCopy(row: CopyRow): Copy {
  return {
    id: row.id,
    bookId: row.bookId,
    owner: row.ownerMemberId
      ? { kind: "member", memberId: row.ownerMemberId }
      : { kind: "association" },
    custodian: row.shelfLocationId
      ? { kind: "shelf", locationId: row.shelfLocationId }
      : { kind: "owner" },
    mode: row.mode,
    condition: row.condition,
    note: row.note,
    visible: row.visible,
    minTrust: row.minTrust,
    loanDays: row.loanDays,
    withdrawnAt: row.withdrawnAt,
  };
}

// ------------------------------------------------------------------------------- books

export async function getBook(db: Db, id: string): Promise<BookRow | null> {
  return (await db.select().from(book).where(eq(book.id, id)))[0] ?? null;
}

export async function findBookByIsbn(db: Db, isbn13: string): Promise<BookRow | null> {
  return (await db.select().from(book).where(eq(book.isbn13, isbn13)))[0] ?? null;
}

/** The columns of a book with its search document, computed by the domain. */
function bookColumns(b: Omit<Book, "id">) {
  const doc = bookSearchDocument(b);
  return {
    isbn13: b.isbn13,
    title: b.title,
    authors: [...b.authors],
    year: b.year,
    language: b.language,
    coverUrl: b.coverUrl,
    searchText: doc.text,
    cjkGrams: doc.cjkGrams,
  };
}

/**
 * Adds an edition, or returns the one with the same ISBN (two members adding one ISBN at
 * once meet on the unique index and share the row).
 */
export async function insertBook(db: Db, b: Book, now: Date): Promise<BookRow> {
  const [created] = await db
    .insert(book)
    .values({ id: b.id, ...bookColumns(b), createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const existing = b.isbn13 ? await findBookByIsbn(db, b.isbn13) : await getBook(db, b.id);
  return existing!;
}

/** Rows for many books at once (demo data, benchmarks): search documents included. */
export function bookRows(books: Book[], now: Date): (typeof book.$inferInsert)[] {
  return books.map((b) => ({ id: b.id, ...bookColumns(b), createdAt: now, updatedAt: now }));
}

// ------------------------------------------------------------------------------ copies

export async function insertCopies(db: Db, rows: NewCopy[]): Promise<CopyRow[]> {
  if (rows.length === 0) return [];
  return db.insert(bookCopy).values(rows).returning();
}

export async function getCopy(db: Db, id: string): Promise<CopyRow | null> {
  return (await db.select().from(bookCopy).where(eq(bookCopy.id, id)))[0] ?? null;
}

/** Locks a copy for a decision about it (request, move, withdrawal) in this transaction. */
export async function lockCopy(tx: Tx, id: string): Promise<CopyRow | null> {
  return (await tx.select().from(bookCopy).where(eq(bookCopy.id, id)).for("update"))[0] ?? null;
}

export async function updateCopy(
  db: Db,
  id: string,
  patch: Partial<Omit<NewCopy, "id" | "bookId">>,
): Promise<CopyRow> {
  return (await db.update(bookCopy).set(patch).where(eq(bookCopy.id, id)).returning())[0]!;
}

/** A copy with what members see of its state: its open loan (if any) and queue length. */
export interface CopyWithState {
  copy: CopyRow;
  openLoan: {
    id: string;
    state: "requested" | "accepted" | "on_loan";
    borrowerId: string;
    dueDate: string | null;
  } | null;
  queueLength: number;
}

async function withState(db: Db, copies: CopyRow[]): Promise<CopyWithState[]> {
  if (copies.length === 0) return [];
  const ids = copies.map((c) => c.id);
  const loans = await db
    .select({
      id: loan.id,
      copyId: loan.copyId,
      state: loan.state,
      borrowerId: loan.borrowerId,
      dueDate: loan.dueDate,
    })
    .from(loan)
    .where(and(inArray(loan.copyId, ids), inArray(loan.state, [...OPEN_LOAN_STATES])));
  const queues = await db
    .select({ copyId: loanQueue.copyId, n: sql<number>`count(*)::int` })
    .from(loanQueue)
    .where(inArray(loanQueue.copyId, ids))
    .groupBy(loanQueue.copyId);
  const loanBy = new Map(loans.map((l) => [l.copyId, l]));
  const queueBy = new Map(queues.map((q) => [q.copyId, q.n]));
  return copies.map((copy) => {
    const l = loanBy.get(copy.id);
    return {
      copy,
      openLoan: l
        ? {
            id: l.id,
            state: l.state as "requested" | "accepted" | "on_loan",
            borrowerId: l.borrowerId,
            dueDate: l.dueDate,
          }
        : null,
      queueLength: queueBy.get(copy.id) ?? 0,
    };
  });
}

/** The copies of one book (withdrawn ones left out), oldest first, with their state. */
export async function copiesOfBook(db: Db, bookId: string): Promise<CopyWithState[]> {
  const rows = await db
    .select()
    .from(bookCopy)
    .where(and(eq(bookCopy.bookId, bookId), isNull(bookCopy.withdrawnAt)))
    .orderBy(bookCopy.createdAt, bookCopy.id);
  return withState(db, rows);
}

/** A member's own copies (withdrawn ones too, last), with their books and state. */
export async function copiesOfOwner(
  db: Db,
  memberId: string,
): Promise<(CopyWithState & { book: BookRow })[]> {
  const rows = await db
    .select({ copy: bookCopy, book })
    .from(bookCopy)
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .where(eq(bookCopy.ownerMemberId, memberId))
    .orderBy(sql`${bookCopy.withdrawnAt} is not null`, sql`lower(${book.title})`, bookCopy.id);
  const states = await withState(
    db,
    rows.map((r) => r.copy),
  );
  return states.map((s, i) => ({ ...s, book: rows[i]!.book }));
}

/** The association's copies on one location's shelf (officers' shelf list), with state. */
export async function copiesOnShelf(
  db: Db,
  locationId: string,
): Promise<(CopyWithState & { book: BookRow })[]> {
  const rows = await db
    .select({ copy: bookCopy, book })
    .from(bookCopy)
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .where(
      and(
        eq(bookCopy.shelfLocationId, locationId),
        isNull(bookCopy.ownerMemberId),
        isNull(bookCopy.withdrawnAt),
      ),
    )
    .orderBy(sql`lower(${book.title})`, bookCopy.id);
  const states = await withState(
    db,
    rows.map((r) => r.copy),
  );
  return states.map((s, i) => ({ ...s, book: rows[i]!.book }));
}

/**
 * Association copies that a scanned barcode names: the one with that label code, or every
 * copy of that ISBN; on `locationId`'s shelf only, or on any shelf when it is null (a book
 * may come back to another library). Withdrawn copies are left out.
 */
export async function shelfCopiesByBarcode(
  db: Db,
  locationId: string | null,
  barcode: { kind: "label"; code: string } | { kind: "isbn"; isbn13: string },
): Promise<CopyRow[]> {
  const where = [isNull(bookCopy.ownerMemberId), isNull(bookCopy.withdrawnAt)];
  if (locationId !== null) where.push(eq(bookCopy.shelfLocationId, locationId));
  if (barcode.kind === "label") {
    return db
      .select()
      .from(bookCopy)
      .where(and(...where, eq(bookCopy.labelCode, barcode.code)));
  }
  const rows = await db
    .select({ copy: bookCopy })
    .from(bookCopy)
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .where(and(...where, eq(book.isbn13, barcode.isbn13)))
    .orderBy(bookCopy.createdAt, bookCopy.id);
  return rows.map((r) => r.copy);
}

// ------------------------------------------------------------------------------ search

export interface BookSearchFilter {
  text?: string;
  language?: string;
  availableNow: boolean;
  mode?: "lend" | "give";
  associationOnly: boolean;
  /** Keyset: the last row of the previous page (lower-cased title, id). */
  after?: { title: string; id: string };
  limit: number;
}

export interface BookSearchHit {
  book: BookRow;
  /** The title as the database orders it (lower-cased there): the paging cursor's key. */
  sortKey: string;
  /** Listed copies matching the filters. */
  copies: number;
  /** Of those, copies nobody has asked for right now. */
  available: number;
}

/** The SQL that a text query needs of `b` (a `book` row), or null when it has no text. */
function textCondition(text: string | undefined): SQL | null {
  if (!text) return null;
  const query = parseBookSearch(text);
  if (isEmptySearch(query)) return null;
  if (query.isbn13) return sql`b.isbn13 = ${query.isbn13}`;
  const parts: SQL[] = [];
  for (const word of query.words) {
    // Trigrams find a word from any 3 letters in a row ("atsb" in "gatsby"); shorter words
    // have no trigram of their own, so they match as word prefixes in the tsvector.
    if (word.length >= 3) parts.push(sql`b.search_text like ${`%${escapeLike(word)}%`}`);
    else parts.push(sql`b.search_vector @@ to_tsquery('simple', ${`${word}:*`})`);
  }
  for (const run of query.cjkRuns) {
    // The pairs narrow it down through the GIN index; the LIKE keeps them in a row.
    parts.push(
      sql`b.cjk_grams @> ${textArray(cjkQueryGrams(run))} and b.search_text like ${`%${escapeLike(run)}%`}`,
    );
  }
  return sql.join(parts, sql` and `);
}

/** A text[] of bound parameters. */
function textArray(values: string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Searches books by text (title, authors, ISBN) with copy filters, a page at a time in
 * title order. With text, the matching books are found first through the GIN indexes
 * (a materialised CTE); without, the title index is walked in order. Either way each
 * candidate's copies are checked by a lateral probe that stops at the first match, and the
 * walk stops at the page, so the cost follows the page and the matches, not the catalogue.
 *
 * The planner's default costs (random_page_cost 4, made for spinning disks) prefer reading
 * the whole book table to a GIN bitmap; here that is several times slower, so sequential
 * scans are switched off for this one read-only transaction. See
 * docs/decisions/009-book-search.md.
 */
export async function searchBooks(db: Db, f: BookSearchFilter): Promise<BookSearchHit[]> {
  const copyFilter: SQL[] = [sql`c.withdrawn_at is null`, sql`c.visible`];
  if (f.mode) copyFilter.push(sql`c.mode = ${f.mode}`);
  if (f.associationOnly) copyFilter.push(sql`c.owner_member_id is null`);
  const free = sql`not exists (select 1 from loan l where l.copy_id = c.id and l.state in (${OPEN_STATES}))`;
  const listed = sql.join(copyFilter, sql` and `);
  const matching = f.availableNow ? sql`${listed} and ${free}` : listed;
  const bookFilter: SQL[] = [];
  if (f.language) {
    // By primary subtag (the book_language_title_order index), then the full tag if given.
    const lang = f.language.toLowerCase();
    const primary = lang.split("-")[0] ?? lang;
    bookFilter.push(sql`lower(split_part(b.language, '-', 1)) = ${primary}`);
    if (lang !== primary) {
      bookFilter.push(
        sql`(lower(b.language) = ${lang} or lower(b.language) like ${`${escapeLike(lang)}-%`})`,
      );
    }
  }
  if (f.after) bookFilter.push(sql`(lower(b.title), b.id) > (${f.after.title}, ${f.after.id})`);
  const text = textCondition(f.text);
  // With text: the matches, sorted before their copies are probed, so the probes stop at
  // the page. Without: a title index (per language when filtered) already walks in order.
  const candidates = text
    ? sql`(with hits as materialized (
              select b.id, lower(b.title) as sort_key from book b
              where ${sql.join([text, ...bookFilter], sql` and `)})
            select * from hits order by sort_key, id) b`
    : sql`(select b.id, lower(b.title) as sort_key from book b
           ${bookFilter.length ? sql`where ${sql.join(bookFilter, sql` and `)}` : sql``}) b`;
  const query = sql`select b.id, b.isbn13, b.title, b.authors, b.year, b.language, b.cover_url,
          b.created_at, b.updated_at, page.sort_key,
          (select count(*)::int from book_copy c where c.book_id = b.id and ${listed}) as copies,
          (select count(*)::int from book_copy c where c.book_id = b.id and ${listed} and ${free}) as available
        from (select b.id, b.sort_key
              from ${candidates}
              cross join lateral (select 1 from book_copy c
                                  where c.book_id = b.id and ${matching} limit 1) as has_copy
              order by b.sort_key, b.id
              limit ${f.limit}) page
        join book b on b.id = page.id
        order by page.sort_key, page.id`;
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return queryRows<Record<string, unknown>>(tx, query);
  });
  return rows.map((r) => ({
    book: {
      id: r.id as string,
      isbn13: (r.isbn13 as string | null) ?? null,
      title: r.title as string,
      authors: r.authors as string[],
      year: (r.year as number | null) ?? null,
      language: (r.language as string | null) ?? null,
      coverUrl: (r.cover_url as string | null) ?? null,
      searchText: "",
      searchVector: "",
      cjkGrams: [],
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
    },
    sortKey: r.sort_key as string,
    copies: Number(r.copies),
    available: Number(r.available),
  }));
}

/** Published activities that feature a book, by id or by its title among the free-text ones. */
export async function activitiesFeaturing(
  db: Db,
  bookId: string,
  title: string,
  limit = 10,
): Promise<{ id: string; title: string; startsAt: Date }[]> {
  const rows = await queryRows<{ id: string; title: string; starts_at: string | Date }>(
    db,
    sql`select a.id, a.title, a.starts_at from activity a
        where a.status = 'published'
          and (${bookId} = any(a.featured_book_ids)
               or exists (select 1 from unnest(a.featured_books) f
                          where position(lower(${title}) in lower(f)) > 0))
        order by a.starts_at desc
        limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, startsAt: new Date(r.starts_at) }));
}

// ---------------------------------------------------------------------- lookup cache

export async function getCachedLookup(
  db: Db,
  isbn13: string,
): Promise<{ data: Record<string, unknown> | null; fetchedAt: Date } | null> {
  const rows = await db.select().from(isbnLookupCache).where(eq(isbnLookupCache.isbn13, isbn13));
  return rows[0] ?? null;
}

export async function putCachedLookup(
  db: Db,
  isbn13: string,
  data: Record<string, unknown> | null,
  now: Date,
): Promise<void> {
  await db
    .insert(isbnLookupCache)
    .values({ isbn13, data, fetchedAt: now })
    .onConflictDoUpdate({ target: isbnLookupCache.isbn13, set: { data, fetchedAt: now } });
}
