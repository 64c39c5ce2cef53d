// Loans, their timeline and the queues on busy copies: rows in, domain-shaped data out.
// Decisions are taken by the domain under the copy's row lock (`lockCopy`); these only read
// what the rules need and write what they decided.
import { type Loan, type LoanRole, OPEN_LOAN_STATES } from "@readers/domain";
import { and, asc, desc, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Tx } from "../client.ts";
import { book, bookCopy, loan, loanEvent, loanQueue, member } from "../schema/index.ts";

type Db = Database | Tx;

export type LoanRow = typeof loan.$inferSelect;
export type LoanEventRow = typeof loanEvent.$inferSelect;
export type QueueRow = typeof loanQueue.$inferSelect;

const OPEN = [...OPEN_LOAN_STATES];

export function toLoan(row: LoanRow): Loan {
  return {
    id: row.id,
    copyId: row.copyId,
    borrowerId: row.borrowerId,
    ownerMemberId: row.ownerMemberId,
    mode: row.mode,
    state: row.state,
    requestedAt: row.requestedAt,
    acceptedAt: row.acceptedAt,
    handedOverAt: row.handedOverAt,
    dueDate: row.dueDate,
    closedAt: row.closedAt,
    renewals: row.renewals,
  };
}

export async function getLoan(db: Db, id: string): Promise<LoanRow | null> {
  return (await db.select().from(loan).where(eq(loan.id, id)))[0] ?? null;
}

export async function insertLoan(db: Db, row: typeof loan.$inferInsert): Promise<LoanRow> {
  return (await db.insert(loan).values(row).returning())[0]!;
}

/** Writes a decided loan back (the domain's `Loan` after a move). */
export async function saveLoan(db: Db, next: Loan, now: Date): Promise<LoanRow> {
  return (
    await db
      .update(loan)
      .set({
        ownerMemberId: next.ownerMemberId,
        state: next.state,
        acceptedAt: next.acceptedAt,
        handedOverAt: next.handedOverAt,
        dueDate: next.dueDate,
        closedAt: next.closedAt,
        renewals: next.renewals,
        updatedAt: now,
      })
      .where(eq(loan.id, next.id))
      .returning()
  )[0]!;
}

/** The copy's open loan (requested, accepted or on loan), if any. */
export async function openLoanOfCopy(db: Db, copyId: string): Promise<LoanRow | null> {
  const rows = await db
    .select()
    .from(loan)
    .where(and(eq(loan.copyId, copyId), inArray(loan.state, OPEN)));
  return rows[0] ?? null;
}

export async function addLoanEvent(
  db: Db,
  row: {
    loanId: string;
    at: Date;
    kind: string;
    actorRole: LoanRole;
    actorMemberId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(loanEvent).values({
    loanId: row.loanId,
    at: row.at,
    kind: row.kind,
    actorRole: row.actorRole,
    actorMemberId: row.actorMemberId ?? null,
    details: row.details ?? {},
  });
}

/** Timelines of several loans, each in order. */
export async function loanEvents(db: Db, loanIds: string[]): Promise<Map<string, LoanEventRow[]>> {
  const byLoan = new Map<string, LoanEventRow[]>();
  if (loanIds.length === 0) return byLoan;
  const rows = await db
    .select()
    .from(loanEvent)
    .where(inArray(loanEvent.loanId, loanIds))
    .orderBy(asc(loanEvent.at), asc(loanEvent.id));
  for (const row of rows) {
    const list = byLoan.get(row.loanId) ?? [];
    list.push(row);
    byLoan.set(row.loanId, list);
  }
  return byLoan;
}

// ------------------------------------------------------------------ what the rules read

/** A member's open loans as the eligibility rules read them. */
export async function openLoansOfBorrower(
  db: Db,
  memberId: string,
): Promise<{ id: string; copyId: string; state: LoanRow["state"]; dueDate: string | null }[]> {
  return db
    .select({ id: loan.id, copyId: loan.copyId, state: loan.state, dueDate: loan.dueDate })
    .from(loan)
    .where(and(eq(loan.borrowerId, memberId), inArray(loan.state, OPEN)));
}

/** The copies a member is queued for. */
export async function queuedCopyIds(db: Db, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ copyId: loanQueue.copyId })
    .from(loanQueue)
    .where(eq(loanQueue.memberId, memberId));
  return rows.map((r) => r.copyId);
}

/** Successful returns of the member as borrower (the domain's `trustScore`, counted in SQL). */
export async function trustOf(db: Db, memberId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loan)
    .where(and(eq(loan.borrowerId, memberId), eq(loan.state, "returned")));
  return Number(rows[0]?.n ?? 0);
}

/** Trust of several members at once (owners' inbox). */
export async function trustOfMembers(db: Db, memberIds: string[]): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ memberId: loan.borrowerId, n: sql<number>`count(*)::int` })
    .from(loan)
    .where(and(inArray(loan.borrowerId, memberIds), eq(loan.state, "returned")))
    .groupBy(loan.borrowerId);
  return new Map(rows.map((r) => [r.memberId, Number(r.n)]));
}

