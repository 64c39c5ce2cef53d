import { describe, expect, it } from "vitest";
import { addMinutes, dateInZone, isTimeZone, zonedParts } from "./time-zone.js";

describe("dateInZone", () => {
  it.each([
    ["2025-03-01T17:30:00Z", "Asia/Shanghai", "2025-03-02"],
    ["2025-03-01T17:30:00Z", "Europe/Paris", "2025-03-01"],
    ["2025-03-01T03:00:00Z", "America/Los_Angeles", "2025-02-28"],
    ["2024-12-31T23:59:59Z", "UTC", "2024-12-31"],
    // Paris summer time starts 30 March 2025 at 01:00 UTC.
    ["2025-03-30T22:30:00Z", "Europe/Paris", "2025-03-31"],
    ["2025-10-26T22:30:00Z", "Europe/Paris", "2025-10-26"],
  ])("%s in %s is %s", (iso, zone, expected) => {
    expect(dateInZone(new Date(iso), zone)).toBe(expected);
  });

  it("gives wall-clock parts with a 24-hour clock", () => {
    expect(zonedParts(new Date("2025-06-01T00:05:07Z"), "UTC")).toEqual({
      year: 2025,
      month: 6,
      day: 1,
      hour: 0,
      minute: 5,
      second: 7,
    });
  });

  it("knows real zones only", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("adds minutes", () => {
    expect(addMinutes(new Date("2025-01-01T00:00:00Z"), -90).toISOString()).toBe(
      "2024-12-31T22:30:00.000Z",
    );
  });
});
