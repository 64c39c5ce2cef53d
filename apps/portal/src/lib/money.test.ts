import { describe, expect, it } from "vitest";
import { amountInput, parseAmount } from "./money.ts";

describe("parseAmount", () => {
  it("reads whole and decimal amounts, with a point or a comma", () => {
    expect(parseAmount("50")).toBe(5000);
    expect(parseAmount(" 50.5 ")).toBe(5050);
    expect(parseAmount("50,05")).toBe(5005);
    expect(parseAmount("0")).toBe(0);
    expect(parseAmount("1 000.00")).toBe(100000);
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "-5", "5.005", "5.", "1e3", "5.5.5"]) {
      expect(parseAmount(text), text).toBeUndefined();
    }
  });

  it("writes cents back for an input", () => {
    expect(amountInput(5000)).toBe("50.00");
    expect(amountInput(5)).toBe("0.05");
  });
});
