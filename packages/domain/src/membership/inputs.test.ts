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
    expect(
      MembershipApplyInputSchema.parse({
        tierId: "t1",
        profile: { firstName: "Ann", lastName: "Lee" },
      }),
    ).toEqual({
      tierId: "t1",
      profile: { firstName: "Ann", lastName: "Lee", phone: null, directoryConsent: false },
    });
    expect(MembershipApplyInputSchema.safeParse({ tierId: "t1" }).success).toBe(false);
    expect(MembershipRenewInputSchema.parse({})).toEqual({});
    expect(MembershipIdInputSchema.parse({ membershipId: "ms1" })).toEqual({ membershipId: "ms1" });
    expect(
      MembershipSuspendInputSchema.parse({ membershipId: "ms1", reason: " unpaid " }).reason,
    ).toBe("unpaid");
    expect(
      RecordPaymentInputSchema.parse({
        membershipId: "ms1",
        amountCents: 2000,
        method: "cash",
        paidAt: "2025-01-01T00:00:00Z",
      }).paidAt,
    ).toBeInstanceOf(Date);
    expect(
      RecordPaymentInputSchema.parse({
        membershipId: "ms1",
        amountCents: 0,
        method: "bank_transfer",
      }).reference,
    ).toBe("");
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
    expect(
      RecordPaymentInputSchema.safeParse({
        membershipId: "ms1",
        amountCents: 100,
        method: "cheque",
      }).success,
    ).toBe(false);
    expect(
      RecordPaymentInputSchema.safeParse({
        membershipId: "ms1",
        amountCents: 100,
        method: "cash",
        reference: "r".repeat(101),
      }).success,
    ).toBe(false);
  });
});
