/** Queues on busy copies: joining, and who is next when the copy comes back. */
import { z } from "zod";
import type { MembershipStatus } from "../membership/membership.js";
import { privilegesFor } from "../membership/privileges.js";
import type { CalendarDate } from "../shared/calendar.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { IdSchema, InstantSchema } from "../shared/schemas.js";
import { addMinutes } from "../shared/time-zone.js";
import { isCopyListed, isOwnCopy } from "./book.js";
import { type BorrowerState, hasOverdueLoan, type RequestedCopy } from "./loan-request.js";
import { DEFAULT_BOOK_SHARING_SETTINGS } from "./settings.js";
import { meetsTrust } from "./trust.js";

/** A queue place as stored. */
export const QueueEntrySchema = z.object({
  id: IdSchema,
  copyId: IdSchema,
  memberId: IdSchema,
  joinedAt: InstantSchema,
});

/** A queue place (parsed). */
export type QueueEntry = z.output<typeof QueueEntrySchema>;

/** Refusals of {@link decideJoinQueue}. */
export type JoinQueueRefusal =
  | Refusal<"MEMBERSHIP_INACTIVE", { membershipStatus: MembershipStatus }>
  | Refusal<"OWN_COPY">
  | Refusal<"ALREADY_REQUESTED">
  | Refusal<"COPY_UNAVAILABLE", { canQueue: false }>
  | Refusal<"COPY_NOT_BUSY">
  | Refusal<"HAS_OVERDUE">
  | Refusal<"TRUST_TOO_LOW", { minTrust: number }>
  | Refusal<"HOLD_LIMIT_REACHED", { holdLimit: number }>;

/**
 * Decides joining the queue of a busy copy. The same eligibility as a request (active
 * membership, not one's own copy, nothing open on it already, listed, no overdue, trust),
 * then: the copy must be busy (`COPY_NOT_BUSY`: request it instead) and the member must
 * hold fewer queue places than the tier's `holdLimit`.
 */
export function decideJoinQueue(input: {
  readonly borrower: Omit<BorrowerState, "loanLimit">;
  readonly copy: RequestedCopy;
  readonly copyBusy: boolean;
  /** The tier's `holdLimit`. */
  readonly holdLimit: number;
  readonly today: CalendarDate;
}): Result<{ joined: true }, JoinQueueRefusal> {
  const { borrower, copy } = input;
  if (!privilegesFor(borrower.membershipStatus).requestLoans) {
    return err("MEMBERSHIP_INACTIVE", "Queuing needs an active membership.", {
      membershipStatus: borrower.membershipStatus,
    });
  }
  if (isOwnCopy(copy, borrower.memberId)) return err("OWN_COPY", "This is your own copy.");
  if (
    borrower.loans.some((loan) => loan.copyId === copy.id) ||
    borrower.queuedCopyIds.includes(copy.id)
  ) {
    return err("ALREADY_REQUESTED", "You already asked for this copy.");
  }
  if (!isCopyListed(copy)) {
    return err("COPY_UNAVAILABLE", "This copy is not available.", { canQueue: false as const });
  }
  if (!input.copyBusy) return err("COPY_NOT_BUSY", "This copy is free: request it.");
  if (hasOverdueLoan(borrower.loans, input.today)) {
    return err("HAS_OVERDUE", "Return your overdue book first.");
  }
  if (!meetsTrust(borrower.trust, copy.minTrust)) {
    return err("TRUST_TOO_LOW", "The owner asks for more successful returns.", {
      minTrust: copy.minTrust as number,
    });
  }
  if (borrower.queuedCopyIds.length >= input.holdLimit) {
    return err("HOLD_LIMIT_REACHED", "You hold as many queue places as you may.", {
      holdLimit: input.holdLimit,
    });
  }
  return ok({ joined: true });
}

/** A queue place with whether its member may still borrow (membership, overdue, limits). */
export interface QueueCandidate {
  readonly id: string;
  readonly memberId: string;
  readonly joinedAt: Date;
  /** `false` when the member can no longer borrow: they are passed over and dropped. */
  readonly eligible: boolean;
}

/** What to do when a copy is free again. */
export type QueueAdvance =
  /** Peer copy: the head's place becomes a `requested` loan; the owner may still decline. */
  | {
      readonly kind: "request";
      readonly entryId: string;
      readonly memberId: string;
      readonly dropped: string[];
    }
  /** Shelf copy: the head's place becomes an `accepted` loan to collect by `pickupBy`. */
  | {
      readonly kind: "offer";
      readonly entryId: string;
      readonly memberId: string;
      readonly pickupBy: Date;
      readonly dropped: string[];
    }
  /** Nobody (eligible) is waiting. */
  | { readonly kind: "none"; readonly dropped: string[] };

/** The queue in serving order: by `joinedAt`, then id. */
export function sortQueue<T extends { readonly id: string; readonly joinedAt: Date }>(
  queue: readonly T[],
): T[] {
  return [...queue].sort(
    (a, b) =>
      a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Who gets a copy that is free again (returned, or a request declined, cancelled or
 * expired): the first eligible member in the queue. Ineligible members ahead of them are
 * `dropped` (remove their places). A peer copy becomes a request to the owner; a shelf
 * copy is offered for pickup for `pickupDays` (7), after which it expires and this runs
 * again for the next in line.
 */
export function planQueueAdvance(input: {
  readonly copy: Pick<RequestedCopy, "custodian" | "withdrawnAt">;
  readonly queue: readonly QueueCandidate[];
  readonly now: Date;
  readonly settings?: { readonly pickupDays?: number };
}): QueueAdvance {
  const dropped: string[] = [];
  if (input.copy.withdrawnAt) {
    return { kind: "none", dropped: input.queue.map((entry) => entry.id) };
  }
  for (const entry of sortQueue(input.queue)) {
    if (!entry.eligible) {
      dropped.push(entry.id);
      continue;
    }
    if (input.copy.custodian.kind === "shelf") {
      const days = input.settings?.pickupDays ?? DEFAULT_BOOK_SHARING_SETTINGS.pickupDays;
      return {
        kind: "offer",
        entryId: entry.id,
        memberId: entry.memberId,
        pickupBy: addMinutes(input.now, days * 24 * 60),
        dropped,
      };
    }
    return { kind: "request", entryId: entry.id, memberId: entry.memberId, dropped };
  }
  return { kind: "none", dropped };
}
