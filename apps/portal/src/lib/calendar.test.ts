import { describe, expect, it } from "vitest";
import {
  activitiesByDay,
  activityDays,
  dateAfterKey,
  daysRange,
  gridRange,
  monthGrid,
  shiftMonth,
  weekdayIndex,
} from "./calendar.ts";

describe("month grid", () => {
  it("runs Monday to Sunday and covers the whole month", () => {
    // March 2025 begins on a Saturday and ends on a Monday.
    const weeks = monthGrid("2025-03");
    expect(weeks).toHaveLength(6);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]![0]).toEqual({ date: "2025-02-24", inMonth: false });
    expect(weeks[0]![5]).toEqual({ date: "2025-03-01", inMonth: true });
    expect(weeks[5]![0]).toEqual({ date: "2025-03-31", inMonth: true });
    expect(weeks[5]![6]).toEqual({ date: "2025-04-06", inMonth: false });
    expect(
      weeks.flat().every((day) => weekdayIndex(day.date) === weeks.flat().indexOf(day) % 7),
    ).toBe(true);
  });

  it("needs only four rows for a February that starts on a Monday", () => {
    expect(monthGrid("2021-02")).toHaveLength(4);
    expect(gridRange("2021-02")).toEqual({ first: "2021-02-01", last: "2021-02-28" });
  });

  it("moves between months across years", () => {
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
    expect(shiftMonth("2025-01", -1)).toBe("2024-12");
  });
});

describe("days in the association's zone", () => {
  it("begins a day at midnight there, not in the browser's zone", () => {
    expect(daysRange("2025-03-04", "2025-03-04", "Asia/Shanghai")).toEqual({
      from: new Date("2025-03-03T16:00:00.000Z"),
      to: new Date("2025-03-04T16:00:00.000Z"),
    });
    // Paris changes to summer time on 30 March 2025: that day has 23 hours.
    const range = daysRange("2025-03-30", "2025-03-30", "Europe/Paris");
    expect(range.to.getTime() - range.from.getTime()).toBe(23 * 3600 * 1000);
  });

  it("puts an evening activity on the zone's day", () => {
    const activity = { startsAt: "2025-03-01T17:30:00Z", endsAt: "2025-03-01T19:00:00Z" };
    expect(activityDays(activity, "Asia/Shanghai")).toEqual({
      first: "2025-03-02",
      last: "2025-03-02",
    });
    expect(activityDays(activity, "UTC")).toEqual({ first: "2025-03-01", last: "2025-03-01" });
  });

  it("lists an exhibition on every day it runs, within the grid", () => {
    const exhibition = {
      id: "x",
      startsAt: "2025-02-20T01:00:00Z",
      endsAt: "2025-03-03T16:00:00Z", // midnight in Shanghai: the 3rd is its last day
    };
    const lecture = { id: "l", startsAt: "2025-03-02T11:00:00Z", endsAt: "2025-03-02T12:00:00Z" };
    const days = activitiesByDay([exhibition, lecture], gridRange("2025-03"), "Asia/Shanghai");
    expect(days.get("2025-02-23")).toBeUndefined();
    expect(days.get("2025-02-24")?.map((a) => a.id)).toEqual(["x"]);
    expect(days.get("2025-03-02")?.map((a) => a.id)).toEqual(["x", "l"]);
    expect(days.get("2025-03-03")?.map((a) => a.id)).toEqual(["x"]);
    expect(days.get("2025-03-04")).toBeUndefined();
  });
});

describe("keyboard moves", () => {
  it("follow the WAI-ARIA date grid keys", () => {
    const day = "2025-03-05"; // a Wednesday
    expect(dateAfterKey(day, "ArrowRight")).toBe("2025-03-06");
    expect(dateAfterKey(day, "ArrowLeft")).toBe("2025-03-04");
    expect(dateAfterKey(day, "ArrowDown")).toBe("2025-03-12");
    expect(dateAfterKey(day, "ArrowUp")).toBe("2025-02-26");
    expect(dateAfterKey(day, "Home")).toBe("2025-03-03");
    expect(dateAfterKey(day, "End")).toBe("2025-03-09");
    expect(dateAfterKey("2025-01-31", "PageDown")).toBe("2025-02-28");
    expect(dateAfterKey(day, "PageUp", true)).toBe("2024-03-05");
    expect(dateAfterKey(day, "a")).toBeUndefined();
  });
});
