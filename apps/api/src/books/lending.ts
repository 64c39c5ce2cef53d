// The loan workflow's transactions, shared by loans.*, books.withdrawCopy, the kiosk shelf
// and the jobs: every move locks the copy first (then the borrower's member row, where the
// loan limit matters), asks the domain's machine, writes its decision, the timeline and the
// outbox rows, and lets the queue move on when a copy is free again.
import { randomUUID } from "node:crypto";
import {
  addLoanEvent,
  type CopyRow,
  currentMembership,
  deleteQueueEntries,
  getCopy,
  getLoan,
  getLocation,
  getMemberById,
  insertLoan,
  type LoanRow,
  lockCopy,
  lockMember,
  openLoansOfBorrower,
  queuedCopyIds,
  queueOf,
  saveLoan,
  type Tx,
  toCopy,
  toLoan,
  toTier,
  trustOf,
  updateCopy,
} from "@readers/db";
import {
  type BookSharingSettings,
  type BorrowerState,
  committedLoanCount,
  DEFAULT_TIER_SETTINGS,
  hasOverdueLoan,
  LOAN_TRANSITIONS,
  type LoanActor,
  type LoanMove,
  type LoanRole,
  loanRoles,
  loanTransition,
  type MembershipStatus,
  meetsTrust,
  membershipStatusOn,
  planQueueAdvance,
  privilegesFor,
  type QueueCandidate,
} from "@readers/domain";
import { TRPCError } from "@trpc/server";
import { facts, todayIn } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { unwrap } from "../trpc/errors.ts";
import { notifyLoan, notifyQueueEnded, type QueueEndReason } from "./notify.ts";

export type LendingCtx = Pick<Context, "now" | "services">;

export const loanNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Loan not found." });
export const copyNotFound = () => new TRPCError({ code: "NOT_FOUND", message: "Copy not found." });

/** Book-sharing settings: the association's, as admins set them (services follow changes). */
export function lendingSettings(ctx: Pick<Context, "services">): BookSharingSettings {
  return ctx.services.bookSharing;
}

/** A borrower as the rules see them, with their tier's borrowing settings. */
export interface Borrower extends BorrowerState {
  readonly loans: readonly (BorrowerState["loans"][number] & { readonly id: string })[];
  holdLimit: number;
  loanDays: number;
  maxRenewals: number;
}

/**
 * The member's standing for borrowing at `now`: membership status (no membership = the
 * domain's `cancelled`), their tier's limits (defaults without one), open loans, queue
 * places and trust. Read after the locks, so it is what the decision may rely on.
 */
export async function borrowerOf(tx: Tx, ctx: LendingCtx, memberId: string): Promise<Borrower> {
  const today = todayIn(ctx.now, ctx.services.timezone);
  const current = await currentMembership(tx, memberId);
  const tier = current ? toTier(current.tier) : null;
  const membershipStatus: MembershipStatus =
    current && tier ? membershipStatusOn(facts(current.membership), tier, today) : "cancelled";
  const limits = tier ?? DEFAULT_TIER_SETTINGS;
  return {
    memberId,
    membershipStatus,
    trust: await trustOf(tx, memberId),
    loanLimit: limits.loanLimit,
    holdLimit: limits.holdLimit,
    loanDays: limits.loanDays,
    maxRenewals: limits.maxRenewals,
    loans: await openLoansOfBorrower(tx, memberId),
    queuedCopyIds: await queuedCopyIds(tx, memberId),
  };
}

/** The role an actor made a move in (for the timeline): the first of theirs the rule allows. */
export function roleFor(
  loan: LoanRow,
  copy: CopyRow,
  actor: LoanActor,
  move: LoanMove | "renew",
): LoanRole {
  const roles = loanRoles(toLoan(loan), toCopy(copy), actor);
  const rule = LOAN_TRANSITIONS.find((r) => r.from === loan.state && r.move === move);
  const allowed = rule ? (copy.shelfLocationId ? rule.shelf : rule.peer) : [];
  return roles.find((r) => allowed.includes(r)) ?? roles[0] ?? "system";
}

/** Timeline names of the moves. */
const EVENT_OF_MOVE: Record<LoanMove, string> = {
  accept: "accepted",
  decline: "declined",
  cancel: "cancelled",
  expire: "expired",
  hand_over: "handed_over",
  return: "returned",
  report_lost: "lost",
};

/**
 * Makes one move of the §2.4 machine on a loan. The copy is locked first and the loan read
 * again under that lock (every change to a copy's loans happens under it); a stranger to
 * the loan learns nothing (NOT_FOUND), a party not allowed this move gets
 * LOAN_MOVE_FORBIDDEN, a move the state does not allow LOAN_MOVE_INVALID.
 */
