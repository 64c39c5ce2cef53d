import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { at, membership, tier } from "../../test/fixtures.js";
import { addDays } from "../shared/calendar.js";
import { decideMembershipRenewal } from "./renewal.js";
import { termEndDate } from "./tier.js";

const t = tier();
const academic = tier({ term: { kind: "fixed", endMonth: 8, endDay: 31 } });

describe("decideMembershipRenewal", () => {
  it("extends an active membership by a term from the old end", () => {
    expect(
      decideMembershipRenewal({ membership: membership(), tier: t, today: "2025-11-15" }),
    ).toEqual({
      ok: true,
      value: { startDate: "2025-01-01", endDate: "2026-12-31", renewedFrom: "active" },
    });
  });

  it("extends from grace without losing the gap", () => {
    const r = decideMembershipRenewal({ membership: membership(), tier: t, today: "2026-01-20" });
    expect(r).toMatchObject({ ok: true, value: { endDate: "2026-12-31", renewedFrom: "grace" } });
  });

  it("moves a fixed term to the next fixed end", () => {
    const m = membership({ startDate: "2024-09-01", endDate: "2025-08-31" });
    expect(
      decideMembershipRenewal({ membership: m, tier: academic, today: "2025-08-01" }),
    ).toMatchObject({
      ok: true,
      value: { startDate: "2024-09-01", endDate: "2026-08-31" },
    });
  });

  it("restarts an expired membership today", () => {
    expect(
      decideMembershipRenewal({ membership: membership(), tier: t, today: "2026-03-10" }),
    ).toEqual({
      ok: true,
      value: { startDate: "2026-03-10", endDate: "2027-03-09", renewedFrom: "expired" },
    });
  });

  it("opens 60 days before the end (RENEWAL_TOO_EARLY before)", () => {
    expect(
      decideMembershipRenewal({ membership: membership(), tier: t, today: "2025-11-01" }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      decideMembershipRenewal({ membership: membership(), tier: t, today: "2025-10-31" }),
    ).toMatchObject({
      ok: false,
      code: "RENEWAL_TOO_EARLY",
      opensOn: "2025-11-01",
    });
  });

  it("honours a custom renewal window", () => {
    const r = decideMembershipRenewal({
      membership: membership(),
      tier: t,
      today: "2025-10-31",
      settings: { renewalWindowDays: 90 },
    });
    expect(r.ok).toBe(true);
  });

  it.each([
    ["MEMBERSHIP_PENDING", { startDate: null, endDate: null }],
    ["MEMBERSHIP_SUSPENDED", { suspendedAt: at("2025-06-01T00:00:00Z") }],
    ["MEMBERSHIP_CANCELLED", { cancelledAt: at("2025-06-01T00:00:00Z") }],
  ] as const)("refuses with %s", (code, overrides) => {
    expect(
      decideMembershipRenewal({ membership: membership(overrides), tier: t, today: "2025-12-01" }),
    ).toMatchObject({ ok: false, code });
  });

  it("never shortens a membership (property)", () => {
    const terms = fc.oneof(
      fc.record({
        kind: fc.constant("rolling" as const),
        months: fc.integer({ min: 1, max: 120 }),
      }),
      fc.record({
        kind: fc.constant("fixed" as const),
        endMonth: fc.integer({ min: 1, max: 12 }),
        endDay: fc.integer({ min: 1, max: 28 }),
      }),
    );
    fc.assert(
      fc.property(
        terms,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        (term, startOffset, todayOffset, graceDays) => {
          const startDate = addDays("2000-01-01", startOffset);
          const endDate = termEndDate(term, startDate);
          const today = addDays(endDate, todayOffset);
          const r = decideMembershipRenewal({
            membership: membership({ startDate, endDate }),
            tier: tier({ term, graceDays }),
            today,
          });
          if (r.ok) {
            expect(r.value.endDate > endDate).toBe(true);
            expect(r.value.endDate >= today).toBe(true);
            expect(r.value.startDate <= r.value.endDate).toBe(true);
          } else {
            expect(["RENEWAL_TOO_EARLY", "MEMBERSHIP_PENDING"]).toContain(r.code);
          }
        },
      ),
    );
  });
});
