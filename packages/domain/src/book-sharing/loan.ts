/** The loan state machine of DESIGN §2.4, as data plus one transition function. */
import { z } from "zod";
import { MAX_RENEWALS_MAX } from "../membership/tier.js";
import { REASON_MAX_LENGTH } from "../shared/limits.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { CalendarDateSchema, IdSchema, InstantSchema } from "../shared/schemas.js";
import { addMinutes } from "../shared/time-zone.js";
import { COPY_MODES, type Copy } from "./book.js";
import { loanDueDate } from "./due-date.js";
import { DEFAULT_BOOK_SHARING_SETTINGS } from "./settings.js";

/**
 * Every state of a loan. `given` is the end of a `give`: it ends at hand-over and
 * ownership moves to the borrower (DESIGN §2.4), kept apart from `returned` so reports
 * do not count gifts as returns.
 */
export const LOAN_STATES = [
  "requested",
  "accepted",
  "declined",
  "cancelled",
  "expired",
  "on_loan",
  "returned",
  "lost",
  "given",
] as const;
/** A loan state. */
export type LoanState = (typeof LOAN_STATES)[number];

/** States in which a loan is still open (holds the copy, may still move). */
export const OPEN_LOAN_STATES = [
  "requested",
  "accepted",
  "on_loan",
] as const satisfies readonly LoanState[];

/** `true` for `requested`, `accepted` and `on_loan`. */
export function isOpenLoanState(state: LoanState): boolean {
  return (OPEN_LOAN_STATES as readonly LoanState[]).includes(state);
}

/** Every move of the machine. Renewal is not a move: see `decideLoanRenewal`. */
export const LOAN_MOVES = [
  "accept",
  "decline",
  "cancel",
  "expire",
  "hand_over",
  "return",
  "report_lost",
] as const;
/** A loan move. */
export type LoanMove = (typeof LOAN_MOVES)[number];

/**
 * How an actor relates to a loan: its `borrower`, the copy's member `owner`, staff acting
 * for the `association` (owner of shelf copies), the `kiosk` at the copy's shelf, or the
 * `system` (scheduled jobs).
 */
export type LoanRole = "borrower" | "owner" | "association" | "kiosk" | "system";

/** One allowed move: from which state, to which, and who may make it for each custody. */
export interface LoanTransitionRule {
  readonly from: LoanState;
  readonly move: LoanMove;
  /** `on_loan` for a `lend`; a `give` ends in `given` at hand-over. */
  readonly to: LoanState;
  /** Who may make it when the owner keeps the copy (a peer copy). */
  readonly peer: readonly LoanRole[];
  /** Who may make it when the copy lives on the association shelf. */
  readonly shelf: readonly LoanRole[];
}

/** The whole machine. Anything not listed is `LOAN_MOVE_INVALID`. */
export const LOAN_TRANSITIONS: readonly LoanTransitionRule[] = [
  {
    from: "requested",
    move: "accept",
    to: "accepted",
    peer: ["owner"],
    shelf: ["association", "system"],
  },
  { from: "requested", move: "decline", to: "declined", peer: ["owner"], shelf: ["association"] },
  { from: "requested", move: "cancel", to: "cancelled", peer: ["borrower"], shelf: ["borrower"] },
  // No answer in 7 days.
  { from: "requested", move: "expire", to: "expired", peer: ["system"], shelf: ["system"] },
  // Hand-over confirmed by either side, or at the kiosk for shelf copies.
  {
    from: "accepted",
    move: "hand_over",
    to: "on_loan",
    peer: ["borrower", "owner"],
    shelf: ["kiosk", "association"],
  },
  {
    from: "accepted",
    move: "cancel",
    to: "cancelled",
    peer: ["borrower", "owner"],
    shelf: ["borrower", "association"],
  },
  // Not collected in 7 days.
  { from: "accepted", move: "expire", to: "expired", peer: ["system"], shelf: ["system"] },
  // The owner, or the kiosk for shelf copies, confirms the return.
  {
    from: "on_loan",
    move: "return",
    to: "returned",
    peer: ["owner"],
    shelf: ["kiosk", "association"],
  },
  {
    from: "on_loan",
    move: "report_lost",
    to: "lost",
    peer: ["borrower", "owner"],
    shelf: ["borrower", "association"],
  },
];

