// Outbox claims, retries, dedupe and in-app delivery on every driver; exactly-once claims
// with two workers (two connection pools) on PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  claimOutbox,
  countUnreadNotifications,
  createDb,
  deliverOutboxInApp,
  deliverOutboxInAppBatch,
  enqueueOutbox,
  getOutboxRow,
  listNotifications,
  markNotificationsRead,
  markOutboxFailed,
  markOutboxSent,
  markOutboxSentBatch,
  releaseOutbox,
  user,
} from "../src/index.ts";
import { type TestDatabase, testDrivers } from "../src/testing.ts";

const t0 = new Date("2026-01-10T10:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

describe.each(testDrivers(inject("databaseUrl")))("outbox on $name", (driver) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    await h.db.insert(user).values([
      { id: "u1", name: "Ann", email: "ann@example.org" },
      { id: "u2", name: "Bo", email: "bo@example.org" },
    ]);
  });

  it("claims due rows once under a lease, and again only after the lease runs out", async () => {
    await enqueueOutbox(h.db, [
      { kind: "test", channel: "email", toEmail: "ann@example.org", nextAttemptAt: t0 },
      { kind: "test", channel: "email", toEmail: "bo@example.org", nextAttemptAt: later(60_000) },
    ]);
    const first = await claimOutbox(h.db, { now: t0, limit: 10, leaseMs: 30_000 });
    expect(first.map((r) => r.toEmail)).toEqual(["ann@example.org"]);
    expect(first[0]!.attempts).toBe(1);
    expect(await claimOutbox(h.db, { now: later(1000), limit: 10, leaseMs: 30_000 })).toEqual([]);
    const reclaimed = await claimOutbox(h.db, { now: later(31_000), limit: 10, leaseMs: 30_000 });
    expect(reclaimed.map((r) => r.id)).toEqual([first[0]!.id]);
    expect(reclaimed[0]!.attempts).toBe(2);
    // The first claim's lease ran out: its late outcome is refused, the new claim's counts.
    expect(await markOutboxFailed(h.db, first[0]!, "late", later(99_000))).toBe(false);
    expect(await markOutboxSent(h.db, reclaimed[0]!, later(32_000))).toBe(true);
    expect(await getOutboxRow(h.db, first[0]!.id)).toMatchObject({ status: "sent", attempts: 2 });
    const rest = await claimOutbox(h.db, { now: later(120_000), limit: 10, leaseMs: 30_000 });
    expect(rest.map((r) => r.toEmail)).toEqual(["bo@example.org"]);
  });

  it("reschedules failures and gives up when told to", async () => {
    await enqueueOutbox(h.db, {
      kind: "test",
      channel: "email",
      toEmail: "a@b.c",
      nextAttemptAt: t0,
    });
    const [row] = await claimOutbox(h.db, { now: t0, limit: 1, leaseMs: 1000 });
    await markOutboxFailed(h.db, row!, "smtp down", later(10_000));
    expect(await claimOutbox(h.db, { now: later(5000), limit: 1, leaseMs: 1000 })).toEqual([]);
    const [again] = await claimOutbox(h.db, { now: later(10_000), limit: 1, leaseMs: 1000 });
    expect(again).toMatchObject({ id: row!.id, attempts: 2, lastError: "smtp down" });
    await markOutboxFailed(h.db, again!, "still down", null);
    expect(await getOutboxRow(h.db, row!.id)).toMatchObject({
      status: "dead",
      lastError: "still down",
    });
    expect(await claimOutbox(h.db, { now: later(999_999), limit: 1, leaseMs: 1000 })).toEqual([]);
  });

  it("marks several deliveries sent in one call, only those still held under their claim", async () => {
    await enqueueOutbox(
      h.db,
      ["a", "b", "c"].map((n) => ({
        kind: "test",
        channel: "email" as const,
        toEmail: `${n}@example.org`,
        nextAttemptAt: t0,
      })),
    );
    const claimed = await claimOutbox(h.db, { now: t0, limit: 3, leaseMs: 1000 });
    expect(await markOutboxSentBatch(h.db, [], t0)).toEqual([]);
    // The third row's lease ran out and another worker claimed it: it is not ours to mark.
    const [reclaimed] = await claimOutbox(h.db, { now: later(2000), limit: 1, leaseMs: 60_000 });
    expect(reclaimed).toBeDefined();
    const lost = claimed.find((r) => r.id === reclaimed!.id)!;
    const marked = await markOutboxSentBatch(h.db, claimed, later(2500));
    expect(marked.sort()).toEqual(
      claimed
        .filter((r) => r !== lost)
        .map((r) => r.id)
        .sort(),
    );
    expect(await getOutboxRow(h.db, lost.id)).toMatchObject({ status: "sending", attempts: 2 });
    for (const id of marked) {
      expect(await getOutboxRow(h.db, id)).toMatchObject({ status: "sent", sentAt: later(2500) });
    }
  });

  it("gives released rows back as if never claimed", async () => {
    await enqueueOutbox(h.db, {
      kind: "test",
      channel: "email",
      toEmail: "a@b.c",
      nextAttemptAt: t0,
    });
    const [row] = await claimOutbox(h.db, { now: t0, limit: 1, leaseMs: 60_000 });
    await releaseOutbox(h.db, [row!]);
    expect(await getOutboxRow(h.db, row!.id)).toMatchObject({
      status: "pending",
      attempts: 0,
      leaseUntil: null,
    });
    expect(await claimOutbox(h.db, { now: t0, limit: 1, leaseMs: 60_000 })).toHaveLength(1);
  });

  it("drops a message whose dedupe key exists already", async () => {
    const msg = {
      kind: "expiry",
      channel: "email" as const,
      toEmail: "a@b.c",
      dedupeKey: "expiry-30:m1",
    };
    expect(await enqueueOutbox(h.db, msg)).toBe(1);
    expect(await enqueueOutbox(h.db, msg)).toBe(0);
  });

  it("delivers in-app at most once per outbox row and lets only the owner mark it read", async () => {
    await enqueueOutbox(h.db, {
      kind: "welcome",
      channel: "in_app",
      userId: "u1",
      payload: { n: 1 },
      nextAttemptAt: t0,
    });
    const [row] = await claimOutbox(h.db, { now: t0, limit: 1, leaseMs: 1000 });
    await deliverOutboxInApp(h.db, row!, t0);
    await deliverOutboxInApp(h.db, row!, t0); // a retry after a crash between the two steps
    const list = await listNotifications(h.db, "u1", { limit: 10 });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: "welcome", payload: { n: 1 }, readAt: null });
    expect(await markNotificationsRead(h.db, "u2", [list[0]!.id], t0)).toBe(0);
    expect(await countUnreadNotifications(h.db, "u1")).toBe(1);
    expect(await markNotificationsRead(h.db, "u1", "all", t0)).toBe(1);
    expect(await countUnreadNotifications(h.db, "u1")).toBe(0);
  });

  it("delivers claimed in-app rows in one batch, only those still held under the claim", async () => {
    await enqueueOutbox(
      h.db,
      ["u1", "u2", "u1"].map((userId, n) => ({
        kind: "welcome",
        channel: "in_app" as const,
        userId,
        payload: { n },
        nextAttemptAt: t0,
      })),
    );
    const claimed = await claimOutbox(h.db, { now: t0, limit: 10, leaseMs: 1000 });
    expect(claimed).toHaveLength(3);
    // The third row's lease runs out and another worker claims it: not ours to deliver.
    const [reclaimed] = await claimOutbox(h.db, { now: later(2000), limit: 1, leaseMs: 60_000 });
    const stale = claimed.find((r) => r.id === reclaimed!.id)!;
    const delivered = await deliverOutboxInAppBatch(h.db, claimed, later(2000));
    expect(delivered.sort()).toEqual(
      claimed
        .filter((r) => r !== stale)
        .map((r) => r.id)
        .sort(),
    );
    expect(await deliverOutboxInAppBatch(h.db, claimed, later(3000))).toEqual([]);
    expect(await countUnreadNotifications(h.db, "u1")).toBe(
      claimed.filter((r) => r !== stale && r.userId === "u1").length,
    );
    expect(await deliverOutboxInAppBatch(h.db, [reclaimed!], later(3000))).toEqual([reclaimed!.id]);
    expect(
      (await countUnreadNotifications(h.db, "u1")) + (await countUnreadNotifications(h.db, "u2")),
    ).toBe(3);
  });

  if (driver.name !== "postgres") return;
  it("two workers on separate pools claim every row exactly once", async () => {
    const other = await createDb({ databaseUrl: h.url!, poolSize: 5, migrate: false });
    try {
      const total = 300;
      await enqueueOutbox(
        h.db,
        Array.from({ length: total }, (_, i) => ({
          kind: "bulk",
          channel: "email" as const,
          toEmail: `m${i}@example.org`,
          nextAttemptAt: t0,
        })),
      );
      const claimedBy = new Map<number, number>();
      const work = async (worker: number, db: typeof h.db) => {
        for (;;) {
          const rows = await claimOutbox(db, { now: later(1), limit: 7, leaseMs: 60_000 });
          if (rows.length === 0) return;
          for (const r of rows) {
            claimedBy.set(r.id, (claimedBy.get(r.id) ?? 0) + 1);
            await markOutboxSent(db, r, later(2));
          }
          void worker;
        }
      };
      await Promise.all([work(1, h.db), work(2, other.db), work(3, h.db), work(4, other.db)]);
      expect(claimedBy.size).toBe(total);
      expect([...claimedBy.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
