// Procedure rate limits: counted per address (anonymous) or per account, across instances.
import { hitRateLimit } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createContextInner } from "../src/trpc/context.ts";
import { publicProcedure, rateLimit, router } from "../src/trpc/init.ts";

const limited = router({
  ping: publicProcedure
    .meta({ action: "me.get" })
    .use(rateLimit({ name: "ping", max: 3, windowMs: 60_000 }))
    .query(() => "pong"),
});

describe.each(testDrivers(inject("databaseUrl")))("rate limits on $name", (driver) => {
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
  const call = (
    ip: string,
    now: Date,
    actor: Parameters<typeof createContextInner>[0]["actor"] = { kind: "anonymous" },
  ) =>
    limited
      .createCaller(createContextInner({ db: h.db, actor, services: null as never, ip, now }))
      .ping();

  it("lets max calls through per window and address, then refuses until the window ends", async () => {
    const t0 = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < 3; i++) expect(await call("203.0.113.1", t0)).toBe("pong");
    const refused = await call("203.0.113.1", new Date(t0.getTime() + 20_000)).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many attempts. Try again in 40 seconds.",
    });
    expect(await call("203.0.113.2", t0)).toBe("pong");
    expect(await call("203.0.113.1", new Date(t0.getTime() + 60_000))).toBe("pong");
  });

  it("counts exactly under concurrency", async () => {
    const t0 = new Date("2026-05-01T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(h.db, "burst", t0, 60_000, 5)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });
});
