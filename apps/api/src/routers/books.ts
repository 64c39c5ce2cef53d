// books.*: looking up an ISBN, adding copies (members' own, and officers' for the
// association shelf with a printed label), changing and withdrawing them, search, a book's
// page with its copies, and one's own copies. Copy changes happen under the copy's lock.
import { randomInt, randomUUID } from "node:crypto";
import {
  activitiesFeaturing,
  type BookRow,
  type CopyWithState,
  copiesOfBook,
  copiesOfOwner,
  copiesOnShelf,
  currentMembership,
  findBookByIsbn,
  getBook,
  getCopy,
  getMemberByUserId,
  insertBook,
  insertCopies,
  listLocations,
  locationExists,
  lockCopy,
  type MemberRow,
  membersByIds,
  openLoanOfCopy,
  queuePlacesOf,
  searchBooks,
  toCopy,
  toTier,
  updateCopy,
} from "@readers/db";
import {
  BookSearchInputSchema,
  CopyCreateInputSchema,
  CopyUpdateInputSchema,
  decideCopyWithdrawal,
  IdSchema,
  ISBN_INPUT_MAX_LENGTH,
  LABEL_CODE_RANDOM_LENGTH,
  labelCodeFrom,
  membershipStatusOn,
  normalizeIsbn,
  privilegesFor,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import bwipjs from "bwip-js/node";
import { z } from "zod";
import { auditAction } from "../audit.ts";
import { lookupWithCache } from "../books/isbn-lookup.ts";
import { copyNotFound, endQueue, moveLoan, shortName } from "../books/lending.ts";
import { bookView, type CopyViewContext, copyView } from "../books/views.ts";
import { facts, todayIn } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { isUniqueViolation } from "../trpc/db-errors.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { memberProcedure, organizerProcedure } from "../trpc/init.ts";

const isStaff = (actor: Context["actor"]) =>
  actor.kind === "user" && (actor.role === "organizer" || actor.role === "admin");

async function ownMember(ctx: Context, userId: string): Promise<MemberRow | null> {
  const member = await getMemberByUserId(ctx.db, userId);
  return member && !member.erasedAt ? member : null;
}

/** Opaque keyset cursor of the search order (lower-cased title, id). */
function encodeCursor(title: string, id: string): string {
  return Buffer.from(JSON.stringify([title, id])).toString("base64url");
}

function decodeCursor(cursor: string): { title: string; id: string } {
  try {
    const [title, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof title === "string" && typeof id === "string") return { title, id };
  } catch {
    // fall through
  }
  throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid cursor." });
}

/** Names and places copy views show: owners' short names, shelves' location names. */
async function viewContext(
  ctx: Context,
  states: CopyWithState[],
  viewer: MemberRow | null,
): Promise<CopyViewContext> {
  const ownerIds = [
    ...new Set(states.map((s) => s.copy.ownerMemberId).filter((id): id is string => !!id)),
  ];
  const owners = await membersByIds(ctx.db, ownerIds);
  const locations = await listLocations(ctx.db);
  const myPositions = new Map<string, number>();
  if (viewer) {
    for (const place of await queuePlacesOf(ctx.db, viewer.id)) {
      myPositions.set(place.entry.copyId, place.position);
    }
  }
  return {
    viewerMemberId: viewer?.id ?? null,
    staff: isStaff(ctx.actor),
    ownerNames: new Map(
      [...owners.values()]
        .filter((m) => !m.erasedAt)
        .map((m) => [m.id, shortName(m.firstName, m.lastName)]),
    ),
    locationNames: new Map(locations.map((l) => [l.id, l.name])),
    myPositions,
  };
}

/** May the caller change this copy: its member owner, or an officer for the association's. */
function assertCopyOwner(
  ctx: Context,
  copy: { ownerMemberId: string | null },
  me: MemberRow | null,
) {
  const own = me !== null && copy.ownerMemberId === me.id;
  const association = copy.ownerMemberId === null && isStaff(ctx.actor);
  if (!own && !association) {
    throw domainError({
      code: "NOT_COPY_OWNER",
      message: "Only the copy's owner may change it.",
    });
  }
}

/** A fresh label code; the unique index decides, so a (very unlikely) clash retries. */
function newLabelCode(): string {
  return labelCodeFrom(
    Array.from({ length: LABEL_CODE_RANDOM_LENGTH }, () => randomInt(0, 1_000_000)),
  );
}

/** Code 128 as SVG: the kiosk's scanner reads it, a volunteer can type the code under it. */
export function labelSvg(code: string): string {
  return bwipjs.toSVG({
    bcid: "code128",
    text: code,
    scale: 3,
    height: 12,
    includetext: true,
    textxalign: "center",
  });
}

/** Resolves the edition a new copy is of: an id, a looked-up ISBN, or typed-in details. */
async function resolveBook(
  ctx: Context,
  input: z.output<typeof CopyCreateInputSchema>,
): Promise<BookRow> {
  if (input.bookId) {
    const found = await getBook(ctx.db, input.bookId);
    if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "Book not found." });
    return found;
  }
  if (input.isbn) {
    const existing = await findBookByIsbn(ctx.db, input.isbn);
    if (existing) return existing;
    const answer = await lookupWithCache(ctx.db, ctx.services.isbnLookup, input.isbn, ctx.now, {
      onError: (error) => ctx.logger.warn("isbn lookup failed", { error: String(error) }),
    });
    if (!answer.found) {
      throw domainError({
        code: "BOOK_DETAILS_NEEDED",
        message: "No details were found for this ISBN: enter the book by hand.",
        reason: answer.reason,
      });
    }
    return insertBook(ctx.db, { id: randomUUID(), isbn13: input.isbn, ...answer.book }, ctx.now);
  }
  const manual = input.book!;
  const isbn13 = manual.isbn ?? null;
  if (isbn13) {
    const existing = await findBookByIsbn(ctx.db, isbn13);
    if (existing) return existing;
  }
  return insertBook(
    ctx.db,
    {
      id: randomUUID(),
      isbn13,
      title: manual.title,
      authors: manual.authors,
      year: manual.year,
      language: manual.language,
      coverUrl: manual.coverUrl,
    },
    ctx.now,
  );
}

