import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  dateParts,
  daysBetween,
  daysInMonth,
  isCalendarDate,
} from "./calendar.js";

describe("isCalendarDate", () => {
  it.each([
    ["2025-01-31", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-04-31", false],
    ["2025-4-1", false],
    ["20250401", false],
    ["2025-04-01T00:00", false],
  ])("%s → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-03-30", 0, "2025-03-30"],
  ])("addDays(%s, %i) = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-15", 12, "2026-01-15"],
    ["2025-11-30", 3, "2026-02-28"],
    ["2025-03-31", -1, "2025-02-28"],
  ])("addMonths(%s, %i) = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("daysBetween, compareDates, daysInMonth", () => {
    expect(daysBetween("2025-01-01", "2025-03-01")).toBe(59);
    expect(daysBetween("2025-03-01", "2025-01-01")).toBe(-59);
    expect(compareDates("2025-01-02", "2025-01-10")).toBe(-1);
    expect(compareDates("2025-01-10", "2025-01-02")).toBe(1);
    expect(compareDates("2025-01-10", "2025-01-10")).toBe(0);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("dateParts refuses a non-date", () => {
    expect(() => dateParts("2025-02-30")).toThrow(RangeError);
  });

  it("addDays and daysBetween agree for any date and offset", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => {
          const date = d.toISOString().slice(0, 10);
          const later = addDays(date, n);
          expect(isCalendarDate(later)).toBe(true);
          expect(daysBetween(date, later)).toBe(n);
        },
      ),
    );
  });
});
