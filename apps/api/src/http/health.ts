// GET /health: is the database reachable, which driver, which versions.
import type { DbHandle } from "@readers/db";
import type { Hono } from "hono";
import pkg from "../../package.json" with { type: "json" };

// biome-ignore lint/suspicious/noExplicitAny: works on any app env
export function mountHealth(app: Hono<any>, handle: DbHandle): void {
  app.get("/health", async (c) => {
    const started = performance.now();
    try {
      const serverVersion = await handle.serverVersion();
      return c.json({
        status: "ok",
        version: pkg.version,
        database: {
          driver: handle.driver,
          reachable: true,
          serverVersion,
          latencyMs: Math.round(performance.now() - started),
        },
      });
    } catch (error) {
      return c.json(
        {
          status: "error",
          version: pkg.version,
          database: {
            driver: handle.driver,
            reachable: false,
            error: error instanceof Error ? error.message : String(error),
          },
        },
        503,
      );
    }
  });
}
