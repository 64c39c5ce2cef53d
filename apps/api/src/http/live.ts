// Live occupancy as server-sent events: `GET /events/kiosk` for a paired kiosk (bearer
// token; EventSource cannot send headers, so kiosks read it with fetch) and
// `GET /events/activities/:id` for organizers on the roster (session cookie). Changes come
// from the live bus (LISTEN/NOTIFY), so a check-in on any instance reaches every screen.
import {
  type Database,
  findKioskByTokenHash,
  getActivity,
  type LiveBus,
  type LiveEvent,
  seatTally,
} from "@readers/db";
import type { Context, Hono } from "hono";
import { type SSEStreamingApi, streamSSE } from "hono/streaming";
import type { Auth } from "../auth.ts";
import { forgetKioskDevice, hashKioskToken, kioskByToken } from "../kiosk/device-auth.ts";
import { occupancyAtLocation, occupancyOf } from "../kiosk/occupancy.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";
import { resolveActor } from "../trpc/context.ts";

/** Events waiting for one slow client before its stream is closed (it reconnects). */
const MAX_QUEUED_EVENTS = 1_000;

/** A comment line this often keeps proxies from closing an idle stream. */
export const LIVE_PING_MS = 15_000;

interface LiveOptions {
  db: Database;
  auth: Auth;
  bus: LiveBus;
  services: Services;
  logger: Logger;
  pingMs?: number;
}

type Occupancy = {
  activityId: string;
  checkedIn: number;
  capacity: number | null;
  free: number | null;
};

/**
 * Runs one stream: sends the current state, then events, then pings, until the client
 * leaves or `stillAllowed` says no (a revoked kiosk, checked at every ping).
 */
async function runStream(
  stream: SSEStreamingApi,
  options: {
    bus: LiveBus;
    /** Exact occupancy, refreshed by this instance after changes (see exactOccupancyFeed). */
    feed: OccupancyFeed;
    pingMs: number;
    snapshot: () => Promise<Occupancy[]>;
    accept: (event: Extract<LiveEvent, { type: "occupancy" }>) => boolean;
    revoked?: (event: LiveEvent) => boolean;
    stillAllowed?: () => Promise<boolean>;
  },
): Promise<void> {
  let closed = false;
  let wake: (() => void) | undefined;
  const queue: Array<{ event: string; data: string }> = [];
  const push = (event: string, data: unknown) => {
    // A client that stopped reading is dropped rather than buffered without end.
    if (queue.length >= MAX_QUEUED_EVENTS) {
      closed = true;
    } else {
      queue.push({ event, data: JSON.stringify(data) });
    }
    wake?.();
  };
  const sendSnapshot = async () => {
    for (const o of await options.snapshot()) push("occupancy", o);
  };
  const unfeed = options.feed.subscribe((event) => {
    if (options.accept(event)) {
      const { type: _t, locationId: _l, ...occupancy } = event;
      push("occupancy", occupancy);
    }
  });
  const unsubscribe = options.bus.subscribe((event) => {
    if (event.type === "resync") {
      void sendSnapshot().catch(() => {});
    } else if (event.type === "closing") {
      closed = true;
      wake?.();
    } else if (options.revoked?.(event)) {
      push("revoked", {});
      closed = true;
      wake?.();
    }
  });
  stream.onAbort(() => {
    closed = true;
    wake?.();
  });
  try {
    await sendSnapshot();
    let lastPing = Date.now();
    while (!stream.aborted) {
      while (queue.length) await stream.writeSSE(queue.shift()!);
      if (closed) break;
      const waitMs = Math.max(0, lastPing + options.pingMs - Date.now());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      if (Date.now() - lastPing >= options.pingMs) {
        lastPing = Date.now();
        if (options.stillAllowed && !(await options.stillAllowed())) {
          await stream.writeSSE({ event: "revoked", data: "{}" });
          break;
        }
        await stream.write(": ping\n\n");
      }
    }
  } finally {
    unsubscribe();
    unfeed();
  }
}

type OccupancyEvent = Extract<LiveEvent, { type: "occupancy" }>;
interface OccupancyFeed {
  subscribe(listener: (event: OccupancyEvent) => void): () => void;
}

/** How long after a change the exact counts are read (changes meanwhile share the read). */
const REFRESH_DELAY_MS = 100;

