import { describe, expect, it } from "vitest";
import { at } from "../../test/fixtures.js";
import {
  decideWaitlistMove,
  planWaitlistPromotion,
  sortWaitlist,
  waitlistPosition,
} from "./waitlist.js";

const t = (minute: number) => at(`2025-05-01T10:${String(minute).padStart(2, "0")}:00Z`);

describe("planWaitlistPromotion", () => {
  const waitlist = [
    { id: "c", partySize: 1, createdAt: t(3) },
    { id: "a", partySize: 3, createdAt: t(1) },
    { id: "b", partySize: 2, createdAt: t(2) },
    { id: "d", partySize: 1, createdAt: t(4) },
  ];

  it("promotes in order of arrival while parties fit", () => {
    expect(planWaitlistPromotion({ capacity: 10, confirmedSeats: 4, waitlist })).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("skips a party that does not fit; it keeps its place", () => {
    expect(planWaitlistPromotion({ capacity: 10, confirmedSeats: 8, waitlist })).toEqual(["b"]);
    expect(planWaitlistPromotion({ capacity: 10, confirmedSeats: 9, waitlist })).toEqual(["c"]);
  });

  it("promotes nobody when nothing is free, everybody when unlimited", () => {
    expect(planWaitlistPromotion({ capacity: 10, confirmedSeats: 10, waitlist })).toEqual([]);
    expect(planWaitlistPromotion({ capacity: 10, confirmedSeats: 12, waitlist })).toEqual([]);
    expect(planWaitlistPromotion({ capacity: null, confirmedSeats: 50, waitlist })).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("breaks ties by id and reports positions", () => {
    const tied = [
      { id: "y", partySize: 1, createdAt: t(1) },
      { id: "x", partySize: 1, createdAt: t(1) },
    ];
    expect(sortWaitlist(tied).map((e) => e.id)).toEqual(["x", "y"]);
    expect(waitlistPosition(waitlist, "b")).toBe(2);
    expect(waitlistPosition(waitlist, "zzz")).toBeNull();
  });
});

describe("decideWaitlistMove", () => {
  const activity = {
    status: "published" as const,
    capacity: 10,
    endsAt: at("2025-05-01T12:00:00Z"),
  };
  const now = t(30);
  const waitlisted = { status: "waitlisted" as const, partySize: 2 };

  it("moves a party up when it fits, even out of turn", () => {
    expect(
      decideWaitlistMove({ activity, registration: waitlisted, confirmedSeats: 8, now }),
    ).toEqual({ ok: true, value: { promote: true } });
    expect(
      decideWaitlistMove({
        activity: { ...activity, capacity: null },
        registration: waitlisted,
        confirmedSeats: 80,
        now,
      }),
    ).toEqual({ ok: true, value: { promote: true } });
  });

  it("does nothing for a party already confirmed", () => {
    expect(
      decideWaitlistMove({
        activity,
        registration: { status: "confirmed", partySize: 2 },
        confirmedSeats: 10,
        now,
      }),
    ).toEqual({ ok: true, value: { promote: false } });
  });

  it.each([
    ["ACTIVITY_FULL", activity, waitlisted, 9],
    ["REGISTRATION_ALREADY_CANCELLED", activity, { status: "cancelled" as const, partySize: 1 }, 0],
    ["ACTIVITY_NOT_PUBLISHED", { ...activity, status: "draft" as const }, waitlisted, 0],
    ["ACTIVITY_CANCELLED", { ...activity, status: "cancelled" as const }, waitlisted, 0],
    ["ACTIVITY_ENDED", { ...activity, endsAt: t(10) }, waitlisted, 0],
  ] as const)("refuses with %s", (code, a, registration, confirmedSeats) => {
    expect(decideWaitlistMove({ activity: a, registration, confirmedSeats, now })).toMatchObject({
      ok: false,
      code,
    });
  });
});
