// loans.*: requesting a copy (with a message), every move of the §2.4 machine by the right
// party, renewals, queues with positions, and each party's loans with their timelines. Every
// decision is the domain's, taken under the copy's row lock.
import { randomUUID } from "node:crypto";
import {
  addLoanEvent,
  associationLoansWhere,
  deleteQueueEntry,
  getLoan,
  getMemberByUserId,
  insertLoan,
  insertQueueEntry,
  listLocations,
  loanByIdWhere,
  loanEvents,
  loansWithContext,
  lockCopy,
  lockMember,
  type MemberRow,
  memberLoansWhere,
  membersByIds,
  openLoanOfCopy,
  queueOf,
  queuePlacesOf,
  saveLoan,
  toCopy,
  toLoan,
  trustOfMembers,
} from "@readers/db";
import {
  decideJoinQueue,
  decideLoanRenewal,
  decideLoanRequest,
  IdSchema,
  type LoanMove,
  LoanMoveInputSchema,
  LoanRequestInputSchema,
  loanRoles,
  PAGE_SIZE_MAX,
  QueueInputSchema,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  borrowerOf,
  copyNotFound,
  loanActorOf,
  loanNotFound,
  moveLoan,
  roleFor,
  shortName,
} from "../books/lending.ts";
import { notifyLoan } from "../books/notify.ts";
import { bookView, loanView } from "../books/views.ts";
import { todayIn } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { onConflict } from "../trpc/db-errors.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { memberProcedure } from "../trpc/init.ts";

const isStaff = (actor: Context["actor"]) =>
  actor.kind === "user" && (actor.role === "organizer" || actor.role === "admin");

async function ownMember(ctx: Context, userId: string): Promise<MemberRow | null> {
  const member = await getMemberByUserId(ctx.db, userId);
  return member && !member.erasedAt ? member : null;
}

async function requireMember(ctx: Context, userId: string): Promise<MemberRow> {
  const member = await ownMember(ctx, userId);
  if (!member)
    throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
  return member;
}

type LoanRows = Awaited<ReturnType<typeof loansWithContext>>;

/** Views of loans with their timelines, names, trust and shelves, as `viewer` sees them. */
async function loanViews(ctx: Context, rows: LoanRows, viewer: MemberRow | null) {
  const events = await loanEvents(
    ctx.db,
    rows.map((r) => r.loan.id),
  );
  const ownerIds = [
    ...new Set(rows.map((r) => r.loan.ownerMemberId).filter((id): id is string => !!id)),
  ];
  const owners = await membersByIds(ctx.db, ownerIds);
  const trust = await trustOfMembers(ctx.db, [...new Set(rows.map((r) => r.loan.borrowerId))]);
  const locations = new Map((await listLocations(ctx.db)).map((l) => [l.id, l.name]));
  const today = todayIn(ctx.now, ctx.services.timezone);
  const actor = loanActorOf(ctx.actor, viewer?.id ?? null);
  return rows.map((r) => {
    const owner = r.loan.ownerMemberId ? owners.get(r.loan.ownerMemberId) : null;
    const roles = loanRoles(toLoan(r.loan), toCopy(r.copy), actor);
    const myRole = roles[0] ?? null;
    return loanView({
      loan: r.loan,
      book: r.book,
      borrowerName: shortName(r.borrower.firstName, r.borrower.lastName),
      ownerName: owner && !owner.erasedAt ? shortName(owner.firstName, owner.lastName) : null,
      // Owners (and officers) decide on requests knowing the borrower's record.
      borrowerTrust: myRole === "borrower" ? null : (trust.get(r.loan.borrowerId) ?? 0),
      shelfName: r.copy.shelfLocationId ? (locations.get(r.copy.shelfLocationId) ?? null) : null,
      onShelf: r.copy.shelfLocationId !== null,
      waits: ctx.services.bookSharing,
      events: events.get(r.loan.id) ?? [],
      myRole,
      today,
    });
  });
}

async function oneLoanView(ctx: Context, loanId: string, viewer: MemberRow | null) {
  const rows = await loansWithContext(ctx.db, loanByIdWhere(loanId), 1);
  const [view] = await loanViews(ctx, rows, viewer);
  if (!view) throw loanNotFound();
  return view;
}

