import { describe, expect, it } from "vitest";
import { at, membership, tier } from "../../test/fixtures.js";
import {
  activationPeriod,
  decideMembershipApplication,
  decideMembershipApproval,
  decideReinstatement,
  decideSuspension,
  periodStartingOn,
} from "./lifecycle.js";

const now = at("2025-03-01T10:00:00Z");
const fresh = membership({ startDate: null, endDate: null });

describe("decideMembershipApplication", () => {
  it("starts a free, approval-less membership today", () => {
    expect(
      decideMembershipApplication({ current: null, tier: tier(), today: "2025-03-01" }),
    ).toEqual({
      ok: true,
      value: {
        requiresApproval: false,
        requiresPayment: false,
        period: { startDate: "2025-03-01", endDate: "2026-02-28" },
      },
    });
  });

  it("waits for approval and payment when the tier asks for them", () => {
    const r = decideMembershipApplication({
      current: null,
      tier: tier({ requiresApproval: true, feeCents: 1500 }),
      today: "2025-03-01",
    });
    expect(r).toEqual({
      ok: true,
      value: { requiresApproval: true, requiresPayment: true, period: null },
    });
  });

  it.each([
    ["pending", fresh, "ALREADY_MEMBER"],
    ["active", membership(), "ALREADY_MEMBER"],
    ["grace", membership({ endDate: "2025-02-20" }), "ALREADY_MEMBER"],
    ["suspended", membership({ suspendedAt: now }), "MEMBERSHIP_SUSPENDED"],
  ] as const)("refuses while %s with %s", (_status, current, code) => {
    expect(
      decideMembershipApplication({
        current: { membership: current, tier: tier() },
        tier: tier(),
        today: "2025-03-01",
      }),
    ).toMatchObject({ ok: false, code });
  });

  it.each([
    ["expired", membership({ endDate: "2024-12-31", startDate: "2024-01-01" })],
    ["cancelled", membership({ cancelledAt: now })],
  ])("lets a former member (%s) apply again", (_status, current) => {
    expect(
      decideMembershipApplication({
        current: { membership: current, tier: tier() },
        tier: tier(),
        today: "2025-03-01",
      }).ok,
    ).toBe(true);
  });
});

describe("activation and approval", () => {
  const needsBoth = tier({ requiresApproval: true, feeCents: 1000 });

  it("activates only once approved and paid", () => {
    expect(activationPeriod(fresh, needsBoth, "2025-03-01")).toBeNull();
    expect(activationPeriod({ ...fresh, approvedAt: now }, needsBoth, "2025-03-01")).toBeNull();
    expect(
      activationPeriod({ ...fresh, approvedAt: now, paidAt: now }, needsBoth, "2025-03-01"),
    ).toEqual(periodStartingOn(needsBoth, "2025-03-01"));
  });

  it("does not activate twice, nor a suspended or cancelled membership", () => {
    expect(activationPeriod(membership(), tier(), "2025-03-01")).toBeNull();
    expect(activationPeriod({ ...fresh, suspendedAt: now }, tier(), "2025-03-01")).toBeNull();
    expect(activationPeriod({ ...fresh, cancelledAt: now }, tier(), "2025-03-01")).toBeNull();
  });

  it("approval returns the period when nothing else is missing", () => {
    expect(
      decideMembershipApproval({
        membership: { ...fresh, paidAt: now },
        tier: needsBoth,
        now,
        today: "2025-03-01",
      }),
    ).toEqual({ ok: true, value: { period: { startDate: "2025-03-01", endDate: "2026-02-28" } } });
    expect(
      decideMembershipApproval({ membership: fresh, tier: needsBoth, now, today: "2025-03-01" }),
    ).toEqual({
      ok: true,
      value: { period: null },
    });
  });

  it.each([
    ["already approved", { ...fresh, approvedAt: now }],
    ["already running", membership()],
    ["cancelled", { ...fresh, cancelledAt: now }],
    ["suspended", { ...fresh, suspendedAt: now }],
  ])("refuses approving when %s (MEMBERSHIP_NOT_PENDING)", (_name, m) => {
    expect(
      decideMembershipApproval({ membership: m, tier: needsBoth, now, today: "2025-03-01" }),
    ).toMatchObject({
      ok: false,
      code: "MEMBERSHIP_NOT_PENDING",
    });
  });
});

describe("suspension and reinstatement", () => {
  it("suspends an unsuspended membership", () => {
    expect(decideSuspension(membership())).toEqual({ ok: true, value: true });
  });
  it.each([
    ["ALREADY_SUSPENDED", membership({ suspendedAt: now })],
    ["MEMBERSHIP_CANCELLED", membership({ cancelledAt: now })],
  ] as const)("refuses suspension with %s", (code, m) => {
    expect(decideSuspension(m)).toMatchObject({ ok: false, code });
  });
  it("reinstates only a suspended membership", () => {
    expect(decideReinstatement(membership({ suspendedAt: now })).ok).toBe(true);
    expect(decideReinstatement(membership())).toMatchObject({ ok: false, code: "NOT_SUSPENDED" });
    expect(decideReinstatement(membership({ suspendedAt: now, cancelledAt: now }))).toMatchObject({
      ok: false,
      code: "NOT_SUSPENDED",
    });
  });
});
