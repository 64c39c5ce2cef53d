// Builders for test data: valid defaults, overridden per test.
import { createHmac } from "node:crypto";
import type { Activity } from "../src/activities/activity.js";
import { ActivitySchema } from "../src/activities/activity.js";
import type { Copy } from "../src/book-sharing/book.js";
import type { Loan } from "../src/book-sharing/loan.js";
import type { Membership } from "../src/membership/membership.js";
import { type Tier, TierSchema } from "../src/membership/tier.js";

/** An instant from an ISO string. */
export const at = (iso: string): Date => new Date(iso);

/** Minutes after an instant. */
export const plusMinutes = (date: Date, minutes: number): Date =>
  new Date(date.getTime() + minutes * 60_000);

export const hmac = (message: string): string =>
  createHmac("sha256", "test-key").update(message).digest("hex");

export function tier(overrides: Partial<Tier> = {}): Tier {
  return {
    ...TierSchema.parse({ id: "t1", name: "Standard", term: { kind: "rolling", months: 12 } }),
    ...overrides,
  };
}

export function membership(overrides: Partial<Membership> = {}): Membership {
  return {
    id: "ms1",
    memberId: "m1",
    tierId: "t1",
    appliedAt: at("2024-12-20T10:00:00Z"),
    approvedAt: null,
    paidAt: null,
    startDate: "2025-01-01",
    endDate: "2025-12-31",
    suspendedAt: null,
    suspensionReason: null,
    cancelledAt: null,
    ...overrides,
  };
}

export const START = at("2025-06-10T18:00:00Z");

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    ...ActivitySchema.parse({
      id: "a1",
      kind: "lecture",
      title: "On reading slowly",
      startsAt: START,
      endsAt: plusMinutes(START, 90),
      locationId: "central",
      capacity: 30,
      status: "published",
    }),
    ...overrides,
  };
}

export function copy(overrides: Partial<Copy> = {}): Copy {
  return {
    id: "c1",
    bookId: "b1",
    owner: { kind: "member", memberId: "owner" },
    custodian: { kind: "owner" },
    mode: "lend",
    condition: "good",
    note: "",
    visible: true,
    minTrust: null,
    loanDays: null,
    withdrawnAt: null,
    ...overrides,
  };
}

export function loan(overrides: Partial<Loan> = {}): Loan {
  return {
    id: "l1",
    copyId: "c1",
    borrowerId: "borrower",
    ownerMemberId: "owner",
    mode: "lend",
    state: "requested",
    requestedAt: at("2025-03-01T10:00:00Z"),
    acceptedAt: null,
    handedOverAt: null,
    dueDate: null,
    closedAt: null,
    renewals: 0,
    ...overrides,
  };
}
