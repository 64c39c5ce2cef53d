// The association shelf at the kiosk: a member scans their card and a book's label (or its
// ISBN) to borrow it at once when eligible, and anyone scans a book to return it. Each scan
// carries the kiosk's client id: a re-sent scan replays the first answer instead of acting
// twice (kiosk_request). The lead spreads these into the kiosk router.
import { randomUUID } from "node:crypto";
import {
  addLoanEvent,
  type CopyRow,
  findKioskRequest,
  getBook,
  getMemberByNumber,
  insertLoan,
  lockCopy,
  lockMember,
  type MemberRow,
  openLoanOfCopy,
  saveKioskRequest,
  shelfCopiesByBarcode,
  type Tx,
  toCopy,
} from "@readers/db";
import {
  decideLoanRequest,
  decodeCardPayload,
  isOverdue,
  KioskBorrowInputSchema,
  KioskReturnInputSchema,
  parseShelfBarcode,
  verifyCardPayload,
} from "@readers/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { borrowerOf, moveLoan } from "../books/lending.ts";
import { cardHmac } from "../members/card.ts";
import { todayIn } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { isUniqueViolation } from "../trpc/db-errors.ts";
import { DomainRefusal, domainError, unwrap } from "../trpc/errors.ts";
import { kioskProcedure } from "../trpc/init.ts";

type KioskCtx = Context & { actor: Extract<Context["actor"], { kind: "kiosk" }> };

/** What the kiosk shows after a borrow. */
export interface ShelfBorrowResult {
  outcome: "BORROWED";
  loanId: string;
  copyId: string;
  title: string;
  dueDate: string;
  /** First name only: the screen is public. */
  memberFirstName: string;
}

/** What the kiosk shows after a return. */
export interface ShelfReturnResult {
  outcome: "RETURNED";
  loanId: string;
  copyId: string;
  title: string;
  /** Brought back after its due date (the kiosk may say so kindly). */
  late: boolean;
  /** Someone is waiting: put it on the hold shelf, not back on the open one. */
  reserved: boolean;
}

/** The member a card QR or a typed member number names, checked as the desk checks cards. */
async function memberOfCredential(
  ctx: KioskCtx,
  credential: { qr: string } | { memberNumber: string },
): Promise<MemberRow> {
  const number =
    "qr" in credential
      ? unwrap(decodeCardPayload(credential.qr)).memberNumber
      : credential.memberNumber;
  const member = await getMemberByNumber(ctx.db, number);
  if (!member || member.erasedAt) {
    throw domainError({ code: "UNKNOWN_MEMBER", message: "No member has this number." });
  }
  if ("qr" in credential) {
    // A lost card's old QR code is refused (CARD_REVOKED), a forged one too.
    unwrap(
      await verifyCardPayload(credential.qr, member.cardVersion, cardHmac(ctx.services.cardKey)),
    );
  }
  return member;
}

const notOnShelf = () =>
  domainError({ code: "COPY_NOT_FOUND", message: "No copy with this code on this shelf." });

/**
 * Runs a scan once per client id: a stored answer is replayed; a refusal is not stored
 * (the server may decide differently when the kiosk retries), but if the same scan raced
 * in from a retry and won, its stored answer is what this one returns too.
 */
async function once<T>(
  ctx: KioskCtx,
  clientId: string,
  kind: "borrow" | "return",
  act: () => Promise<T>,
): Promise<T> {
  const stored = await findKioskRequest(ctx.db, ctx.actor.deviceId, clientId);
  if (stored?.kind === kind) return stored.result as T;
  try {
    return await act();
  } catch (error) {
    const refused = error instanceof Error && error.cause instanceof DomainRefusal;
    if (refused || isUniqueViolation(error)) {
      const raced = await findKioskRequest(ctx.db, ctx.actor.deviceId, clientId);
      if (raced?.kind === kind) return raced.result as T;
    }
    throw error;
  }
}

/** Of the copies a barcode names, the one to lend: the member's own pickup first, then a free one. */
async function chooseCopy(tx: Tx, copies: CopyRow[], memberId: string): Promise<CopyRow> {
  let free: CopyRow | null = null;
  for (const copy of copies) {
    const open = await openLoanOfCopy(tx, copy.id);
    if (open?.borrowerId === memberId) return copy;
    if (!open && !free) free = copy;
  }
  return free ?? (copies[0] as CopyRow);
}

