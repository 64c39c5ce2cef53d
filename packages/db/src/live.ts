// Live updates across API instances (kiosk occupancy, device revocation): PostgreSQL
// LISTEN/NOTIFY on one channel. Events are published with pg_notify inside the
// transaction that made the change, so listeners hear of it only once it is committed,
// and never of a rolled-back change. PGlite implements LISTEN/NOTIFY within its one
// process, so the same code serves the embedded database (DESIGN §1 "Databases").
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Database, DbHandle, Tx } from "./client.ts";

/** The one channel every instance listens on; events carry their own type. */
export const LIVE_CHANNEL = "readers_live";

/** What instances tell each other. Keep payloads small: NOTIFY allows under 8000 bytes. */
export type LiveEvent =
  | {
      type: "occupancy";
      activityId: string;
      locationId: string;
      checkedIn: number;
      capacity: number | null;
      /** Seats a walk-in could take at the time of the change; null when unlimited. */
      free: number | null;
    }
  | { type: "kioskRevoked"; deviceId: string }
  /** Delivered locally after the listener reconnected: events may have been missed. */
  | { type: "resync" }
  /** Delivered locally when the bus closes (server shutdown): streams should end. */
  | { type: "closing" };

export type LiveListener = (event: LiveEvent) => void;

export interface LiveBus {
  /** Calls `listener` for every event from any instance; returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** Publishes an event when (and only if) the surrounding transaction commits. */
export async function publishLive(db: Database | Tx, event: LiveEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`);
}

function parse(payload: string | undefined): LiveEvent | null {
  if (!payload) return null;
  try {
    const event = JSON.parse(payload) as LiveEvent;
    return typeof event === "object" && event !== null && "type" in event ? event : null;
  } catch {
    return null;
  }
}

/** Opens the bus on the handle's database: a dedicated LISTEN connection on PostgreSQL. */
export async function createLiveBus(
  handle: DbHandle,
  options: {
    onError?: (error: unknown) => void;
    reconnectDelayMs?: number;
    /** How often the LISTEN connection is checked with a query. */
    heartbeatMs?: number;
  } = {},
): Promise<LiveBus> {
  const listeners = new Set<LiveListener>();
  const emit = (event: LiveEvent | null) => {
    if (!event) return;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };
  let closed = false;
  const subscribe = (listener: LiveListener) => {
    // Subscribing during shutdown: told at once, so a stream opened now ends too.
    if (closed) {
      queueMicrotask(() => listener({ type: "closing" }));
      return () => {};
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  if (handle.pglite) {
    const unlisten = await handle.pglite.listen(LIVE_CHANNEL, (payload) => emit(parse(payload)));
    return {
      subscribe,
      close: async () => {
        closed = true;
        emit({ type: "closing" });
        listeners.clear();
        await unlisten().catch(() => {});
      },
    };
  }

  // PostgreSQL: one connection outside the pool, kept LISTENing; pooled connections are
  // handed to queries in turn and cannot hold a LISTEN.
  const pool = handle.pool!;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  const connect = async (isReconnect: boolean): Promise<void> => {
    // TCP keepalive, and a periodic query below: a half-open connection (a firewall or load
    // balancer dropping it silently) must not leave this instance deaf without knowing.
    const next = new pg.Client({ ...pool.options, keepAlive: true });
    next.on("notification", (message) => {
      if (message.channel === LIVE_CHANNEL) emit(parse(message.payload));
    });
    next.on("error", (error) => {
      options.onError?.(error);
      scheduleReconnect(next);
    });
    next.on("end", () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    if (isReconnect) emit({ type: "resync" });
  };
  // Checks the connection answers; a failure ends it, which schedules a reconnect.
  const heartbeat = setInterval(() => {
    const current = client;
    if (!current || closed) return;
    const timeout = setTimeout(() => current.end().catch(() => {}), 10_000);
    current
      .query("select 1")
      .catch(() => current.end().catch(() => {}))
      .finally(() => clearTimeout(timeout));
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref?.();
  const scheduleReconnect = (dead: pg.Client) => {
    if (closed || client !== dead || timer) return;
    client = null;
    timer = setTimeout(async () => {
      timer = undefined;
      try {
        await connect(true);
      } catch (error) {
        options.onError?.(error);
        client = dead;
        scheduleReconnect(dead);
      }
    }, options.reconnectDelayMs ?? 1000);
    timer.unref?.();
  };
  await connect(false);
  return {
    subscribe,
    close: async () => {
      closed = true;
      emit({ type: "closing" });
      listeners.clear();
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