// ------------------------------------------------------------------------------- queue

/** A copy's queue in serving order (joined, then id). */
export async function queueOf(db: Db, copyId: string): Promise<QueueRow[]> {
  return db
    .select()
    .from(loanQueue)
    .where(eq(loanQueue.copyId, copyId))
    .orderBy(asc(loanQueue.joinedAt), asc(loanQueue.id));
}

export async function insertQueueEntry(db: Db, row: typeof loanQueue.$inferInsert): Promise<void> {
  await db.insert(loanQueue).values(row);
}

export async function deleteQueueEntries(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(loanQueue).where(inArray(loanQueue.id, ids));
}

/** Removes a member's place; `true` when there was one. */
export async function deleteQueueEntry(db: Db, copyId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .delete(loanQueue)
    .where(and(eq(loanQueue.copyId, copyId), eq(loanQueue.memberId, memberId)))
    .returning({ id: loanQueue.id });
  return rows.length > 0;
}

/** A member's queue places with their position (1 = next) and the book. */
export async function queuePlacesOf(db: Db, memberId: string) {
  const rows = await db
    .select({
      entry: loanQueue,
      position: sql<number>`(select count(*)::int from loan_queue q2
        where q2.copy_id = ${loanQueue.copyId}
          and (q2.joined_at, q2.id) <= (${loanQueue.joinedAt}, ${loanQueue.id}))`,
      copy: bookCopy,
      book,
    })
    .from(loanQueue)
    .innerJoin(bookCopy, eq(bookCopy.id, loanQueue.copyId))
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .where(eq(loanQueue.memberId, memberId))
    .orderBy(asc(loanQueue.joinedAt));
  return rows.map((r) => ({ ...r, position: Number(r.position) }));
}

// ---------------------------------------------------------------------------- listings

const borrower = alias(member, "borrower");

/** Loans with their copy, book, and the borrower's name (what lists and pages show), newest first. */
export async function loansWithContext(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      loan,
      copy: bookCopy,
      book,
      borrower: { firstName: borrower.firstName, lastName: borrower.lastName },
    })
    .from(loan)
    .innerJoin(bookCopy, eq(bookCopy.id, loan.copyId))
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .innerJoin(borrower, eq(borrower.id, loan.borrowerId))
    .where(where)
    .orderBy(desc(loan.requestedAt), desc(loan.id))
    .limit(limit);
}

export function loanByIdWhere(id: string): SQL {
  return eq(loan.id, id);
}

/** Loans where the member is the borrower or the owner: open ones, or closed ones too. */
export function memberLoansWhere(
  memberId: string,
  role: "borrower" | "owner",
  open: boolean,
): SQL | undefined {
  const party =
    role === "borrower" ? eq(loan.borrowerId, memberId) : eq(loan.ownerMemberId, memberId);
  return open ? and(party, inArray(loan.state, OPEN)) : party;
}

/** Loans on the association's copies (officers' desk): open ones. */
export function associationLoansWhere(): SQL | undefined {
  return and(sql`${loan.ownerMemberId} is null`, inArray(loan.state, OPEN));
}

// -------------------------------------------------------------------------------- jobs

/**
 * Open loans whose wait is over at `now`: requests older than `requestDays`, accepted
 * loans not collected `pickupDays` after acceptance. The job decides each under its lock.
 */
export async function loansPastWait(
  db: Db,
  now: Date,
  settings: { requestExpiryDays: number; pickupDays: number },
  limit = 500,
): Promise<{ id: string; copyId: string }[]> {
  const day = 86_400_000;
  const requestedBefore = new Date(now.getTime() - settings.requestExpiryDays * day);
  const acceptedBefore = new Date(now.getTime() - settings.pickupDays * day);
  return db
    .select({ id: loan.id, copyId: loan.copyId })
    .from(loan)
    .where(
      or(
        and(eq(loan.state, "requested"), lte(loan.requestedAt, requestedBefore)),
        and(eq(loan.state, "accepted"), lte(loan.acceptedAt, acceptedBefore)),
      ),
    )
    .limit(limit);
}

/** Loans on loan due on one of `dates` (reminder sweep), with their book's title. */
export async function onLoanDueOn(db: Db, dates: string[]) {
  if (dates.length === 0) return [];
  return db
    .select({ loan, title: book.title })
    .from(loan)
    .innerJoin(bookCopy, eq(bookCopy.id, loan.copyId))
    .innerJoin(book, eq(book.id, bookCopy.bookId))
    .where(and(eq(loan.state, "on_loan"), inArray(loan.dueDate, dates)));
}

/** Members by id (names for views). */
export async function membersByIds(
  db: Db,
  ids: string[],
): Promise<Map<string, typeof member.$inferSelect>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(member).where(inArray(member.id, ids));
  return new Map(rows.map((m) => [m.id, m]));
}
