import { describe, expect, it } from "vitest";
import { MemberSchema } from "./member.js";

describe("MemberSchema", () => {
  const base = {
    id: "m1",
    memberNumber: "1234 5674",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ADA@x.org",
  };
  it("normalises the number and e-mail, defaults the card version", () => {
    expect(MemberSchema.parse(base)).toEqual({
      ...base,
      memberNumber: "12345674",
      email: "ada@x.org",
      userId: null,
      cardVersion: 1,
    });
  });
  it("refuses a mistyped number and a card version below 1", () => {
    expect(MemberSchema.safeParse({ ...base, memberNumber: "12345675" }).success).toBe(false);
    expect(MemberSchema.safeParse({ ...base, cardVersion: 0 }).success).toBe(false);
  });
});