export const kioskShelfProcedures = {
  borrow: kioskProcedure
    .meta({ action: "kiosk.borrow" })
    .input(KioskBorrowInputSchema)
    .mutation(({ ctx, input }) =>
      once(ctx, input.clientId, "borrow", async (): Promise<ShelfBorrowResult> => {
        const member = await memberOfCredential(ctx, input.credential);
        const barcode = parseShelfBarcode(input.barcode);
        if (!barcode) throw notOnShelf();
        const candidates = await shelfCopiesByBarcode(ctx.db, ctx.actor.locationId, barcode);
        if (candidates.length === 0) throw notOnShelf();
        return ctx.db.transaction(async (tx) => {
          const chosen = await chooseCopy(tx, candidates, member.id);
          // The copy first, then the member: the order every loan transaction takes.
          const copy = await lockCopy(tx, chosen.id);
          if (!copy) throw notOnShelf();
          await lockMember(tx, member.id);
          let open = await openLoanOfCopy(tx, copy.id);
          if (!open || open.borrowerId !== member.id || open.state !== "accepted") {
            const borrower = await borrowerOf(tx, ctx, member.id);
            // The same rules as a request on the portal (active membership, no overdue
            // book, below the loan limit, trust); a shelf copy is accepted at once.
            unwrap(
              decideLoanRequest({
                borrower,
                copy: toCopy(copy),
                copyBusy: open !== null && open.borrowerId !== member.id,
                today: todayIn(ctx.now, ctx.services.timezone),
              }),
            );
            open = await insertLoan(tx, {
              id: randomUUID(),
              copyId: copy.id,
              borrowerId: member.id,
              ownerMemberId: null,
              mode: copy.mode,
              state: "accepted",
              requestedAt: ctx.now,
              acceptedAt: ctx.now,
              updatedAt: ctx.now,
            });
            await addLoanEvent(tx, {
              loanId: open.id,
              at: ctx.now,
              kind: "requested",
              actorRole: "kiosk",
              actorMemberId: member.id,
              details: { locationId: ctx.actor.locationId },
            });
          }
          const { loan } = await moveLoan(tx, ctx, {
            loanId: open.id,
            move: "hand_over",
            actor: { kind: "kiosk", locationId: ctx.actor.locationId },
          });
          const book = await getBook(tx, copy.bookId);
          const result: ShelfBorrowResult = {
            outcome: "BORROWED",
            loanId: loan.id,
            copyId: copy.id,
            title: book?.title ?? "",
            dueDate: loan.dueDate ?? "",
            memberFirstName: member.firstName,
          };
          await saveKioskRequest(tx, {
            deviceId: ctx.actor.deviceId,
            clientId: input.clientId,
            kind: "borrow",
            subjectId: copy.id,
            result,
            now: ctx.now,
          });
          return result;
        });
      }),
    ),

  return: kioskProcedure
    .meta({ action: "kiosk.return" })
    .input(KioskReturnInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await once(
        ctx,
        input.clientId,
        "return",
        async (): Promise<ShelfReturnResult> => {
          const barcode = parseShelfBarcode(input.barcode);
          if (!barcode) throw notOnShelf();
          // A book may come back to any library's kiosk: it joins this shelf.
          const candidates = await shelfCopiesByBarcode(ctx.db, null, barcode);
          const lent: CopyRow[] = [];
          for (const copy of candidates) {
            if ((await openLoanOfCopy(ctx.db, copy.id))?.state === "on_loan") lent.push(copy);
          }
          // By ISBN, this shelf's copy first.
          lent.sort(
            (a, b) =>
              Number(b.shelfLocationId === ctx.actor.locationId) -
              Number(a.shelfLocationId === ctx.actor.locationId),
          );
          const target = lent[0] ?? candidates[0];
          if (!target) throw notOnShelf();
          return ctx.db.transaction(async (tx) => {
            const open = await openLoanOfCopy(tx, target.id);
            if (!open) {
              throw domainError({
                code: "LOAN_MOVE_INVALID",
                message: "This copy is not on loan.",
                state: "available",
                move: "return",
              });
            }
            const today = todayIn(ctx.now, ctx.services.timezone);
            const late = isOverdue(open, today);
            const { loan, copy } = await moveLoan(tx, ctx, {
              loanId: open.id,
              move: "return",
              actor: { kind: "kiosk", locationId: ctx.actor.locationId },
            });
            const next = await openLoanOfCopy(tx, copy.id);
            const book = await getBook(tx, copy.bookId);
            const answer: ShelfReturnResult = {
              outcome: "RETURNED",
              loanId: loan.id,
              copyId: copy.id,
              title: book?.title ?? "",
              late,
              reserved: next !== null,
            };
            await saveKioskRequest(tx, {
              deviceId: ctx.actor.deviceId,
              clientId: input.clientId,
              kind: "return",
              subjectId: copy.id,
              result: answer,
              now: ctx.now,
            });
            return answer;
          });
        },
      );
      ctx.services.notify();
      return result;
    }),
} satisfies TRPCRouterRecord;
