// The HTTP surface: /health, secure headers, request logs, the wire format for
// non-TypeScript clients, and serving the built frontends with SPA fallback and caching.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../src/app.ts";
import { createLogger, silentLogger } from "../src/logger.ts";
import { buildHarness, type Harness, json, trpcGet, trpcPost } from "./harness.ts";

function fakeDist(): { portal: string; kiosk: string } {
  const root = mkdtempSync(join(tmpdir(), "readers-dist-"));
  for (const app of ["portal", "kiosk"]) {
    mkdirSync(join(root, app, "assets"), { recursive: true });
    writeFileSync(join(root, app, "index.html"), `<!doctype html><title>${app}</title>`);
    writeFileSync(join(root, app, "assets", "index-abc123.js"), `console.log("${app}")`);
  }
  writeFileSync(join(root, "kiosk", "sw.js"), "self.skipWaiting()");
  writeFileSync(join(root, "secret.txt"), "outside");
  return { portal: join(root, "portal"), kiosk: join(root, "kiosk") };
}

describe.each(testDrivers(inject("databaseUrl")))("HTTP on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  beforeAll(async () => {
    h = await driver.open();
    t = buildHarness(h);
  });
  afterAll(async () => {
    await h.close();
  });

  it("reports health with the driver and server version", async () => {
    const res = await t.app.request("/health");
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      status: "ok",
      database: { driver: driver.name, reachable: true },
    });
    expect(body.database.serverVersion).toMatch(/^\d+/);
  });

  it("says unhealthy (503) when the database is gone", async () => {
    const other = await driver.open();
    const app = createApp({
      handle: other,
      auth: t.auth,
      services: t.services,
      logger: silentLogger,
    });
    await other.close();
    const res = await app.request("/health");
    expect(res.status).toBe(503);
    // The reason stays in the operator's log.
    expect(await json(res)).toEqual({
      status: "error",
      version: expect.any(String),
      database: { driver: driver.name, reachable: false },
    });
  });

  it("refuses oversized bodies, oversized batches and malformed paths", async () => {
    const big = await t.app.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.c", password: "x".repeat(5 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const paths = Array.from({ length: 21 }, () => "me.get").join(",");
    const batch = await t.app.request(`/trpc/${paths}?batch=1&input={}`);
    expect(batch.status).toBe(400);
    const ok = await t.app.request(
      `/trpc/${Array.from({ length: 20 }, () => "me.get").join(",")}?batch=1&input={}`,
    );
    expect(ok.status).toBe(200);
    const app = createApp({
      handle: h,
      auth: t.auth,
      services: t.services,
      logger: silentLogger,
      spas: [{ prefix: "", dir: fakeDist().portal }],
    });
    expect((await app.request("/kiosk/%E0%A4")).status).toBe(400);
  });

  it("sends secure headers and logs each request as one JSON line", async () => {
    const lines: string[] = [];
    const app = createApp({
      handle: h,
      auth: t.auth,
      services: t.services,
      logger: createLogger("info", (l) => lines.push(l)),
    });
    const res = await app.request("/health");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const entry = JSON.parse(lines.at(-1)!);
    expect(entry).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/health",
      status: 200,
    });
    expect(entry.requestId).toBeTruthy();
  });

  it("speaks plain JSON to non-TypeScript clients, with typed errors", async () => {
    const anon = await trpcGet(t.app, "me.get", undefined);
    expect(anon.status).toBe(200);
    expect(anon.body).toEqual({ result: { data: expect.objectContaining({ account: null }) } });
    const refused = await trpcGet(t.app, "notifications.list", { limit: 5 });
    expect(refused.status).toBe(401);
    expect(refused.body.error.data).toMatchObject({
      code: "UNAUTHORIZED",
      httpStatus: 401,
      domainCode: null,
    });
    expect(refused.body.error.data.stack).toBeUndefined();
    const unknown = await trpcPost(t.app, "nope.nothing", {});
    expect(unknown.status).toBe(404);
  });

  it("serves the portal at / and the kiosk at /kiosk/ with SPA fallback and cache headers", async () => {
    const dist = fakeDist();
    const app = createApp({
      handle: h,
      auth: t.auth,
      services: t.services,
      logger: silentLogger,
      spas: [
        { prefix: "/kiosk", dir: dist.kiosk },
        { prefix: "", dir: dist.portal },
      ],
    });
    const home = await app.request("/");
    expect(await home.text()).toContain("<title>portal</title>");
    expect(home.headers.get("cache-control")).toBe("no-cache");
    const deep = await app.request("/reset-password?token=abc");
    expect(await deep.text()).toContain("<title>portal</title>");
    const kiosk = await app.request("/kiosk/");
    expect(await kiosk.text()).toContain("<title>kiosk</title>");
    const kioskDeep = await app.request("/kiosk/check-in/123");
    expect(await kioskDeep.text()).toContain("<title>kiosk</title>");
    expect((await app.request("/kiosk")).status).toBe(301);
    const asset = await app.request("/kiosk/assets/index-abc123.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(await asset.text()).toContain('console.log("kiosk")');
    // The kiosk's service worker must be revalidated on every load, or a kiosk would keep
    // an old app (and its precache list) for up to a day; it may control "/kiosk" itself.
    const worker = await app.request("/kiosk/sw.js");
    expect(worker.status).toBe(200);
    expect(worker.headers.get("cache-control")).toBe("no-cache");
    expect(worker.headers.get("service-worker-allowed")).toBe("/kiosk");
    expect(asset.headers.get("service-worker-allowed")).toBeNull();
    expect(worker.headers.get("content-type")).toContain("text/javascript");
    expect((await app.request("/kiosk/missing-sw.js")).status).toBe(404);
    expect((await app.request("/assets/missing-999.js")).status).toBe(404);
    const traversal = await app.request("/..%2fsecret.txt");
    expect(await traversal.text()).not.toContain("outside");
    // API paths never fall back to the SPA.
    expect((await app.request("/api/nothing")).status).toBe(404);
    expect((await app.request("/health")).headers.get("content-type")).toContain(
      "application/json",
    );
  });

  it("says how to build when a frontend is missing", async () => {
    const app = createApp({
      handle: h,
      auth: t.auth,
      services: t.services,
      logger: silentLogger,
      spas: [{ prefix: "", dir: "/nonexistent/portal/dist" }],
    });
    const res = await app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("pnpm build");
  });
});