export const booksRouter = {
  lookupIsbn: memberProcedure
    .meta({ action: "books.lookupIsbn" })
    // A raw string, so a wrong check digit is refused with the domain's INVALID_ISBN.
    .input(z.object({ isbn: z.string().trim().min(1).max(ISBN_INPUT_MAX_LENGTH) }))
    .query(async ({ ctx, input }) => {
      const isbn13 = unwrap(normalizeIsbn(input.isbn));
      const existing = await findBookByIsbn(ctx.db, isbn13);
      if (existing) {
        return {
          found: true as const,
          isbn13,
          source: "catalogue" as const,
          bookId: existing.id as string | null,
          book: bookView(existing),
        };
      }
      const answer = await lookupWithCache(ctx.db, ctx.services.isbnLookup, isbn13, ctx.now, {
        onError: (error) => ctx.logger.warn("isbn lookup failed", { error: String(error) }),
      });
      if (!answer.found) return { found: false as const, isbn13, reason: answer.reason };
      return {
        found: true as const,
        isbn13,
        source: "lookup" as const,
        bookId: null as string | null,
        book: { id: null, isbn13, ...answer.book },
      };
    }),

  addCopy: memberProcedure
    .meta({ action: "books.addCopy" })
    .input(CopyCreateInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const staff = isStaff(ctx.actor);
      if (input.forAssociation || input.custodian.kind === "shelf") {
        // Only officers put copies on the association's shelves.
        if (!staff) {
          throw domainError({
            code: "NOT_PERMITTED",
            message: "Only officers add copies to the association's shelf.",
            action: "books.addCopy",
          });
        }
        if (
          input.custodian.kind === "shelf" &&
          !(await locationExists(ctx.db, input.custodian.locationId))
        ) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "Unknown location." });
        }
      }
      if (!input.forAssociation) {
        if (!me)
          throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
        const current = await currentMembership(ctx.db, me.id);
        const status = current
          ? membershipStatusOn(
              facts(current.membership),
              toTier(current.tier),
              todayIn(ctx.now, ctx.services.timezone),
            )
          : "cancelled";
        if (!privilegesFor(status).shareBooks) {
          throw domainError({
            code: "MEMBERSHIP_INACTIVE",
            message: "Sharing books needs an active membership.",
            membershipStatus: status,
          });
        }
      }
      const book = await resolveBook(ctx, input);
      const shelfLocationId = input.custodian.kind === "shelf" ? input.custodian.locationId : null;
      const rows = () =>
        Array.from({ length: input.quantity }, () => ({
          id: randomUUID(),
          bookId: book.id,
          ownerMemberId: input.forAssociation ? null : me!.id,
          shelfLocationId,
          mode: input.mode,
          condition: input.condition,
          note: input.note,
          visible: input.visible,
          minTrust: input.minTrust,
          loanDays: input.loanDays,
          labelCode: input.forAssociation ? newLabelCode() : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }));
      let created: Awaited<ReturnType<typeof insertCopies>> | undefined;
      for (let attempt = 0; !created; attempt++) {
        try {
          created = await ctx.db.transaction(async (tx) => {
            const copies = await insertCopies(tx, rows());
            if (input.forAssociation) {
              await auditAction(tx, ctx, "book.addCopies", "book", book.id, {
                copies: copies.map((c) => c.id),
                locationId: shelfLocationId,
              });
            }
            return copies;
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 2) throw error;
        }
      }
      const states = created.map((copy) => ({ copy, openLoan: null, queueLength: 0 }));
      const vc = await viewContext(ctx, states, me);
      return { book: bookView(book), copies: states.map((s) => copyView(s, vc)) };
    }),

  updateCopy: memberProcedure
    .meta({ action: "books.updateCopy" })
    .input(CopyUpdateInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const updated = await ctx.db.transaction(async (tx) => {
        const copy = await lockCopy(tx, input.id);
        if (!copy) throw copyNotFound();
        assertCopyOwner(ctx, copy, me);
        const { id: _id, custodian, ...fields } = input;
        let shelfLocationId = copy.shelfLocationId;
        if (custodian) {
          if (custodian.kind === "shelf") {
            if (!isStaff(ctx.actor)) {
              throw domainError({
                code: "NOT_PERMITTED",
                message: "Only officers put copies on the association's shelf.",
                action: "books.updateCopy",
              });
            }
            if (!(await locationExists(tx, custodian.locationId))) {
              throw new TRPCError({ code: "BAD_REQUEST", message: "Unknown location." });
            }
            shelfLocationId = custodian.locationId;
          } else if (copy.ownerMemberId === null) {
            throw new TRPCError({
              code: "BAD_REQUEST",
              message: "Association copies are kept on a shelf.",
            });
          } else {
            shelfLocationId = null;
          }
        }
        const next = await updateCopy(tx, copy.id, {
          ...fields,
          shelfLocationId,
          updatedAt: ctx.now,
        });
        if (copy.ownerMemberId === null) {
          await auditAction(tx, ctx, "book.updateCopy", "book_copy", copy.id, { ...input });
        }
        return next;
      });
      const [state] = await copiesWithState(ctx, [updated.id], updated.bookId);
      return copyView(state!, await viewContext(ctx, [state!], me));
    }),

  withdrawCopy: memberProcedure
    .meta({ action: "books.withdrawCopy" })
    .input(z.object({ id: IdSchema }))
    .mutation(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const withdrawn = await ctx.db.transaction(async (tx) => {
        const copy = await lockCopy(tx, input.id);
        if (!copy) throw copyNotFound();
        assertCopyOwner(ctx, copy, me);
        const open = await openLoanOfCopy(tx, copy.id);
        unwrap(
          decideCopyWithdrawal({
            copy: toCopy(copy),
            openLoanState: open ? (open.state as "requested") : null,
          }),
        );
        // An open request ends (the asker is told); queue places end with the copy.
        await updateCopy(tx, copy.id, { withdrawnAt: ctx.now, updatedAt: ctx.now });
        if (open) {
          await moveLoan(tx, ctx, {
            loanId: open.id,
            move: "decline",
            actor: copy.ownerMemberId
              ? { kind: "member", memberId: copy.ownerMemberId }
              : { kind: "member", memberId: me?.id ?? `user:${ctx.actor.userId}`, staff: true },
            note: "withdrawn",
          });
        }
        await endQueue(tx, ctx, copy, "withdrawn");
        if (copy.ownerMemberId === null) {
          await auditAction(tx, ctx, "book.withdrawCopy", "book_copy", copy.id);
        }
        return (await getCopy(tx, copy.id))!;
      });
      ctx.services.notify();
      const [state] = await copiesWithState(ctx, [withdrawn.id], withdrawn.bookId, true);
      return copyView(state!, await viewContext(ctx, [state!], me));
    }),

  search: memberProcedure
    .meta({ action: "books.search" })
    .input(BookSearchInputSchema.prefault({}))
    .query(async ({ ctx, input }) => {
      const hits = await searchBooks(ctx.db, {
        text: input.text,
        language: input.language,
        availableNow: input.availableNow,
        mode: input.mode,
        associationOnly: input.associationOnly,
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      });
      const page = hits.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((h) => ({
          book: bookView(h.book),
          copies: h.copies,
          available: h.available,
        })),
        nextCursor:
          hits.length > input.limit && last ? encodeCursor(last.sortKey, last.book.id) : null,
      };
    }),

  get: memberProcedure
    .meta({ action: "books.get" })
    .input(z.object({ id: IdSchema }))
    .query(async ({ ctx, input }) => {
      const book = await getBook(ctx.db, input.id);
      if (!book) throw new TRPCError({ code: "NOT_FOUND", message: "Book not found." });
      const me = await ownMember(ctx, ctx.actor.userId);
      const staff = isStaff(ctx.actor);
      // Hidden copies are shown to their owner and to officers only.
      const states = (await copiesOfBook(ctx.db, book.id)).filter(
        (s) => s.copy.visible || staff || (me !== null && s.copy.ownerMemberId === me.id),
      );
      const vc = await viewContext(ctx, states, me);
      const activities = await activitiesFeaturing(ctx.db, book.id, book.title);
      return {
        book: bookView(book),
        copies: states.map((s) => copyView(s, vc)),
        activities: activities.map((a) => ({
          id: a.id,
          title: a.title,
          startsAt: a.startsAt.toISOString(),
        })),
      };
    }),

  myCopies: memberProcedure
    .meta({ action: "books.myCopies" })
    .input(z.object({ shelfLocationId: IdSchema.optional() }).prefault({}))
    .query(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      if (input.shelfLocationId !== undefined && !isStaff(ctx.actor)) {
        throw domainError({
          code: "NOT_PERMITTED",
          message: "Only officers list a shelf.",
          action: "books.myCopies",
        });
      }
      const rows = input.shelfLocationId
        ? await copiesOnShelf(ctx.db, input.shelfLocationId)
        : me
          ? await copiesOfOwner(ctx.db, me.id)
          : [];
      const vc = await viewContext(ctx, rows, me);
      return {
        items: rows.map((r) => ({ book: bookView(r.book), copy: copyView(r, vc) })),
      };
    }),

  label: organizerProcedure
    .meta({ action: "books.label" })
    .input(z.object({ copyId: IdSchema }))
    .query(async ({ ctx, input }) => {
      const copy = await getCopy(ctx.db, input.copyId);
      if (!copy?.labelCode) throw copyNotFound();
      const book = await getBook(ctx.db, copy.bookId);
      const locations = await listLocations(ctx.db);
      return {
        copyId: copy.id,
        code: copy.labelCode,
        title: book?.title ?? "",
        location: locations.find((l) => l.id === copy.shelfLocationId)?.name ?? null,
        /** Code 128 with the code printed under it, ready to print on a label. */
        svg: labelSvg(copy.labelCode),
      };
    }),
} satisfies TRPCRouterRecord;

/** Copies (of one book) with their state, for views after a change. */
async function copiesWithState(
  ctx: Context,
  ids: string[],
  bookId: string,
  includeWithdrawn = false,
): Promise<CopyWithState[]> {
  if (includeWithdrawn) {
    const rows = await Promise.all(ids.map((id) => getCopy(ctx.db, id)));
    return rows
      .filter((c): c is NonNullable<typeof c> => c !== null)
      .map((copy) => ({ copy, openLoan: null, queueLength: 0 }));
  }
  return (await copiesOfBook(ctx.db, bookId)).filter((s) => ids.includes(s.copy.id));
}
