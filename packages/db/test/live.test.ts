import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLiveBus, LIVE_CHANNEL, type LiveEvent, publishLive } from "../src/live.ts";
import { type TestDatabase, testDrivers } from "../src/testing.ts";

describe.each(testDrivers(inject("databaseUrl")))("live bus on $name", (driver) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await driver.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  const occupancy = (n: number): LiveEvent => ({
    type: "occupancy",
    activityId: "a1",
    locationId: "l1",
    checkedIn: n,
    capacity: 10,
    free: 10 - n,
  });

  const waitFor = async (events: LiveEvent[], length: number) => {
    for (let i = 0; i < 100 && events.length < length; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it("delivers committed events to every subscriber, never rolled-back ones", async () => {
    const a = await createLiveBus(handle);
    const b = await createLiveBus(handle);
    const seenA: LiveEvent[] = [];
    const seenB: LiveEvent[] = [];
    a.subscribe((e) => seenA.push(e));
    b.subscribe((e) => seenB.push(e));

    await handle.db.transaction(async (tx) => {
      await publishLive(tx, occupancy(1));
    });
    await handle.db
      .transaction(async (tx) => {
        await publishLive(tx, occupancy(99));
        throw new Error("rolled back");
      })
      .catch(() => {});
    await handle.db.transaction(async (tx) => {
      await publishLive(tx, { type: "kioskRevoked", deviceId: "k1" });
    });
    await waitFor(seenA, 2);
    await waitFor(seenB, 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(seenA).toEqual([occupancy(1), { type: "kioskRevoked", deviceId: "k1" }]);
    expect(seenB).toEqual(seenA);
    await a.close();
    await b.close();
  });

  it("stops delivering after unsubscribe and close", async () => {
    const bus = await createLiveBus(handle);
    const seen: LiveEvent[] = [];
    const off = bus.subscribe((e) => seen.push(e));
    await publishLive(handle.db, occupancy(1));
    await waitFor(seen, 1);
    off();
    await publishLive(handle.db, occupancy(2));
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([occupancy(1)]);
    await bus.close();
  });

  it("tells every stream when it closes, even one that subscribes during shutdown", async () => {
    const bus = await createLiveBus(handle);
    const seen: LiveEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    await bus.close();
    const late: LiveEvent[] = [];
    bus.subscribe((e) => late.push(e));
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([{ type: "closing" }]);
    expect(late).toEqual([{ type: "closing" }]);
  });

  // Only PostgreSQL has a separate LISTEN connection to lose.
  if (driver.name === "postgres")
    it("reconnects when its connection is killed, and says events may have been missed", async () => {
      const bus = await createLiveBus(handle, { reconnectDelayMs: 20, heartbeatMs: 50 });
      const seen: LiveEvent[] = [];
      bus.subscribe((e) => seen.push(e));
      await handle.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query = ${`LISTEN ${LIVE_CHANNEL}`}`,
      );
      await waitFor(seen, 1);
      expect(seen).toEqual([{ type: "resync" }]);
      await publishLive(handle.db, occupancy(3));
      await waitFor(seen, 2);
      expect(seen).toEqual([{ type: "resync" }, occupancy(3)]);
      await bus.close();
    });
});
