import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Isbn13Schema, IsbnSchema, isbn13CheckDigit, isValidIsbn, normalizeIsbn } from "./isbn.js";

describe("ISBN", () => {
  it.each([
    ["0-306-40615-2", "9780306406157"],
    ["0306406152", "9780306406157"],
    ["978-0-306-40615-7", "9780306406157"],
    ["978 0 306 40615 7", "9780306406157"],
    ["080442957X", "9780804429573"],
    ["080442957x", "9780804429573"],
    ["979-10-90636-07-1", "9791090636071"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normalizeIsbn(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    "0-306-40615-3",
    "978-0-306-40615-8",
    "977-0-306-40615-7",
    "X306406152",
    "030640615",
    "97803064061570",
    "",
    "isbn",
    `${"9".repeat(40)}`,
  ])("refuses %s", (input) => {
    expect(normalizeIsbn(input)).toMatchObject({ ok: false, code: "INVALID_ISBN" });
    expect(isValidIsbn(input)).toBe(false);
  });

  it("schemas parse to 13 digits", () => {
    expect(IsbnSchema.parse("0-306-40615-2")).toBe("9780306406157");
    expect(IsbnSchema.safeParse("0-306-40615-3").success).toBe(false);
    expect(Isbn13Schema.safeParse("9780306406157").success).toBe(true);
    expect(Isbn13Schema.safeParse("0306406152").success).toBe(false);
    expect(Isbn13Schema.safeParse("9780306406158").success).toBe(false);
  });

  it("every ISBN-10 normalises to a valid ISBN-13 with the same 9 core digits (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (core) => {
        let sum = 0;
        for (let i = 0; i < 9; i++) sum += Number(core[i]) * (10 - i);
        const check = (11 - (sum % 11)) % 11;
        const isbn10 = core + (check === 10 ? "X" : String(check));
        const result = normalizeIsbn(isbn10);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(result.value.slice(3, 12)).toBe(core);
          expect(isbn13CheckDigit(result.value.slice(0, 12))).toBe(Number(result.value[12]));
          expect(normalizeIsbn(result.value)).toEqual(result);
        }
      }),
    );
  });
});
