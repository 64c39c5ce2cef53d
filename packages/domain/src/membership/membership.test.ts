import { describe, expect, it } from "vitest";
import { at, membership, tier } from "../../test/fixtures.js";
import { MembershipSchema, membershipStatus, membershipStatusOn } from "./membership.js";

const t = tier();

describe("membershipStatusOn", () => {
  it.each([
    ["active on the first day", {}, "2025-01-01", "active"],
    ["active on the last day", {}, "2025-12-31", "active"],
    ["grace the day after the end", {}, "2026-01-01", "grace"],
    ["grace on the last grace day", {}, "2026-01-30", "grace"],
    ["expired after grace", {}, "2026-01-31", "expired"],
    ["pending before the start", {}, "2024-12-31", "pending"],
    ["pending without a period", { startDate: null, endDate: null }, "2025-06-01", "pending"],
    [
      "suspended wins over dates",
      { suspendedAt: at("2025-05-01T00:00:00Z") },
      "2025-06-01",
      "suspended",
    ],
    [
      "cancelled wins over suspended",
      { suspendedAt: at("2025-05-01T00:00:00Z"), cancelledAt: at("2025-05-02T00:00:00Z") },
      "2025-06-01",
      "cancelled",
    ],
  ] as const)("%s", (_name, overrides, today, expected) => {
    expect(membershipStatusOn(membership(overrides), t, today)).toBe(expected);
  });

  it("is pending while approval is required and missing", () => {
    const needsApproval = tier({ requiresApproval: true });
    expect(membershipStatusOn(membership(), needsApproval, "2025-06-01")).toBe("pending");
    expect(
      membershipStatusOn(
        membership({ approvedAt: at("2024-12-21T00:00:00Z") }),
        needsApproval,
        "2025-06-01",
      ),
    ).toBe("active");
  });

  it("is pending while a fee is unpaid", () => {
    const paid = tier({ feeCents: 2000 });
    expect(membershipStatusOn(membership(), paid, "2025-06-01")).toBe("pending");
    expect(
      membershipStatusOn(membership({ paidAt: at("2024-12-21T00:00:00Z") }), paid, "2025-06-01"),
    ).toBe("active");
  });

  it("has no grace with graceDays 0", () => {
    expect(membershipStatusOn(membership(), tier({ graceDays: 0 }), "2026-01-01")).toBe("expired");
  });
});

describe("membershipStatus (time zone)", () => {
  // 31 Dec 2025 20:00 UTC is already 1 January 2026 in Shanghai.
  const now = at("2025-12-31T20:00:00Z");
  it("takes today in the association's zone", () => {
    expect(membershipStatus(membership(), t, now, "Europe/London")).toBe("active");
    expect(membershipStatus(membership(), t, now, "Asia/Shanghai")).toBe("grace");
  });
});

describe("MembershipSchema", () => {
  const base = { id: "ms", memberId: "m", tierId: "t", appliedAt: "2025-01-01T00:00:00Z" };
  it("parses ISO instants and fills defaults", () => {
    const parsed = MembershipSchema.parse(base);
    expect(parsed.appliedAt).toBeInstanceOf(Date);
    expect(parsed.startDate).toBeNull();
    expect(parsed.suspensionReason).toBeNull();
  });

  it("sets dates together and in order", () => {
    expect(MembershipSchema.safeParse({ ...base, startDate: "2025-01-01" }).success).toBe(false);
    expect(
      MembershipSchema.safeParse({ ...base, startDate: "2025-02-01", endDate: "2025-01-01" })
        .success,
    ).toBe(false);
    expect(
      MembershipSchema.safeParse({ ...base, startDate: "2025-01-01", endDate: "2025-12-31" })
        .success,
    ).toBe(true);
  });

  it("bounds the suspension reason", () => {
    expect(MembershipSchema.safeParse({ ...base, suspensionReason: "x".repeat(501) }).success).toBe(
      false,
    );
  });
});
