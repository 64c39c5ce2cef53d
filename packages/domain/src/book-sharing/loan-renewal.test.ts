import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../shared/calendar.js";
import { decideLoanRenewal } from "./loan-renewal.js";

const base = {
  loan: { state: "on_loan" as const, dueDate: "2025-03-20", renewals: 0, borrowerId: "b" },
  memberId: "b",
  membershipStatus: "active" as const,
  tier: { maxRenewals: 1, loanDays: 21 },
  copyLoanDays: null,
  queueLength: 0,
  today: "2025-03-18",
};

describe("decideLoanRenewal", () => {
  it("extends from the old due date by the loan period", () => {
    expect(decideLoanRenewal(base)).toEqual({
      ok: true,
      value: { dueDate: "2025-04-10", renewals: 1 },
    });
    expect(decideLoanRenewal({ ...base, copyLoanDays: 7 })).toMatchObject({
      value: { dueDate: "2025-03-27" },
    });
  });

  it("a grace member may renew; on the due date it is not yet overdue", () => {
    expect(decideLoanRenewal({ ...base, membershipStatus: "grace", today: "2025-03-20" }).ok).toBe(
      true,
    );
  });

  it.each([
    ["LOAN_MOVE_INVALID", { loan: { ...base.loan, state: "requested" as const, dueDate: null } }],
    ["LOAN_MOVE_FORBIDDEN", { memberId: "owner" }],
    ["MEMBERSHIP_INACTIVE", { membershipStatus: "suspended" as const }],
    ["MEMBERSHIP_INACTIVE", { membershipStatus: "expired" as const }],
    ["RENEWAL_LIMIT_REACHED", { loan: { ...base.loan, renewals: 1 } }],
    ["COPY_QUEUED", { queueLength: 1 }],
    ["LOAN_OVERDUE", { today: "2025-03-21" }],
  ])("%s", (code, overrides) => {
    expect(decideLoanRenewal({ ...base, ...overrides })).toMatchObject({ ok: false, code });
  });

  it("never shortens a loan (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 365 }),
        fc.option(fc.integer({ min: 1, max: 183 }), { nil: null }),
        (offset, loanDays, copyLoanDays) => {
          const dueDate = addDays("2020-01-01", offset);
          const r = decideLoanRenewal({
            ...base,
            loan: { ...base.loan, dueDate },
            tier: { maxRenewals: 1, loanDays },
            copyLoanDays,
            today: dueDate,
          });
          expect(r.ok && r.value.dueDate > dueDate).toBe(true);
        },
      ),
    );
  });
});