/** A loan as stored. */
export const LoanSchema = z.object({
  id: IdSchema,
  copyId: IdSchema,
  borrowerId: IdSchema,
  /** The copy's member owner when requested; `null` for association copies. */
  ownerMemberId: IdSchema.nullable(),
  mode: z.enum(COPY_MODES).default("lend"),
  state: z.enum(LOAN_STATES),
  requestedAt: InstantSchema,
  acceptedAt: InstantSchema.nullable().default(null),
  handedOverAt: InstantSchema.nullable().default(null),
  dueDate: CalendarDateSchema.nullable().default(null),
  /** When the loan reached a final state. */
  closedAt: InstantSchema.nullable().default(null),
  renewals: z.number().int().min(0).max(MAX_RENEWALS_MAX).default(0),
});

/** A loan (parsed). */
export type Loan = z.output<typeof LoanSchema>;

/** A request's note to the owner ("I can pick it up on Saturday"): a sentence or two. */
export const LOAN_MESSAGE_MAX_LENGTH = REASON_MAX_LENGTH;

/** Input of `loans.request`: the copy and a message to its owner. */
export const LoanRequestInputSchema = z.object({
  copyId: IdSchema,
  message: z.string().trim().max(LOAN_MESSAGE_MAX_LENGTH).default(""),
});

/** Input of `loans.joinQueue` and `loans.leaveQueue`. */
export const QueueInputSchema = z.object({ copyId: IdSchema });

/** Input of the other `loans.*` moves; `note` (why, e.g. of a decline) goes on the timeline. */
export const LoanMoveInputSchema = z.object({
  loanId: IdSchema,
  note: z.string().trim().max(LOAN_MESSAGE_MAX_LENGTH).optional(),
});

/** Who makes a move. Organizers and admins are members with `staff: true`. */
export type LoanActor =
  | { readonly kind: "member"; readonly memberId: string; readonly staff?: boolean }
  | { readonly kind: "kiosk"; readonly locationId: string }
  | { readonly kind: "system" };

/** The roles `actor` holds on a loan of `copy`. */
export function loanRoles(
  loan: Pick<Loan, "borrowerId" | "ownerMemberId">,
  copy: Pick<Copy, "custodian">,
  actor: LoanActor,
): LoanRole[] {
  switch (actor.kind) {
    case "system":
      return ["system"];
    case "kiosk":
      return copy.custodian.kind === "shelf" ? ["kiosk"] : [];
    case "member": {
      const roles: LoanRole[] = [];
      if (actor.memberId === loan.borrowerId) roles.push("borrower");
      if (loan.ownerMemberId !== null && actor.memberId === loan.ownerMemberId) roles.push("owner");
      if (actor.staff && loan.ownerMemberId === null) roles.push("association");
      return roles;
    }
  }
}

/** What the caller knows about the borrower, for accepting and handing over. */
export interface LoanBorrowerContext {
  /** The borrower's tier `loanDays`. */
  readonly loanDays: number;
  /** The borrower's tier `loanLimit`. */
  readonly loanLimit: number;
  /** The borrower's other loans that are `accepted` or `on_loan` (this one excluded). */
  readonly committedLoans: number;
}

/** Input of {@link loanTransition}. */
export interface LoanTransitionInput {
  readonly loan: Loan;
  readonly copy: Pick<Copy, "custodian" | "loanDays">;
  readonly move: LoanMove;
  readonly actor: LoanActor;
  readonly now: Date;
  /** The association's IANA time zone (due dates are calendar dates there). */
  readonly timeZone: string;
  readonly borrower: LoanBorrowerContext;
  readonly settings?: { readonly requestExpiryDays?: number; readonly pickupDays?: number };
}

/** Side effects the caller must persist with the new loan. */
export interface LoanEffects {
  /** A `give` was handed over: the copy now belongs to this member (and its queue ends). */
  readonly transferOwnershipTo: string | null;
  /** The copy is free again: call `planQueueAdvance`. */
  readonly copyFreed: boolean;
  /** A shelf copy came back through a kiosk: it is now on this location's shelf. */
  readonly shelfLocationId: string | null;
}

/** An accepted move: the loan after it, and what else must change. */
export interface LoanTransitionDecision {
  readonly loan: Loan;
  readonly effects: LoanEffects;
}

/** Refusals of {@link loanTransition}. */
export type LoanTransitionRefusal =
  | Refusal<"LOAN_MOVE_INVALID", { state: LoanState; move: LoanMove }>
  | Refusal<"LOAN_MOVE_FORBIDDEN">
  | Refusal<"LOAN_NOT_EXPIRED", { expiresAt: Date }>
  | Refusal<"LOAN_LIMIT_REACHED", { loanLimit: number }>;

