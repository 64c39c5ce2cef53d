import { describe, expect, it } from "vitest";
import { activity, at, plusMinutes, START } from "../../test/fixtures.js";
import { isNoShow, NoShowSettingsSchema, noShowPenaltyUntil } from "./no-show.js";

const DAY = 24 * 60;

describe("isNoShow", () => {
  const a = activity();
  const confirmed = { status: "confirmed" as const, checkedInAt: null };
  it.each([
    ["confirmed, not checked in, 15 min after start", confirmed, plusMinutes(START, 15), true],
    ["confirmed, not checked in, 14 min after start", confirmed, plusMinutes(START, 14), false],
    ["checked in", { ...confirmed, checkedInAt: START }, plusMinutes(START, 60), false],
    ["waitlisted", { ...confirmed, status: "waitlisted" as const }, plusMinutes(START, 60), false],
  ])("%s → %s", (_name, registration, now, expected) => {
    expect(isNoShow(registration, a, now)).toBe(expected);
  });
});

describe("noShowPenaltyUntil", () => {
  const first = at("2025-01-01T18:00:00Z");
  const strikes = [first, plusMinutes(first, 30 * DAY), plusMinutes(first, 60 * DAY)];

  it("3 strikes within 90 days: 30 days of waitlist only from the third", () => {
    const third = strikes[2] as Date;
    expect(noShowPenaltyUntil(strikes, plusMinutes(third, DAY))).toEqual(
      plusMinutes(third, 30 * DAY),
    );
    expect(noShowPenaltyUntil(strikes, plusMinutes(third, 30 * DAY))).toBeNull();
  });

  it("no penalty for strikes spread over more than 90 days, or too few", () => {
    const spread = [first, plusMinutes(first, 50 * DAY), plusMinutes(first, 91 * DAY)];
    expect(noShowPenaltyUntil(spread, plusMinutes(first, 92 * DAY))).toBeNull();
    expect(noShowPenaltyUntil(strikes.slice(0, 2), plusMinutes(first, 61 * DAY))).toBeNull();
  });

  it("ignores future strikes and order; can be switched off", () => {
    const third = strikes[2] as Date;
    expect(noShowPenaltyUntil([...strikes].reverse(), plusMinutes(third, 1))).not.toBeNull();
    expect(noShowPenaltyUntil(strikes, plusMinutes(third, -1))).toBeNull();
    expect(
      noShowPenaltyUntil(strikes, plusMinutes(third, 1), {
        threshold: 3,
        windowDays: 90,
        penaltyDays: 0,
      }),
    ).toBeNull();
  });

  it("settings schema has the documented defaults", () => {
    expect(NoShowSettingsSchema.parse({})).toEqual({
      threshold: 3,
      windowDays: 90,
      penaltyDays: 30,
    });
    expect(NoShowSettingsSchema.safeParse({ threshold: 0 }).success).toBe(false);
  });
});