/** One move procedure: the machine decides whether this caller may make it now. */
function moveProcedure(action: `loans.${string}`, move: LoanMove) {
  return memberProcedure
    .meta({ action: action as "loans.accept" })
    .input(LoanMoveInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const actor = loanActorOf(ctx.actor, me?.id ?? null);
      await ctx.db.transaction((tx) =>
        moveLoan(tx, ctx, { loanId: input.loanId, move, actor, note: input.note }),
      );
      ctx.services.notify();
      return oneLoanView(ctx, input.loanId, me);
    });
}

export const loansRouter = {
  request: memberProcedure
    .meta({ action: "loans.request" })
    .input(LoanRequestInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await requireMember(ctx, ctx.actor.userId);
      const loanId = await ctx.db.transaction(async (tx) => {
        // The copy first, then the borrower: two requests for the last copy queue up on
        // the copy's lock; one member's requests on two copies on their member row.
        const copy = await lockCopy(tx, input.copyId);
        if (!copy || (!copy.visible && copy.ownerMemberId !== me.id)) throw copyNotFound();
        await lockMember(tx, me.id);
        const borrower = await borrowerOf(tx, ctx, me.id);
        const open = await openLoanOfCopy(tx, copy.id);
        const decision = unwrap(
          decideLoanRequest({
            borrower,
            copy: toCopy(copy),
            copyBusy: open !== null && open.borrowerId !== me.id,
            today: todayIn(ctx.now, ctx.services.timezone),
          }),
        );
        const accepted = decision.state === "accepted";
        const created = await onConflict("COPY_UNAVAILABLE", "This copy is not available.", () =>
          insertLoan(tx, {
            id: randomUUID(),
            copyId: copy.id,
            borrowerId: me.id,
            ownerMemberId: copy.ownerMemberId,
            mode: copy.mode,
            state: decision.state,
            message: input.message,
            requestedAt: ctx.now,
            acceptedAt: accepted ? ctx.now : null,
            updatedAt: ctx.now,
          }),
        );
        await addLoanEvent(tx, {
          loanId: created.id,
          at: ctx.now,
          kind: "requested",
          actorRole: "borrower",
          actorMemberId: me.id,
          details: input.message ? { message: input.message } : {},
        });
        if (accepted) {
          // A shelf copy is offered for pickup at once: the association need not answer.
          await addLoanEvent(tx, {
            loanId: created.id,
            at: ctx.now,
            kind: "accepted",
            actorRole: "system",
          });
          await notifyLoan(tx, ctx, { kind: "loan_accepted", loan: created, copy });
        } else {
          await notifyLoan(tx, ctx, { kind: "loan_requested", loan: created, copy });
        }
        return created.id;
      });
      ctx.services.notify();
      return oneLoanView(ctx, loanId, me);
    }),

  accept: moveProcedure("loans.accept", "accept"),
  decline: moveProcedure("loans.decline", "decline"),
  cancel: moveProcedure("loans.cancel", "cancel"),
  handOver: moveProcedure("loans.handOver", "hand_over"),
  return: moveProcedure("loans.return", "return"),
  reportLost: moveProcedure("loans.reportLost", "report_lost"),

  renew: memberProcedure
    .meta({ action: "loans.renew" })
    .input(LoanMoveInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await requireMember(ctx, ctx.actor.userId);
      await ctx.db.transaction(async (tx) => {
        const peek = await getLoan(tx, input.loanId);
        if (!peek) throw loanNotFound();
        const copy = await lockCopy(tx, peek.copyId);
        const row = await getLoan(tx, input.loanId);
        if (!copy || !row) throw loanNotFound();
        const actor = loanActorOf(ctx.actor, me.id);
        if (loanRoles(toLoan(row), toCopy(copy), actor).length === 0) throw loanNotFound();
        const borrower = await borrowerOf(tx, ctx, row.borrowerId);
        const decision = unwrap(
          decideLoanRenewal({
            loan: toLoan(row),
            memberId: me.id,
            membershipStatus: borrower.membershipStatus,
            tier: { maxRenewals: borrower.maxRenewals, loanDays: borrower.loanDays },
            copyLoanDays: copy.loanDays,
            queueLength: (await queueOf(tx, copy.id)).length,
            today: todayIn(ctx.now, ctx.services.timezone),
          }),
        );
        await saveLoan(
          tx,
          { ...toLoan(row), dueDate: decision.dueDate, renewals: decision.renewals },
          ctx.now,
        );
        await addLoanEvent(tx, {
          loanId: row.id,
          at: ctx.now,
          kind: "renewed",
          actorRole: roleFor(row, copy, actor, "renew"),
          actorMemberId: me.id,
          details: { dueDate: decision.dueDate, previousDueDate: row.dueDate },
        });
      });
      return oneLoanView(ctx, input.loanId, me);
    }),

  joinQueue: memberProcedure
    .meta({ action: "loans.joinQueue" })
    .input(QueueInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await requireMember(ctx, ctx.actor.userId);
      await ctx.db.transaction(async (tx) => {
        const copy = await lockCopy(tx, input.copyId);
        if (!copy || (!copy.visible && copy.ownerMemberId !== me.id)) throw copyNotFound();
        await lockMember(tx, me.id);
        const borrower = await borrowerOf(tx, ctx, me.id);
        const open = await openLoanOfCopy(tx, copy.id);
        unwrap(
          decideJoinQueue({
            borrower,
            copy: toCopy(copy),
            copyBusy: open !== null && open.borrowerId !== me.id,
            holdLimit: borrower.holdLimit,
            today: todayIn(ctx.now, ctx.services.timezone),
          }),
        );
        await onConflict("ALREADY_REQUESTED", "You already asked for this copy.", () =>
          insertQueueEntry(tx, {
            id: randomUUID(),
            copyId: copy.id,
            memberId: me.id,
            joinedAt: ctx.now,
          }),
        );
      });
      const place = (await queuePlacesOf(ctx.db, me.id)).find(
        (p) => p.entry.copyId === input.copyId,
      );
      return { copyId: input.copyId, position: place?.position ?? 1 };
    }),

  leaveQueue: memberProcedure
    .meta({ action: "loans.leaveQueue" })
    .input(QueueInputSchema)
    .mutation(async ({ ctx, input }) => {
      const me = await requireMember(ctx, ctx.actor.userId);
      const left = await deleteQueueEntry(ctx.db, input.copyId, me.id);
      if (!left) throw new TRPCError({ code: "NOT_FOUND", message: "You are not in this queue." });
      return { copyId: input.copyId, left: true };
    }),

  mine: memberProcedure
    .meta({ action: "loans.mine" })
    .input(
      z
        .object({
          /** Closed loans too (history), newest first. */
          includeClosed: z.boolean().default(false),
          limit: z.number().int().min(1).max(PAGE_SIZE_MAX).default(50),
        })
        .prefault({}),
    )
    .query(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const open = !input.includeClosed;
      const [asBorrower, asOwner, association] = await Promise.all([
        me ? loansWithContext(ctx.db, memberLoansWhere(me.id, "borrower", open), input.limit) : [],
        me ? loansWithContext(ctx.db, memberLoansWhere(me.id, "owner", open), input.limit) : [],
        // Officers answer for the association's copies: its open loans are their inbox.
        isStaff(ctx.actor) ? loansWithContext(ctx.db, associationLoansWhere(), input.limit) : [],
      ]);
      const queue = me ? await queuePlacesOf(ctx.db, me.id) : [];
      return {
        asBorrower: await loanViews(ctx, asBorrower, me),
        asOwner: await loanViews(ctx, asOwner, me),
        association: await loanViews(ctx, association, me),
        queue: queue.map((q) => ({
          copyId: q.entry.copyId,
          book: bookView(q.book),
          position: q.position,
          joinedAt: q.entry.joinedAt.toISOString(),
        })),
      };
    }),

  get: memberProcedure
    .meta({ action: "loans.get" })
    .input(z.object({ id: IdSchema }))
    .query(async ({ ctx, input }) => {
      const me = await ownMember(ctx, ctx.actor.userId);
      const view = await oneLoanView(ctx, input.id, me);
      // The two parties, and officers; anyone else learns nothing, not even that it exists.
      const party =
        me !== null &&
        (view.borrower.memberId === me.id ||
          (view.owner.kind === "member" && view.owner.memberId === me.id));
      if (!party && !isStaff(ctx.actor)) throw loanNotFound();
      return view;
    }),
} satisfies TRPCRouterRecord;
