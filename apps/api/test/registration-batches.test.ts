// waitlistPlaces: a batch's waitlisted newcomers' places from who waited before each when
// the batch read the waitlist, plus the batch's own, in serving order (created, then id in
// byte order, as PostgreSQL's collate "C" and the domain's sortWaitlist).
import { describe, expect, it } from "vitest";
import { waitlistPlaces } from "../src/activities/registration-batches.ts";

const at = new Date("2026-06-01T10:00:00Z");
const later = new Date(at.getTime() + 1);

describe("waitlistPlaces", () => {
  it("adds the batch's own newcomers up to each, ties broken by byte order", () => {
    const places = waitlistPlaces(
      [
        { id: "a", createdAt: at },
        { id: "B", createdAt: at }, // "B" before "a" in byte order
        { id: "c", createdAt: later },
      ],
      new Map([
        ["a", 5],
        ["B", 5],
        ["c", 7],
      ]),
    );
    expect(Object.fromEntries(places)).toEqual({ B: 6, a: 7, c: 10 });
  });

  it("counts nobody before a newcomer the read did not cover", () => {
    expect(Object.fromEntries(waitlistPlaces([{ id: "a", createdAt: at }], new Map()))).toEqual({
      a: 1,
    });
  });
});
