import { describe, expect, it } from "vitest";
import { at } from "../../test/fixtures.js";
import { recurringSessions, SeriesRepeatSchema, zonedInstant } from "./recurrence.js";

const iso = (sessions: { startsAt: Date; endsAt: Date }[]) =>
  sessions.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]);

describe("zonedInstant", () => {
  it("finds the instant of a wall-clock time in a zone", () => {
    expect(
      zonedInstant({ year: 2025, month: 3, day: 4, hour: 19, minute: 0 }, "Asia/Shanghai"),
    ).toEqual(at("2025-03-04T11:00:00Z"));
    expect(
      zonedInstant({ year: 2025, month: 7, day: 1, hour: 19, minute: 30 }, "Europe/Paris"),
    ).toEqual(at("2025-07-01T17:30:00Z"));
    expect(
      zonedInstant({ year: 2025, month: 1, day: 1, hour: 0, minute: 0, second: 5 }, "UTC"),
    ).toEqual(at("2025-01-01T00:00:05Z"));
  });

  it("shifts a time that a daylight-saving gap skips", () => {
    // 30 March 2025, Paris: 02:00 jumps to 03:00.
    expect(
      zonedInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, "Europe/Paris"),
    ).toEqual(at("2025-03-30T01:30:00Z"));
  });
});

describe("recurringSessions", () => {
  const first = { startsAt: at("2025-03-04T11:00:00Z"), endsAt: at("2025-03-04T12:30:00Z") };

  it("repeats weekly at the same local time", () => {
    const repeat = SeriesRepeatSchema.parse({ frequency: "weekly", count: 3, ...first });
    expect(iso(recurringSessions(repeat, "Asia/Shanghai"))).toEqual([
      ["2025-03-04T11:00:00.000Z", "2025-03-04T12:30:00.000Z"],
      ["2025-03-11T11:00:00.000Z", "2025-03-11T12:30:00.000Z"],
      ["2025-03-18T11:00:00.000Z", "2025-03-18T12:30:00.000Z"],
    ]);
  });

  it("keeps the wall-clock time across a daylight-saving change", () => {
    const paris = { startsAt: at("2025-03-25T18:00:00Z"), endsAt: at("2025-03-25T19:00:00Z") };
    const repeat = SeriesRepeatSchema.parse({ frequency: "weekly", count: 2, ...paris });
    // 19:00 in Paris before and after the clocks go forward.
    expect(iso(recurringSessions(repeat, "Europe/Paris")).map(([s]) => s)).toEqual([
      "2025-03-25T18:00:00.000Z",
      "2025-04-01T17:00:00.000Z",
    ]);
  });

  it("repeats every other week", () => {
    const repeat = SeriesRepeatSchema.parse({
      frequency: "weekly",
      interval: 2,
      count: 2,
      ...first,
    });
    expect(iso(recurringSessions(repeat, "Asia/Shanghai"))[1]![0]).toBe("2025-03-18T11:00:00.000Z");
  });

  it("repeats monthly on the same day, the 31st becoming the month's last day", () => {
    const end = { startsAt: at("2025-01-31T11:00:00Z"), endsAt: at("2025-01-31T12:00:00Z") };
    const repeat = SeriesRepeatSchema.parse({ frequency: "monthly", count: 3, ...end });
    expect(iso(recurringSessions(repeat, "Asia/Shanghai")).map(([s]) => s)).toEqual([
      "2025-01-31T11:00:00.000Z",
      "2025-02-28T11:00:00.000Z",
      "2025-03-31T11:00:00.000Z",
    ]);
  });

  it("repeats monthly on the same weekday of the month", () => {
    // Tuesday 4 March 2025 is the first Tuesday; then 1 April, 6 May.
    const repeat = SeriesRepeatSchema.parse({ frequency: "monthly_weekday", count: 3, ...first });
    expect(iso(recurringSessions(repeat, "Asia/Shanghai")).map(([s]) => s)).toEqual([
      "2025-03-04T11:00:00.000Z",
      "2025-04-01T11:00:00.000Z",
      "2025-05-06T11:00:00.000Z",
    ]);
    // Saturday 29 March 2025 is the fifth Saturday: then the last Saturday of each month.
    const fifth = { startsAt: at("2025-03-29T02:00:00Z"), endsAt: at("2025-03-29T04:00:00Z") };
    const last = SeriesRepeatSchema.parse({ frequency: "monthly_weekday", count: 2, ...fifth });
    expect(iso(recurringSessions(last, "Asia/Shanghai")).map(([s]) => s)).toEqual([
      "2025-03-29T02:00:00.000Z",
      "2025-04-26T02:00:00.000Z",
    ]);
  });
});
