// GET /health: is the database reachable, which driver, which versions.
import type { DbHandle } from "@readers/db";
import type { Hono } from "hono";
import pkg from "../../package.json" with { type: "json" };
import type { Logger } from "../logger.ts";

// biome-ignore lint/suspicious/noExplicitAny: works on any app env
export function mountHealth(app: Hono<any>, handle: DbHandle, logger: Logger): void {
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
      logger.warn("health: database unreachable", { error: String(error) });
      return c.json(
        {
          status: "error",
          version: pkg.version,
          // The reason (host names, auth failures) is for the operator, not for anyone.
          database: { driver: handle.driver, reachable: false },
        },
        503,
      );
    }
  });
}