const DAY_MINUTES = 24 * 60;

/**
 * When an open loan expires if nothing happens: a request `requestExpiryDays` (7) after
 * it was made, an accepted loan `pickupDays` (7) after acceptance; else `null`.
 */
export function loanExpiresAt(
  loan: Pick<Loan, "state" | "requestedAt" | "acceptedAt">,
  settings: { readonly requestExpiryDays?: number; readonly pickupDays?: number } = {},
): Date | null {
  if (loan.state === "requested") {
    const days = settings.requestExpiryDays ?? DEFAULT_BOOK_SHARING_SETTINGS.requestExpiryDays;
    return addMinutes(loan.requestedAt, days * DAY_MINUTES);
  }
  if (loan.state === "accepted" && loan.acceptedAt) {
    const days = settings.pickupDays ?? DEFAULT_BOOK_SHARING_SETTINGS.pickupDays;
    return addMinutes(loan.acceptedAt, days * DAY_MINUTES);
  }
  return null;
}

/**
 * Applies `move` to a loan if the machine allows it from the loan's state and `actor`
 * holds a role allowed to make it (see {@link LOAN_TRANSITIONS}). Also enforces: expiry
 * only once the wait is over; accepting only while the borrower is below the loan limit
 * (so concurrent loans never exceed it). Hand-over sets the due date
 * (hand-over + min(owner's, tier loan days)); a `give` ends in `given` and transfers
 * ownership.
 */
export function loanTransition(
  input: LoanTransitionInput,
): Result<LoanTransitionDecision, LoanTransitionRefusal> {
  const { loan, copy, move, actor, now } = input;
  const rule = LOAN_TRANSITIONS.find((r) => r.from === loan.state && r.move === move);
  if (!rule) {
    return err("LOAN_MOVE_INVALID", `Cannot ${move} a loan that is ${loan.state}.`, {
      state: loan.state,
      move,
    });
  }
  const allowed = copy.custodian.kind === "shelf" ? rule.shelf : rule.peer;
  const roles = loanRoles(loan, copy, actor);
  const kioskElsewhere =
    actor.kind === "kiosk" &&
    move === "hand_over" &&
    copy.custodian.kind === "shelf" &&
    copy.custodian.locationId !== actor.locationId;
  if (!roles.some((role) => allowed.includes(role)) || kioskElsewhere) {
    return err("LOAN_MOVE_FORBIDDEN", `Not allowed to ${move} this loan.`);
  }
  const noEffects: LoanEffects = {
    transferOwnershipTo: null,
    copyFreed: false,
    shelfLocationId: null,
  };
  switch (move) {
    case "expire": {
      const expiresAt = loanExpiresAt(loan, input.settings) as Date;
      if (now < expiresAt) {
        return err("LOAN_NOT_EXPIRED", "This loan has not expired yet.", { expiresAt });
      }
      return ok({
        loan: { ...loan, state: rule.to, closedAt: now },
        effects: { ...noEffects, copyFreed: true },
      });
    }
    case "accept": {
      if (input.borrower.committedLoans >= input.borrower.loanLimit) {
        return err("LOAN_LIMIT_REACHED", "The borrower has reached the loan limit.", {
          loanLimit: input.borrower.loanLimit,
        });
      }
      return ok({ loan: { ...loan, state: rule.to, acceptedAt: now }, effects: noEffects });
    }
    case "hand_over": {
      if (loan.mode === "give") {
        return ok({
          loan: { ...loan, state: "given", handedOverAt: now, closedAt: now },
          effects: { ...noEffects, transferOwnershipTo: loan.borrowerId },
        });
      }
      const dueDate = loanDueDate(now, input.timeZone, input.borrower.loanDays, copy.loanDays);
      return ok({
        loan: { ...loan, state: rule.to, handedOverAt: now, dueDate },
        effects: noEffects,
      });
    }
    case "return":
      return ok({
        loan: { ...loan, state: rule.to, closedAt: now },
        effects: {
          ...noEffects,
          copyFreed: true,
          shelfLocationId: actor.kind === "kiosk" ? actor.locationId : null,
        },
      });
    default:
      // decline, cancel, report_lost: the loan ends. A lost copy is not freed.
      return ok({
        loan: { ...loan, state: rule.to, closedAt: now },
        effects: { ...noEffects, copyFreed: move !== "report_lost" },
      });
  }
}
