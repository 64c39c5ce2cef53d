// The Hono application: health, auth, tRPC, calendar feeds and share pages, and the two
// built frontends, behind secure headers, body limits and structured request logs. No I/O
// at import time: server.ts wires it.
import { trpcServer } from "@hono/trpc-server";
import type { DbHandle, LiveBus } from "@readers/db";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { type Auth, CLIENT_IP_HEADER } from "./auth.ts";
import { mountFeeds } from "./http/feeds.ts";
import { mountHealth } from "./http/health.ts";
import { mountLiveEvents } from "./http/live.ts";
import { mountSpas, type SpaMount } from "./http/static.ts";
import type { Logger } from "./logger.ts";
import type { Services } from "./services.ts";
import { createContext } from "./trpc/context.ts";
import { appRouter } from "./trpc/router.ts";

/** A 10 000-row member CSV is about 1 MB; nothing else a client sends comes close. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** tRPC calls per HTTP request; the frontends' batch links use the same cap. */
export const MAX_BATCH_SIZE = 20;

export interface AppOptions {
  handle: DbHandle;
  auth: Auth;
  services: Services;
  logger: Logger;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Built frontends to serve; longer prefixes first. */
  spas?: SpaMount[];
  /** Live updates across instances; without it the /events streams are not mounted. */
  live?: LiveBus;
}

type Env = {
  Variables: { clientIp: string | null };
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
};

/**
 * The client's address: the socket's, or behind a trusted proxy the right-most
 * X-Forwarded-For entry (the one our proxy added; entries to its left are the client's say).
 */
export function clientIp(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustProxy = false,
): string | null {
  if (trustProxy && forwardedFor) {
    const hops = forwardedFor
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return socketAddress ?? null;
}

/** Request paths as logged: password-reset tokens never reach the logs. */
export function redactPath(path: string): string {
  return path.replace(/^(\/api\/auth\/reset-password\/)[^/]+/, "$1[redacted]");
}

const tooLarge = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => c.json({ error: "request too large" }, 413),
});

export function createApp(options: AppOptions) {
  const { handle, auth, services, logger } = options;
  const app = new Hono<Env>();

  app.use(requestId());
  app.use(async (c, next) => {
    c.set(
      "clientIp",
      clientIp(
        c.req.header("x-forwarded-for"),
        c.env?.incoming?.socket?.remoteAddress,
        options.trustProxy,
      ),
    );
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: redactPath(c.req.path),
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

  mountHealth(app, handle, logger);

  app.use("/api/*", tooLarge);
  app.use("/trpc/*", tooLarge);

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
      // One request may batch a page's worth of calls, not hundreds (rate limits count requests).
      maxBatchSize: MAX_BATCH_SIZE,
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
        if (error.code === "INTERNAL_SERVER_ERROR") {
          logger.error("trpc error", { path, error: error.message, stack: error.stack });
        }
      },
    }),
  );

  mountFeeds(app, { db: handle.db, services, logger });
  if (options.live) {
    mountLiveEvents(app, { db: handle.db, auth, bus: options.live, services, logger });
  }

  app.all("/api/*", (c) => c.json({ error: "not found" }, 404));
  if (options.spas) mountSpas(app, options.spas);
  return app;
}

export type App = ReturnType<typeof createApp>;
