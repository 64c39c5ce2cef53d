import { describe, expect, it } from "vitest";
import {
  MembershipApplyInputSchema,
  MembershipIdInputSchema,
  MembershipRenewInputSchema,
  MembershipSuspendInputSchema,
  RecordPaymentInputSchema,
} from "./inputs.js";

describe("membership procedure inputs", () => {
  it("accept well-formed input", () => {
    expect(MembershipApplyInputSchema.parse({ tierId: "t1" })).toEqual({ tierId: "t1" });
    expect(MembershipRenewInputSchema.parse({})).toEqual({});
    expect(MembershipIdInputSchema.parse({ membershipId: "ms1" })).toEqual({ membershipId: "ms1" });
    expect(
      MembershipSuspendInputSchema.parse({ membershipId: "ms1", reason: " unpaid " }).reason,
    ).toBe("unpaid");
    expect(
      RecordPaymentInputSchema.parse({
        membershipId: "ms1",
        amountCents: 2000,
        paidAt: "2025-01-01T00:00:00Z",
      }).paidAt,
    ).toBeInstanceOf(Date);
  });

  it("refuse missing reasons and bad amounts", () => {
    expect(
      MembershipSuspendInputSchema.safeParse({ membershipId: "ms1", reason: "  " }).success,
    ).toBe(false);
    expect(
      MembershipSuspendInputSchema.safeParse({ membershipId: "ms1", reason: "x".repeat(501) })
        .success,
    ).toBe(false);
    expect(
      RecordPaymentInputSchema.safeParse({ membershipId: "ms1", amountCents: -1 }).success,
    ).toBe(false);
    expect(
      RecordPaymentInputSchema.safeParse({ membershipId: "ms1", amountCents: 1.5 }).success,
    ).toBe(false);
  });
});
