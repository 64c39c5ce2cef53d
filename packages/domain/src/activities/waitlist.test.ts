import { describe, expect, it } from "vitest";
import { at } from "../../test/fixtures.js";
import { planWaitlistPromotion, sortWaitlist, waitlistPosition } from "./waitlist.js";

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
