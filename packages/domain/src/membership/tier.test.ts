import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_SETTINGS, type Term, TierSchema, termEndDate } from "./tier.js";

const rolling = (months: number): Term => ({ kind: "rolling", months });
const academic: Term = { kind: "fixed", endMonth: 8, endDay: 31 };

describe("termEndDate", () => {
  it.each([
    [rolling(12), "2025-01-15", "2026-01-14"],
    [rolling(12), "2025-01-01", "2025-12-31"],
    [rolling(1), "2025-01-31", "2025-02-28"],
    [rolling(1), "2025-01-28", "2025-02-27"],
    [rolling(1), "2024-01-30", "2024-02-29"],
    [rolling(12), "2024-02-29", "2025-02-28"],
    [rolling(6), "2025-03-01", "2025-08-31"],
    [academic, "2025-03-10", "2025-08-31"],
    [academic, "2025-08-31", "2025-08-31"],
    [academic, "2025-09-01", "2026-08-31"],
    [{ kind: "fixed", endMonth: 2, endDay: 29 }, "2025-03-01", "2026-02-28"],
    [{ kind: "fixed", endMonth: 2, endDay: 29 }, "2027-03-01", "2028-02-29"],
  ] as const)("%o from %s ends %s", (term, start, end) => {
    expect(termEndDate(term, start)).toBe(end);
  });
});

describe("TierSchema", () => {
  it("applies the documented defaults", () => {
    const tier = TierSchema.parse({ id: "t", name: "Student", term: academic });
    expect(tier).toMatchObject(DEFAULT_TIER_SETTINGS);
    expect(DEFAULT_TIER_SETTINGS).toMatchObject({
      graceDays: 30,
      loanLimit: 3,
      loanDays: 21,
      maxRenewals: 1,
      holdLimit: 3,
    });
  });

  it.each([
    { kind: "fixed", endMonth: 2, endDay: 30 },
    { kind: "fixed", endMonth: 4, endDay: 31 },
    { kind: "fixed", endMonth: 13, endDay: 1 },
    { kind: "rolling", months: 0 },
    { kind: "rolling", months: 121 },
  ])("refuses the term %o", (term) => {
    expect(TierSchema.safeParse({ id: "t", name: "x", term }).success).toBe(false);
  });

  it("bounds names and fees", () => {
    const base = { id: "t", term: rolling(12) };
    expect(TierSchema.safeParse({ ...base, name: "" }).success).toBe(false);
    expect(TierSchema.safeParse({ ...base, name: "x".repeat(121) }).success).toBe(false);
    expect(TierSchema.safeParse({ ...base, name: "x", feeCents: -1 }).success).toBe(false);
    expect(TierSchema.safeParse({ ...base, name: "x", feeCents: 1.5 }).success).toBe(false);
  });
});
