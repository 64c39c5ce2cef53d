// memberOfUser with strikes, asked by many registrations at once: concurrent lookups share
// one query (lookupBatcher) read from the earliest `since`, yet each caller gets its own
// member, membership and exactly the strikes since its own `since`, on every driver.
import { randomUUID } from "node:crypto";
import { ActivityCreateInputSchema } from "@readers/domain";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  activity,
  activityColumns,
  type Database,
  insertLocations,
  member,
  memberOfUser,
  membership,
  registration,
  saveTier,
  user,
} from "../src/index.ts";
import * as schema from "../src/schema/index.ts";
import { type TestDatabase, testDrivers } from "../src/testing.ts";

const DAY = 86_400_000;
const now = new Date("2026-06-01T10:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

describe.each(testDrivers(inject("databaseUrl")))("memberOfUser on $name", (driver) => {
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

  /** A user with a member and a current membership; returns the ids. */
  async function person(i: number) {
    const userId = `u${i}`;
    const memberId = randomUUID();
    await h.db.insert(user).values({ id: userId, name: `P ${i}`, email: `p${i}@example.org` });
    await h.db.insert(member).values({
      id: memberId,
      userId,
      email: `p${i}@example.org`,
      memberNumber: `90000${i}`,
      firstName: "P",
      lastName: String(i),
    });
    await h.db.insert(membership).values({
      id: randomUUID(),
      memberId,
      tierId: "t",
      appliedAt: daysAgo(100),
      approvedAt: daysAgo(100),
      paidAt: daysAgo(100),
      startDate: "2026-01-01",
      endDate: "2026-12-31",
    });
    return { userId, memberId };
  }

  /** An activity (published unless told) that started `d` days ago. */
  async function pastActivity(d: number, status: "published" | "cancelled" = "published") {
    const id = randomUUID();
    const input = ActivityCreateInputSchema.parse({
      kind: "lecture",
      title: `Past ${d}`,
      startsAt: daysAgo(d),
      endsAt: new Date(daysAgo(d).getTime() + 3_600_000),
      locationId: "hall",
      capacity: 10,
    });
    await h.db.insert(activity).values({ id, ...activityColumns(input), status });
    return id;
  }

  it("answers concurrent lookups each with its own member and its own strikes", async () => {
    await saveTier(
      h.db,
      {
        id: "t",
        name: "T",
        term: { kind: "rolling", months: 12 },
        feeCents: 0,
        graceDays: 0,
        loanLimit: 3,
        loanDays: 21,
        maxRenewals: 1,
        holdLimit: 3,
        requiresApproval: false,
      },
      now,
    );
    await insertLocations(h.db, [{ id: "hall", name: "Hall", address: null }]);
    const ann = await person(1);
    const bo = await person(2);
    const [tenDays, fortyDays] = [await pastActivity(10), await pastActivity(40)];
    // Ann: a no-show 10 days ago and one 40 days ago. Bo: a late cancellation 20 days ago,
    // and an attended activity (no strike).
    await h.db.insert(registration).values([
      { id: randomUUID(), activityId: tenDays, memberId: ann.memberId, status: "confirmed" },
      { id: randomUUID(), activityId: fortyDays, memberId: ann.memberId, status: "confirmed" },
      {
        id: randomUUID(),
        activityId: fortyDays,
        memberId: bo.memberId,
        status: "cancelled",
        lateCancellation: true,
        cancelledAt: daysAgo(20),
      },
      {
        id: randomUUID(),
        activityId: tenDays,
        memberId: bo.memberId,
        status: "confirmed",
        checkedInAt: daysAgo(10),
      },
    ]);
    // Cy: an odd row on a cancelled activity — still confirmed, no check-in, yet marked a
    // late cancellation 20 days ago. Read for a batch's earlier date, it must not count as
    // a no-show for a later one (no-shows count on published activities only).
    const cy = await person(3);
    const called = await pastActivity(10, "cancelled");
    await h.db.insert(registration).values({
      id: randomUUID(),
      activityId: called,
      memberId: cy.memberId,
      status: "confirmed",
      lateCancellation: true,
      cancelledAt: daysAgo(20),
    });
    const ask = (userId: string, sinceDaysAgo: number) =>
      memberOfUser(h.db, userId, { strikesSince: daysAgo(sinceDaysAgo) });
    const [annWide, annNarrow, boWide, boNarrow, nobody, cyNarrow] = await Promise.all([
      ask(ann.userId, 60),
      ask(ann.userId, 30),
      ask(bo.userId, 60),
      ask(bo.userId, 15),
      ask("no-such-user", 60),
      ask(cy.userId, 15),
    ]);
    expect(cyNarrow?.strikes).toEqual([]);
    expect(annWide?.member.id).toBe(ann.memberId);
    expect(annWide?.current?.tier.id).toBe("t");
    expect(annWide?.strikes?.map((s) => s.startsAt.getTime()).sort()).toEqual(
      [daysAgo(40).getTime(), daysAgo(10).getTime()].sort(),
    );
    expect(annNarrow?.strikes?.map((s) => s.startsAt)).toEqual([daysAgo(10)]);
    expect(boWide?.member.id).toBe(bo.memberId);
    expect(boWide?.strikes?.map((s) => s.cancelledAt)).toEqual([daysAgo(20)]);
    expect(boNarrow?.strikes).toEqual([]);
    expect(nobody).toBeNull();
    // Alone, the same answers.
    expect((await ask(ann.userId, 30))?.strikes).toEqual(annNarrow?.strikes);
  });

  if (driver.name === "postgres") {
    it("sends lookups asked together as one query", async () => {
      const pool = new pg.Pool({ connectionString: h.url!, max: 4 });
      const sent: string[] = [];
      const counting = drizzle(pool, {
        schema,
        casing: "snake_case",
        logger: { logQuery: (query) => sent.push(query) },
      }) as unknown as Database;
      try {
        const since = daysAgo(60);
        const asked = await Promise.all(
          ["u1", "u2", "u3", "u4", "u5", "u6"].map((userId) =>
            memberOfUser(counting, userId, { strikesSince: since }),
          ),
        );
        expect(asked).toEqual([null, null, null, null, null, null]);
        expect(sent).toHaveLength(1);
        expect(sent[0]).toContain("= any(");
      } finally {
        await pool.end();
      }
    });
  }
});