/**
 * Exact occupancy for this instance's streams. A change anywhere (the bus says which
 * activity) schedules one count of that activity's seats a moment later; every change in
 * between shares it. So a burst of check-ins costs a few counts a second per activity
 * however many kiosks and rosters watch, and what they show converges on the database's
 * figure — not on whichever unlocked check-in's estimate arrived last.
 */
function exactOccupancyFeed(db: Database, bus: LiveBus, logger: Logger): OccupancyFeed {
  const listeners = new Set<(event: OccupancyEvent) => void>();
  const scheduled = new Map<string, { locationId: string; again: boolean }>();
  const refresh = async (activityId: string) => {
    const entry = scheduled.get(activityId)!;
    try {
      const row = await getActivity(db, activityId);
      if (row) {
        const o = occupancyOf(row, await seatTally(db, activityId), new Date());
        for (const listener of listeners) {
          listener({ type: "occupancy", locationId: row.locationId, ...o });
        }
      }
    } catch (error) {
      logger.warn("occupancy refresh failed", { activityId, error: String(error) });
    }
    if (entry.again) {
      entry.again = false;
      setTimeout(() => void refresh(activityId), REFRESH_DELAY_MS).unref?.();
    } else {
      scheduled.delete(activityId);
    }
  };
  bus.subscribe((event) => {
    if (event.type !== "occupancy" || listeners.size === 0) return;
    const entry = scheduled.get(event.activityId);
    if (entry) {
      entry.again = true;
      return;
    }
    scheduled.set(event.activityId, { locationId: event.locationId, again: false });
    setTimeout(() => void refresh(event.activityId), REFRESH_DELAY_MS).unref?.();
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const sseHeaders = (c: Context) => {
  // Never buffered by a proxy, never cached.
  c.header("cache-control", "no-store");
  c.header("x-accel-buffering", "no");
};

export function mountLiveEvents(
  // biome-ignore lint/suspicious/noExplicitAny: mounts work on any app env
  app: Hono<any>,
  options: LiveOptions,
): void {
  const { db, bus, services, logger } = options;
  const pingMs = options.pingMs ?? LIVE_PING_MS;
  const feed = exactOccupancyFeed(db, bus, logger);
  // Revocation on any instance drops the cached token here too.
  bus.subscribe((event) => {
    if (event.type === "kioskRevoked") forgetKioskDevice(db, event.deviceId);
  });

  app.get("/events/kiosk", async (c) => {
    const token = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const device = token ? await kioskByToken(db, token, new Date()) : null;
    if (!token || !device) return c.json({ error: "Kiosk token required." }, 401);
    sseHeaders(c);
    return streamSSE(
      c,
      (stream) =>
        runStream(stream, {
          bus,
          feed,
          pingMs,
          snapshot: async () => {
            const { occupancy } = await occupancyAtLocation(
              db,
              device.locationId,
              new Date(),
              services.timezone,
            );
            return [...occupancy.values()];
          },
          accept: (event) => event.locationId === device.locationId,
          revoked: (event) => event.type === "kioskRevoked" && event.deviceId === device.deviceId,
          stillAllowed: async () =>
            (await findKioskByTokenHash(db, hashKioskToken(token))) !== null,
        }),
      async (error) => logger.warn("kiosk event stream failed", { error: String(error) }),
    );
  });

  app.get("/events/activities/:id", async (c) => {
    const actor = await resolveActor(db, options.auth, c.req.raw.headers, new Date());
    if (actor.kind !== "user") return c.json({ error: "Sign in first." }, 401);
    if (actor.role !== "organizer" && actor.role !== "admin") {
      return c.json({ error: "You may not do this." }, 403);
    }
    const id = c.req.param("id");
    if (!(await getActivity(db, id))) return c.json({ error: "not found" }, 404);
    sseHeaders(c);
    return streamSSE(
      c,
      (stream) =>
        runStream(stream, {
          bus,
          feed,
          pingMs,
          snapshot: async () => {
            const row = await getActivity(db, id);
            return row ? [occupancyOf(row, await seatTally(db, id), new Date())] : [];
          },
          accept: (event) => event.activityId === id,
          // A signed-out or demoted organizer stops receiving at the next ping.
          stillAllowed: async () => {
            const now = await resolveActor(db, options.auth, c.req.raw.headers, new Date());
            return now.kind === "user" && (now.role === "organizer" || now.role === "admin");
          },
        }),
      async (error) => logger.warn("activity event stream failed", { error: String(error) }),
    );
  });
}
