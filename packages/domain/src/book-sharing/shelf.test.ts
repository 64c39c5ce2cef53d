import { describe, expect, it } from "vitest";
import {
  isLabelCode,
  KioskBorrowInputSchema,
  KioskReturnInputSchema,
  LABEL_CODE_ALPHABET,
  labelCodeFrom,
  parseShelfBarcode,
} from "./shelf.js";

describe("shelf labels and scans", () => {
  it("makes label codes from random numbers", () => {
    expect(labelCodeFrom([0, 1, 2, 3, 4, 5])).toBe("RB234567");
    expect(labelCodeFrom([31, 32, -1, 30, 1.9, 62])).toBe("RB23ZZ32");
    expect(() => labelCodeFrom([1, 2])).toThrow(RangeError);
    const code = labelCodeFrom([5, 10, 15, 20, 25, 30]);
    expect(isLabelCode(code)).toBe(true);
    for (const ch of code.slice(2)) expect(LABEL_CODE_ALPHABET).toContain(ch);
  });

  it("tells labels from ISBNs and refuses anything else", () => {
    expect(parseShelfBarcode("rb 234567")).toEqual({ kind: "label", code: "RB234567" });
    expect(parseShelfBarcode("978-0-306-40615-7")).toEqual({
      kind: "isbn",
      isbn13: "9780306406157",
    });
    expect(parseShelfBarcode("0306406152")).toEqual({ kind: "isbn", isbn13: "9780306406157" });
    // A label with a letter the alphabet leaves out, and a bad check digit.
    expect(parseShelfBarcode("RB2345O7")).toBeNull();
    expect(parseShelfBarcode("9780306406158")).toBeNull();
    expect(isLabelCode("rb234567")).toBe(false);
  });

  it("kiosk inputs take a card QR or a member number", () => {
    expect(
      KioskBorrowInputSchema.safeParse({
        credential: { qr: "RDR1.x" },
        barcode: "RB234567",
        clientId: "c1",
      }).success,
    ).toBe(true);
    expect(
      KioskBorrowInputSchema.safeParse({
        credential: { memberNumber: "1234" },
        barcode: "RB234567",
        clientId: "c1",
      }).success,
    ).toBe(false);
    expect(KioskReturnInputSchema.safeParse({ barcode: "", clientId: "c1" }).success).toBe(false);
  });
});
