// seatsAndHolders, the read a registration batch makes under the activity's lock: confirmed
// seats, who already holds a registration, and how many wait before each newcomer in
// serving order (created, then id in byte order) — ties and letter case included.
import { ActivityCreateInputSchema } from "@readers/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  activity,
  activityColumns,
  insertLocations,
  member,
  registration,
  seatsAndHolders,
  user,
} from "../src/index.ts";
import { type TestDatabase, testDrivers } from "../src/testing.ts";

const at = new Date("2026-06-01T10:00:00Z");
const later = new Date(at.getTime() + 1);

describe.each(testDrivers(inject("databaseUrl")))("seatsAndHolders on $name", (driver) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
  });

  it("counts seats, holders and who waits before each newcomer, ties by byte order", async () => {
    await insertLocations(h.db, [{ id: "hall", name: "Hall", address: null }]);
    const input = ActivityCreateInputSchema.parse({
      kind: "lecture",
      title: "Ties",
      startsAt: new Date(at.getTime() + 86_400_000),
      endsAt: new Date(at.getTime() + 90_000_000),
      locationId: "hall",
      capacity: 2,
      maxPartySize: 2,
    });
    await h.db
      .insert(activity)
      .values({ id: "act", ...activityColumns(input), status: "published" });
    const members = ["m1", "m2", "m3", "m4", "m5"];
    await h.db.insert(user).values(members.map((id) => ({ id, name: id, email: `${id}@x.org` })));
    await h.db.insert(member).values(
      members.map((id, i) => ({
        id,
        userId: id,
        email: `${id}@x.org`,
        memberNumber: `8000000${i}`,
        firstName: id,
        lastName: id,
      })),
    );
    // Byte order puts "B…" before "a…" (a locale's order would not); all at the same instant.
    await h.db.insert(registration).values([
      {
        id: "c1",
        activityId: "act",
        memberId: "m1",
        status: "confirmed",
        partySize: 2,
        createdAt: at,
      },
      { id: "B", activityId: "act", memberId: "m2", status: "waitlisted", createdAt: at },
      { id: "a", activityId: "act", memberId: "m3", status: "waitlisted", createdAt: at },
      { id: "z", activityId: "act", memberId: "m4", status: "cancelled", createdAt: at },
      { id: "late", activityId: "act", memberId: "m5", status: "waitlisted", createdAt: later },
    ]);
    const state = await h.db.transaction((tx) =>
      seatsAndHolders(
        tx,
        "act",
        [{ memberId: "m2" }, { memberId: "m4" }, { guestEmail: "Gus@x.org" }],
        [
          { id: "A0", createdAt: at }, // "A0" < "B" < "a": nobody before it
          { id: "a0", createdAt: at }, // after "B" and "a"
          { id: "0", createdAt: at }, // digits first: nobody before it
          { id: "x", createdAt: later }, // after both at `at`, and after "late"
        ],
      ),
    );
    expect(state.confirmedSeats).toBe(2);
    expect([...state.held]).toEqual(["m:m2"]); // m4's registration is cancelled
    expect(Object.fromEntries(state.waitlistedBefore)).toEqual({ A0: 0, a0: 2, "0": 0, x: 3 });
  });
});
