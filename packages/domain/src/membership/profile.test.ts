import { describe, expect, it } from "vitest";
import { decideLeaving } from "./lifecycle.js";
import { MemberProfileInputSchema, splitDisplayName } from "./profile.js";

describe("MemberProfileInputSchema", () => {
  it("trims names, empties an empty phone and defaults consent to off", () => {
    expect(
      MemberProfileInputSchema.parse({ firstName: " Ann ", lastName: "Lee", phone: "" }),
    ).toEqual({
      firstName: "Ann",
      lastName: "Lee",
      phone: null,
      directoryConsent: false,
    });
  });
  it.each(["abc", "12", "+86 138-0000-0000x", "1".repeat(33)])("refuses the phone %s", (phone) => {
    expect(
      MemberProfileInputSchema.safeParse({ firstName: "A", lastName: "B", phone }).success,
    ).toBe(false);
  });
  it("accepts international numbers", () => {
    expect(
      MemberProfileInputSchema.parse({ firstName: "A", lastName: "B", phone: "+86 (10) 6000-0000" })
        .phone,
    ).toBe("+86 (10) 6000-0000");
  });
});

describe("splitDisplayName", () => {
  it.each([
    ["Ada King Lovelace", { firstName: "Ada King", lastName: "Lovelace" }],
    ["  Bo   Chen ", { firstName: "Bo", lastName: "Chen" }],
    ["王芳", { firstName: "芳", lastName: "王" }],
    ["Prince", { firstName: "Prince", lastName: "" }],
  ])("%s", (name, expected) => {
    expect(splitDisplayName(name)).toEqual(expected);
  });
});

describe("decideLeaving", () => {
  it("lets a member leave once", () => {
    expect(decideLeaving({ cancelledAt: null })).toEqual({ ok: true, value: true });
    expect(decideLeaving({ cancelledAt: new Date() })).toMatchObject({
      ok: false,
      code: "MEMBERSHIP_CANCELLED",
    });
  });
});
