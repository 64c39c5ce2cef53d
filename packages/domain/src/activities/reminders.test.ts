import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import { activityReminderDue } from "./reminders.js";

const DAY = 24 * 60;
const confirmed = { status: "confirmed" as const, checkedInAt: null };
const longAgo = plusMinutes(START, -7 * DAY);

describe("activityReminderDue", () => {
  it("is due within 24 hours of the start for parties confirmed before that", () => {
    const now = plusMinutes(START, -DAY + 30);
    expect(
      activityReminderDue({
        activity: activity(),
        registration: confirmed,
        confirmedAt: longAgo,
        now,
      }),
    ).toBe(true);
  });

  it.each([
    ["too early", activity(), confirmed, longAgo, plusMinutes(START, -DAY - 1)],
    ["already started", activity(), confirmed, longAgo, START],
    [
      "not published",
      activity({ status: "cancelled" }),
      confirmed,
      longAgo,
      plusMinutes(START, -60),
    ],
    [
      "waitlisted",
      activity(),
      { status: "waitlisted" as const, checkedInAt: null },
      longAgo,
      plusMinutes(START, -60),
    ],
    [
      "checked in",
      activity(),
      { status: "confirmed" as const, checkedInAt: plusMinutes(START, -50) },
      longAgo,
      plusMinutes(START, -30),
    ],
    [
      "booked within the last day",
      activity(),
      confirmed,
      plusMinutes(START, -120),
      plusMinutes(START, -60),
    ],
  ])("is not due when %s", (_why, a, registration, confirmedAt, now) => {
    expect(activityReminderDue({ activity: a, registration, confirmedAt, now })).toBe(false);
  });
});