export async function moveLoan(
  tx: Tx,
  ctx: LendingCtx,
  input: { loanId: string; move: LoanMove; actor: LoanActor; note?: string },
): Promise<{ loan: LoanRow; copy: CopyRow }> {
  const peek = await getLoan(tx, input.loanId);
  if (!peek) throw loanNotFound();
  const copy = await lockCopy(tx, peek.copyId);
  const row = await getLoan(tx, input.loanId);
  if (!copy || !row) throw loanNotFound();
  if (
    input.actor.kind === "member" &&
    loanRoles(toLoan(row), toCopy(copy), input.actor).length === 0
  ) {
    throw loanNotFound();
  }
  // Accepting and handing over count against the borrower's loan limit: their member row
  // is locked so two owners accepting at once cannot both pass the limit.
  const needsBorrower = input.move === "accept" || input.move === "hand_over";
  if (needsBorrower) await lockMember(tx, row.borrowerId);
  const borrower = needsBorrower ? await borrowerOf(tx, ctx, row.borrowerId) : null;
  const role = roleFor(row, copy, input.actor, input.move);
  const decision = unwrap(
    loanTransition({
      loan: toLoan(row),
      copy: toCopy(copy),
      move: input.move,
      actor: input.actor,
      now: ctx.now,
      timeZone: ctx.services.timezone,
      borrower: {
        loanDays: borrower?.loanDays ?? DEFAULT_TIER_SETTINGS.loanDays,
        loanLimit: borrower?.loanLimit ?? DEFAULT_TIER_SETTINGS.loanLimit,
        committedLoans: borrower
          ? committedLoanCount(borrower.loans.filter((l) => l.id !== row.id))
          : 0,
      },
      settings: lendingSettings(ctx),
    }),
  );
  const saved = await saveLoan(tx, decision.loan, ctx.now);
  await addLoanEvent(tx, {
    loanId: row.id,
    at: ctx.now,
    kind: decision.loan.state === "given" ? "given" : EVENT_OF_MOVE[input.move],
    actorRole: role,
    actorMemberId: input.actor.kind === "member" ? memberIdOf(input.actor) : null,
    details: {
      ...(input.note ? { note: input.note } : {}),
      ...(saved.dueDate && input.move === "hand_over" ? { dueDate: saved.dueDate } : {}),
    },
  });
  let current = copy;
  const { effects } = decision;
  if (effects.transferOwnershipTo) {
    // A gift: the copy is the borrower's now, at their home, with no queue and no label.
    current = await updateCopy(tx, copy.id, {
      ownerMemberId: effects.transferOwnershipTo,
      shelfLocationId: null,
      labelCode: null,
      updatedAt: ctx.now,
    });
    await endQueue(tx, ctx, copy, "given");
  }
  if (input.move === "report_lost") {
    // The book is gone: the copy leaves the catalogue, and its queue ends with it.
    current = await updateCopy(tx, copy.id, { withdrawnAt: ctx.now, updatedAt: ctx.now });
    await endQueue(tx, ctx, copy, "lost");
  }
  if (effects.shelfLocationId && effects.shelfLocationId !== copy.shelfLocationId) {
    current = await updateCopy(tx, copy.id, {
      shelfLocationId: effects.shelfLocationId,
      updatedAt: ctx.now,
    });
  }
  await notifyMove(tx, ctx, saved, current, input.move, role, input.note);
  if (effects.copyFreed) await advanceQueue(tx, ctx, current);
  return { loan: saved, copy: current };
}

/** Ends a copy's queue (the copy is withdrawn, lost or given away) and tells those queued. */
export async function endQueue(
  tx: Tx,
  ctx: Pick<Context, "services">,
  copy: CopyRow,
  reason: QueueEndReason,
): Promise<void> {
  const queue = await queueOf(tx, copy.id);
  await deleteQueueEntries(
    tx,
    queue.map((q) => q.id),
  );
  await notifyQueueEnded(
    tx,
    ctx,
    copy,
    queue.map((q) => q.memberId),
    reason,
  );
}

/** The member id behind a member actor, or null for an officer without a member record. */
function memberIdOf(actor: Extract<LoanActor, { kind: "member" }>): string | null {
  return actor.memberId.startsWith("user:") ? null : actor.memberId;
}

