import { describe, expect, it } from "vitest";
import { activity, today } from "../../test/fakes.tsx";
import { dayIn, loadToday, phaseAt, preselectAt, saveToday, walkInState } from "./today.ts";

describe("today's list on the kiosk", () => {
  it("recomputes the check-in phase from the clock with the domain's rule", () => {
    const a = activity({
      startsAt: "2026-03-04T10:00:00.000Z",
      endsAt: "2026-03-04T12:00:00.000Z",
      checkInOpensAt: "2026-03-04T09:00:00.000Z",
    });
    expect(phaseAt(a, new Date("2026-03-04T08:59:00.000Z"))).toBe("upcoming");
    expect(phaseAt(a, new Date("2026-03-04T09:00:00.000Z"))).toBe("open");
    expect(phaseAt(a, new Date("2026-03-04T12:00:00.000Z"))).toBe("closed");
    expect(phaseAt({ ...a, status: "cancelled" }, new Date("2026-03-04T10:00:00.000Z"))).toBe(
      "closed",
    );
    expect(preselectAt([a], new Date("2026-03-04T08:00:00.000Z"))).toBeNull();
    expect(preselectAt([a], new Date("2026-03-04T09:30:00.000Z"))).toBe("act1");
  });

  it("keeps the list for this device and this day only", () => {
    const list = { ...today(), serverTime: "2026-03-04T02:00:00.000Z" };
    saveToday("dev1", list);
    expect(loadToday("dev1", new Date("2026-03-04T15:59:00.000Z"))).toEqual(list);
    // Midnight in Shanghai (UTC+8): a new day, yesterday's list is gone.
    expect(loadToday("dev1", new Date("2026-03-04T16:00:00.000Z"))).toBeNull();
    expect(loadToday("dev2", new Date("2026-03-04T03:00:00.000Z"))).toBeNull();
    expect(dayIn("Asia/Shanghai", new Date("2026-03-04T16:00:00.000Z"))).toBe("2026-03-05");
  });

  it("offers walk-ins while seats are free, never for members-only activities", () => {
    const a = activity();
    expect(walkInState(a, { activityId: "act1", checkedIn: 39, capacity: 40, free: 1 })).toBe(
      "available",
    );
    expect(walkInState(a, { activityId: "act1", checkedIn: 40, capacity: 40, free: 0 })).toBe(
      "full",
    );
    expect(walkInState(a, { activityId: "act1", checkedIn: 99, capacity: null, free: null })).toBe(
      "available",
    );
    expect(
      walkInState(
        { ...a, audience: "members" },
        { activityId: "act1", checkedIn: 0, capacity: 40, free: 40 },
      ),
    ).toBe("members-only");
  });
});
