// The outbox worker end to end (in-app and e-mail, retries, dead letters) and the member's
// notifications inbox.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createDb, enqueueOutbox, getOutboxRow } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { silentLogger } from "../src/logger.ts";
import { renderMail } from "../src/notifications/templates.ts";
import { backoffMs, createOutboxWorker, MAX_ATTEMPTS } from "../src/notifications/worker.ts";
import { buildHarness, type Harness } from "./harness.ts";

describe.each(testDrivers(inject("databaseUrl")))("notifications on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h);
  });

  it("delivers in-app and e-mail messages exactly once", async () => {
    const ann = await t.person("Ann");
    await enqueueOutbox(h.db, [
      { kind: "welcome", channel: "in_app", userId: ann.userId, payload: { name: "Ann" } },
      {
        kind: "welcome",
        channel: "email",
        userId: ann.userId,
        toEmail: ann.email,
        locale: "zh-CN",
        payload: { name: "Ann" },
      },
    ]);
    // Two queued here, and the welcome and address confirmation every new account gets.
    expect(await t.worker.drain()).toBe(4);
    expect(await t.worker.drain()).toBe(0);
    const files = readdirSync(t.mailDir);
    expect(files).toHaveLength(2);
    // Each e-mail carries its outbox message's id: a re-sent one is the same message.
    const ids = files.map(
      (f) => readFileSync(join(t.mailDir, f), "utf8").match(/^Message-ID: (.*)$/m)?.[1],
    );
    expect(ids.sort()).toEqual(
      files.map((f) => `<${f.replace(/\.eml$/, "")}@readers.local>`).sort(),
    );
    const list = await t.caller(ann).notifications.list({ limit: 10 });
    expect(list.items).toEqual([
      expect.objectContaining({ kind: "welcome", payload: { name: "Ann" }, readAt: null }),
      expect.objectContaining({ kind: "welcome", payload: { name: "Ann" }, readAt: null }),
    ]);
  });

  it("retries a failing e-mail with backoff and gives up after the last attempt", async () => {
    let clock = new Date("2026-03-01T09:00:00Z");
    const failing = createOutboxWorker({
      db: h.db,
      mailer: {
        send: async () => Promise.reject(new Error("SMTP 451 try later")),
        close: () => {},
      },
      logger: silentLogger,
      associationName: () => "Test",
      now: () => clock,
    });
    await enqueueOutbox(h.db, {
      kind: "welcome",
      channel: "email",
      toEmail: "x@example.org",
      nextAttemptAt: clock,
    });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await failing.drain()).toBe(1);
      // Nothing is due again until the backoff has passed.
      expect(await failing.drain()).toBe(0);
      clock = new Date(clock.getTime() + backoffMs(attempt));
    }
    const row = await getOutboxRow(h.db, 1);
    expect(row).toMatchObject({
      status: "dead",
      attempts: MAX_ATTEMPTS,
      lastError: "SMTP 451 try later",
    });
    expect(await failing.drain()).toBe(0);
  });

  it("pages a member's notifications, newest first, and marks them read", async () => {
    const ann = await t.person("Ann");
    const bo = await t.person("Bo");
    await enqueueOutbox(
      h.db,
      Array.from({ length: 5 }, (_, i) => ({
        kind: "welcome",
        channel: "in_app" as const,
        userId: ann.userId,
        payload: { i },
      })),
    );
    await enqueueOutbox(h.db, {
      kind: "welcome",
      channel: "in_app",
      userId: bo.userId,
      payload: { i: 99 },
    });
    await t.worker.drain();
    const api = t.caller(ann);
    const first = await api.notifications.list({ limit: 2 });
    expect(first.items.map((n) => n.payload.i)).toEqual([4, 3]);
    const second = await api.notifications.list({ limit: 2, before: first.nextBefore! });
    expect(second.items.map((n) => n.payload.i)).toEqual([2, 1]);
    const last = await api.notifications.list({ limit: 2, before: second.nextBefore! });
    expect(last.items.map((n) => n.payload.i)).toEqual([0, undefined]);
    expect(last.items[1]!.kind).toBe("welcome");
    expect(last.nextBefore).toBeNull();
    expect(await api.notifications.unreadCount()).toEqual({ count: 6 });
    // Bo's id cannot be marked by Ann.
    const bosList = await t.caller(bo).notifications.list({ limit: 5 });
    expect(await api.notifications.markRead({ ids: [bosList.items[0]!.id] })).toEqual({
      updated: 0,
    });
    expect(await api.notifications.markRead({ ids: [first.items[0]!.id] })).toEqual({ updated: 1 });
    expect((await api.notifications.list({ limit: 10, unreadOnly: true })).items).toHaveLength(5);
    expect(await api.notifications.markRead({ all: true })).toEqual({ updated: 5 });
    expect(await t.caller(bo).notifications.unreadCount()).toEqual({ count: 2 });
  });

  it("refuses bad paging input and changes nothing", async () => {
    const ann = await t.person("Ann");
    await expect(t.caller(ann).notifications.list({ limit: 500 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(t.caller(ann).notifications.markRead({ ids: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("hands unsent rows back when stopped mid-batch", async () => {
    let sent = 0;
    const slow = createOutboxWorker({
      db: h.db,
      mailer: {
        send: async () => {
          sent++;
          await new Promise((r) => setTimeout(r, 30));
        },
        close: () => {},
      },
      logger: silentLogger,
      associationName: () => "Test",
      pollMs: 10_000,
    });
    await enqueueOutbox(
      h.db,
      Array.from({ length: 5 }, (_, i) => ({
        kind: "welcome",
        channel: "email" as const,
        toEmail: `m${i}@example.org`,
      })),
    );
    slow.start();
    await new Promise((r) => setTimeout(r, 45));
    await slow.stop();
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(5);
    const rows = await Promise.all([1, 2, 3, 4, 5].map((id) => getOutboxRow(h.db, id)));
    const pending = rows.filter((r) => r!.status === "pending");
    expect(pending).toHaveLength(5 - sent);
    expect(pending.every((r) => r!.attempts === 0)).toBe(true);
    // What went out before the stop is recorded as sent, not left to go out again.
    expect(rows.filter((r) => r!.status === "sent")).toHaveLength(sent);
  });

  it("records a claim's e-mails as sent together, within a second even while the next hangs", async () => {
    const statusOf = async (id: number) => (await getOutboxRow(h.db, id))!.status;
    const sentRows = async () =>
      (await Promise.all([1, 2, 3].map(statusOf))).filter((s) => s === "sent").length;
    let calls = 0;
    const seen: number[] = [];
    let behaviour: (call: number) => Promise<void> = async () => {};
    const worker = createOutboxWorker({
      db: h.db,
      mailer: {
        send: async () => {
          calls++;
          // What was recorded as sent when each e-mail starts to go out.
          seen.push(await sentRows());
          await behaviour(calls);
        },
        close: () => {},
      },
      logger: silentLogger,
      associationName: () => "Test",
    });
    const queue = () =>
      enqueueOutbox(
        h.db,
        [0, 1, 2].map((i) => ({
          kind: "welcome",
          channel: "email" as const,
          toEmail: `m${i}@example.org`,
        })),
      );
    await queue();
    expect(await worker.drain()).toBe(3);
    // A fast server: nothing recorded until the claim is done, then all three at once.
    expect(seen).toEqual([0, 0, 0]);
    expect(await sentRows()).toBe(3);

    // The second send hangs: the first is recorded a second after it went out, meanwhile.
    await h.reset();
    await queue();
    calls = 0;
    let recordedDuringHang = -1;
    behaviour = async (call) => {
      if (call !== 2) return;
      await new Promise((r) => setTimeout(r, 1400));
      recordedDuringHang = await sentRows();
    };
    expect(await worker.drain()).toBe(3);
    expect(recordedDuringHang).toBe(1);
    expect(await sentRows()).toBe(3);

    // A send fails after one went out: that one is recorded, the failed one retried later.
    await h.reset();
    await queue();
    calls = 0;
    behaviour = async (call) => {
      if (call === 2) throw new Error("SMTP 451 try later");
    };
    expect(await worker.drain()).toBe(3);
    expect([await statusOf(1), await statusOf(2), await statusOf(3)]).toEqual([
      "sent",
      "pending",
      "sent",
    ]);
    expect(await getOutboxRow(h.db, 2)).toMatchObject({ lastError: "SMTP 451 try later" });
  }, 15_000);

  if (driver.name === "postgres") {
    it("two workers on two instances send every e-mail exactly once", async () => {
      const other = await createDb({ databaseUrl: h.url!, poolSize: 4, migrate: false });
      try {
        const sends = new Map<string, number>();
        const mailer = {
          send: async (m: { to: string }) => {
            sends.set(m.to, (sends.get(m.to) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 2));
          },
          close: () => {},
        };
        const workers = [h.db, other.db, h.db, other.db].map((db) =>
          createOutboxWorker({ db, mailer, logger: silentLogger, associationName: () => "Test" }),
        );
        await enqueueOutbox(
          h.db,
          Array.from({ length: 120 }, (_, i) => ({
            kind: "welcome",
            channel: "email" as const,
            toEmail: `m${i}@example.org`,
          })),
        );
        await Promise.all(workers.map((w) => w.drain()));
        expect(sends.size).toBe(120);
        expect([...sends.values()].every((n) => n === 1)).toBe(true);
      } finally {
        await other.close();
      }
    });
  }

  it("renders e-mails in the member's language", () => {
    expect(
      renderMail("password_reset", "zh-CN", { name: "李", url: "http://x" }, "读书会").subject,
    ).toBe("读书会：重置密码");
    expect(
      renderMail("password_reset", "en", { name: "Li", url: "http://x" }, "Club").text,
    ).toContain("http://x");
    expect(existsSync(t.mailDir)).toBe(false);
  });
});