async function notifyMove(
  tx: Tx,
  ctx: LendingCtx,
  loan: LoanRow,
  copy: CopyRow,
  move: LoanMove,
  role: LoanRole,
  note: string | undefined,
): Promise<void> {
  if (move === "accept") {
    await notifyLoan(tx, ctx, { kind: "loan_accepted", loan, copy });
  } else if (move === "decline" || (move === "cancel" && role !== "borrower")) {
    // An owner calling off an accepted loan tells the borrower as a decline does.
    await notifyLoan(tx, ctx, { kind: "loan_declined", loan, copy, extra: { note: note ?? "" } });
  } else if (move === "expire") {
    await notifyLoan(tx, ctx, {
      kind: "loan_declined",
      loan,
      copy,
      extra: { reason: "expired", wasAccepted: loan.acceptedAt !== null },
    });
  }
}

/**
 * A copy is free again: the first eligible member in its queue gets it (a request to the
 * owner for a peer copy, an offer to collect for a shelf copy) and is told; members who
 * can no longer borrow are passed over and lose their place. Call with the copy locked.
 */
export async function advanceQueue(tx: Tx, ctx: LendingCtx, copy: CopyRow): Promise<void> {
  const queue = await queueOf(tx, copy.id);
  if (queue.length === 0) return;
  const today = todayIn(ctx.now, ctx.services.timezone);
  const candidates: QueueCandidate[] = [];
  for (const entry of queue) {
    const b = await borrowerOf(tx, ctx, entry.memberId);
    const eligible =
      privilegesFor(b.membershipStatus).requestLoans &&
      !hasOverdueLoan(b.loans, today) &&
      meetsTrust(b.trust, copy.minTrust) &&
      // An offer is an accepted loan: it must fit the member's loan limit.
      (!copy.shelfLocationId || committedLoanCount(b.loans) < b.loanLimit);
    candidates.push({ id: entry.id, memberId: entry.memberId, joinedAt: entry.joinedAt, eligible });
  }
  const plan = planQueueAdvance({
    copy: toCopy(copy),
    queue: candidates,
    now: ctx.now,
    settings: lendingSettings(ctx),
  });
  await deleteQueueEntries(tx, plan.dropped);
  // Nobody loses a queue place without being told why.
  const dropped = new Set(plan.dropped);
  await notifyQueueEnded(
    tx,
    ctx,
    copy,
    candidates.filter((c) => dropped.has(c.id)).map((c) => c.memberId),
    copy.withdrawnAt ? "withdrawn" : "ineligible",
  );
  if (plan.kind === "none") return;
  await deleteQueueEntries(tx, [plan.entryId]);
  const offer = plan.kind === "offer";
  const created = await insertLoan(tx, {
    id: randomUUID(),
    copyId: copy.id,
    borrowerId: plan.memberId,
    ownerMemberId: copy.ownerMemberId,
    mode: copy.mode,
    state: offer ? "accepted" : "requested",
    requestedAt: ctx.now,
    acceptedAt: offer ? ctx.now : null,
    updatedAt: ctx.now,
  });
  await addLoanEvent(tx, {
    loanId: created.id,
    at: ctx.now,
    kind: offer ? "offered" : "requested",
    actorRole: "system",
    details: offer
      ? { fromQueue: true, pickupBy: plan.pickupBy.toISOString() }
      : { fromQueue: true },
  });
  await notifyLoan(tx, ctx, { kind: "queue_turn", loan: created, copy });
  if (!offer) await notifyLoan(tx, ctx, { kind: "loan_requested", loan: created, copy });
}

/** A person acting on loans: their member id (officers without one act for the association). */
export function loanActorOf(actor: Context["actor"], memberId: string | null): LoanActor {
  if (actor.kind === "kiosk") return { kind: "kiosk", locationId: actor.locationId };
  if (actor.kind !== "user") return { kind: "system" };
  const staff = actor.role === "organizer" || actor.role === "admin";
  return { kind: "member", memberId: memberId ?? `user:${actor.userId}`, staff };
}

/** The shelf location's name, for messages and views. */
export async function locationName(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await getLocation(tx, id))?.name ?? null;
}

/** A copy by id, or NOT_FOUND. */
export async function copyOrThrow(tx: Tx, id: string): Promise<CopyRow> {
  const copy = await getCopy(tx, id);
  if (!copy) throw copyNotFound();
  return copy;
}

/** A member's display name as the other party sees it: first name and last initial. */
export async function shortNameOf(tx: Tx, memberId: string | null): Promise<string | null> {
  if (!memberId) return null;
  const m = await getMemberById(tx, memberId);
  if (!m || m.erasedAt) return null;
  return shortName(m.firstName, m.lastName);
}

export function shortName(first: string, last: string): string {
  const initial = Array.from(last.trim())[0];
  return initial ? `${first} ${initial}.` : first;
}
