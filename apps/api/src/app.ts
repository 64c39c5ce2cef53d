// The Hono application: health, auth, tRPC, and the two built frontends, behind secure
// headers and structured request logs. No I/O at import time: main.ts wires it up.

import { trpcServer } from "@hono/trpc-server";
import type { DbHandle } from "@readers/db";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { type Auth, CLIENT_IP_HEADER } from "./auth.ts";
import { mountHealth } from "./http/health.ts";
import { mountSpas, type SpaMount } from "./http/static.ts";
import type { Logger } from "./logger.ts";
import type { Services } from "./services.ts";
import { createContext } from "./trpc/context.ts";
import { appRouter } from "./trpc/router.ts";

export interface AppOptions {
  handle: DbHandle;
  auth: Auth;
  services: Services;
  logger: Logger;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Built frontends to serve; longer prefixes first. */
  spas?: SpaMount[];
}

type Env = {
  Variables: { clientIp: string | null };
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
};

export function createApp(options: AppOptions) {
  const { handle, auth, services, logger } = options;
  const app = new Hono<Env>();

  app.use(requestId());
  app.use(async (c, next) => {
    const forwarded = options.trustProxy
      ? c.req.header("x-forwarded-for")?.split(",")[0]?.trim()
      : undefined;
    c.set("clientIp", forwarded || c.env?.incoming?.socket?.remoteAddress || null);
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ip: c.get("clientIp"),
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // zxing-wasm compiles WebAssembly for camera scanning.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", "https://covers.openlibrary.org"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      // The kiosk asks for the camera; nothing needs geolocation or the microphone.
      permissionsPolicy: { camera: ["self"], microphone: [], geolocation: [] },
      referrerPolicy: "strict-origin-when-cross-origin",
    }),
  );

  mountHealth(app, handle);

  app.on(["GET", "POST"], "/api/auth/*", (c) => {
    // Replace (never trust) the client-IP header the rate limiter reads.
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = c.get("clientIp");
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    return auth.handler(new Request(c.req.raw, { headers }));
  });

  app.use(
    "/trpc/*",
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      // The adapter's type wants a plain record; our context is one.
      createContext: async (opts, c) =>
        (await createContext({
          db: handle.db,
          auth,
          services,
          logger,
          headers: opts.req.headers,
          ip: c.get("clientIp"),
        })) as unknown as Record<string, unknown>,
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error("trpc error", { path, error: error.message, stack: error.stack });
      },
    }),
  );

  app.all("/api/*", (c) => c.json({ error: "not found" }, 404));
  if (options.spas) mountSpas(app, options.spas);
  return app;
}

export type App = ReturnType<typeof createApp>;
