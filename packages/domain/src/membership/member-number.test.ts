import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatMemberNumber,
  isValidMemberNumber,
  luhnCheckDigit,
  MemberNumberSchema,
  memberNumberFromSequence,
  normalizeMemberNumber,
} from "./member-number.js";

describe("member numbers", () => {
  it.each([
    [1, "00000018"],
    [1234567, "12345674"],
    [9_999_999, "99999997"],
  ])("sequence %i → %s", (n, expected) => {
    expect(memberNumberFromSequence(n)).toBe(expected);
  });

  it.each([0, -1, 10_000_000, 1.5, Number.NaN])("refuses sequence %s", (n) => {
    expect(() => memberNumberFromSequence(n)).toThrow(RangeError);
  });

  it("computes Luhn digits (known value 7992739871 → 3)", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });

  it.each([
    ["12345674", "12345674"],
    ["1234 5674", "12345674"],
    ["1234-5674", "12345674"],
  ])("normalises %s", (input, expected) => {
    expect(normalizeMemberNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["12345675", "1234567", "123456740", "abcdefgh", "00000000", ""])(
    "refuses %s",
    (input) => {
      expect(normalizeMemberNumber(input)).toMatchObject({
        ok: false,
        code: "INVALID_MEMBER_NUMBER",
      });
      expect(isValidMemberNumber(input)).toBe(false);
    },
  );

  it("formats for people", () => {
    expect(formatMemberNumber("12345674")).toBe("1234 5674");
    expect(formatMemberNumber("nonsense")).toBe("nonsense");
  });

  it("schema parses to bare digits", () => {
    expect(MemberNumberSchema.parse("1234 5674")).toBe("12345674");
    expect(MemberNumberSchema.safeParse("1234 5675").success).toBe(false);
  });

  it("every generated number is valid, and any single-digit typo is caught (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (n, position, delta) => {
          const number = memberNumberFromSequence(n);
          expect(isValidMemberNumber(number)).toBe(true);
          const digit = (Number(number[position]) + delta) % 10;
          const typo = number.slice(0, position) + digit + number.slice(position + 1);
          expect(isValidMemberNumber(typo)).toBe(false);
        },
      ),
    );
  });
});
