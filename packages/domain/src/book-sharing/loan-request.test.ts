import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copy, loan } from "../../test/fixtures.js";
import type { Copy } from "./book.js";
import { type Loan, type LoanActor, loanTransition } from "./loan.js";
import {
  type BorrowerState,
  committedLoanCount,
  decideLoanRequest,
  hasOverdueLoan,
} from "./loan-request.js";

const today = "2025-03-10";
const borrower: BorrowerState = {
  memberId: "borrower",
  membershipStatus: "active",
  trust: 2,
  loanLimit: 3,
  loans: [],
  queuedCopyIds: [],
};
const onLoan = (copyId: string, dueDate = "2025-03-20") => ({
  copyId,
  state: "on_loan" as const,
  dueDate,
});

function decide(b: Partial<BorrowerState> = {}, c: Partial<Copy> = {}, copyBusy = false) {
  return decideLoanRequest({ borrower: { ...borrower, ...b }, copy: copy(c), copyBusy, today });
}

describe("decideLoanRequest", () => {
  it("a peer copy becomes a request to its owner; a shelf copy is offered at once", () => {
    expect(decide()).toEqual({ ok: true, value: { state: "requested" } });
    expect(
      decide(
        {},
        { owner: { kind: "association" }, custodian: { kind: "shelf", locationId: "central" } },
      ),
    ).toEqual({
      ok: true,
      value: { state: "accepted" },
    });
  });

  it.each([
    ["MEMBERSHIP_INACTIVE", () => decide({ membershipStatus: "grace" })],
    ["MEMBERSHIP_INACTIVE", () => decide({ membershipStatus: "suspended" })],
    ["MEMBERSHIP_INACTIVE", () => decide({ membershipStatus: "expired" })],
    ["OWN_COPY", () => decide({ memberId: "owner" })],
    [
      "ALREADY_REQUESTED",
      () => decide({ loans: [{ copyId: "c1", state: "requested", dueDate: null }] }),
    ],
    ["ALREADY_REQUESTED", () => decide({ queuedCopyIds: ["c1"] })],
    ["COPY_UNAVAILABLE", () => decide({}, { withdrawnAt: new Date(0) })],
    ["COPY_UNAVAILABLE", () => decide({}, { visible: false })],
    ["COPY_UNAVAILABLE", () => decide({}, {}, true)],
    ["HAS_OVERDUE", () => decide({ loans: [onLoan("other", "2025-03-09")] })],
    ["TRUST_TOO_LOW", () => decide({ trust: 1 }, { minTrust: 2 })],
    [
      "LOAN_LIMIT_REACHED",
      () =>
        decide({
          loans: [onLoan("x"), onLoan("y"), { copyId: "z", state: "accepted", dueDate: null }],
        }),
    ],
  ])("%s", (code, run) => {
    expect(run()).toMatchObject({ ok: false, code });
  });

  it("says whether a busy copy can be queued for", () => {
    expect(decide({}, {}, true)).toMatchObject({ canQueue: true });
    expect(decide({}, { visible: false }, true)).toMatchObject({ canQueue: false });
  });

  it("pending requests do not count towards the limit; due today is not overdue", () => {
    const requested = (id: string) => ({ copyId: id, state: "requested" as const, dueDate: null });
    expect(
      decide({ loans: [onLoan("x"), onLoan("y", today), requested("r1"), requested("r2")] }).ok,
    ).toBe(true);
    expect(committedLoanCount([onLoan("x"), requested("r")])).toBe(1);
    expect(hasOverdueLoan([onLoan("x", today)], today)).toBe(false);
    expect(decide({ trust: 2 }, { minTrust: 2 }).ok).toBe(true);
  });
});

describe("concurrent loans never exceed the limit (property)", () => {
  type Op = {
    kind: "request" | "accept" | "hand_over" | "return" | "cancel" | "decline";
    target: number;
  };
  const opArb = fc.record({
    kind: fc.constantFrom(
      "request",
      "accept",
      "hand_over",
      "return",
      "cancel",
      "decline",
    ) as fc.Arbitrary<Op["kind"]>,
    target: fc.nat(),
  });

  it("whatever is requested, accepted, handed over or returned", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.array(opArb, { maxLength: 80 }),
        (loanLimit, ops) => {
          const copies = Array.from({ length: 8 }, (_, i) =>
            i % 2 === 0
              ? copy({ id: `c${i}`, owner: { kind: "member", memberId: `o${i}` } })
              : copy({
                  id: `c${i}`,
                  owner: { kind: "association" },
                  custodian: { kind: "shelf", locationId: "central" },
                }),
          );
          const loans: Loan[] = [];
          let now = new Date("2025-03-01T10:00:00Z");
          const open = () =>
            loans.filter((l) => ["requested", "accepted", "on_loan"].includes(l.state));
          for (const op of ops) {
            now = new Date(now.getTime() + 60_000);
            if (op.kind === "request") {
              const c = copies[op.target % copies.length] as (typeof copies)[number];
              const busy = open().some((l) => l.copyId === c.id && l.borrowerId !== "me");
              const decision = decideLoanRequest({
                borrower: { ...borrower, memberId: "me", loanLimit, loans: open() },
                copy: c,
                copyBusy: busy,
                today: "2025-03-01",
              });
              if (decision.ok) {
                loans.push(
                  loan({
                    id: `l${loans.length}`,
                    copyId: c.id,
                    borrowerId: "me",
                    ownerMemberId: c.owner.kind === "member" ? c.owner.memberId : null,
                    state: decision.value.state,
                    requestedAt: now,
                    acceptedAt: decision.value.state === "accepted" ? now : null,
                  }),
                );
              }
            } else if (open().length > 0) {
              const target = open()[op.target % open().length] as Loan;
              const c = copies.find((x) => x.id === target.copyId) as (typeof copies)[number];
              const actor: LoanActor =
                c.custodian.kind === "shelf"
                  ? op.kind === "accept"
                    ? { kind: "system" }
                    : { kind: "kiosk", locationId: "central" }
                  : { kind: "member", memberId: target.ownerMemberId as string };
              const result = loanTransition({
                loan: target,
                copy: c,
                move: op.kind,
                actor,
                now,
                timeZone: "UTC",
                borrower: {
                  loanDays: 21,
                  loanLimit,
                  committedLoans: committedLoanCount(open().filter((l) => l.id !== target.id)),
                },
              });
              if (result.ok) loans[loans.indexOf(target)] = result.value.loan;
            }
            expect(committedLoanCount(open())).toBeLessThanOrEqual(loanLimit);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
