// Live occupancy from GET /events/kiosk. EventSource cannot send the device token, so the
// stream is read with fetch and parsed with eventsource-parser; a dropped or silent stream
// is reopened with exponential backoff (with jitter, so kiosks do not reconnect in step).
import { createParser } from "eventsource-parser";
import type { Occupancy } from "./api.ts";

export type EventsState = "connecting" | "open" | "waiting" | "stopped";

export interface KioskEventsOptions {
  url?: string;
  token: () => string | undefined;
  onOccupancy: (occupancy: Occupancy) => void;
  /** The device was revoked (a `revoked` event or a 401): the stream is not reopened. */
  onRevoked: () => void;
  onState?: (state: EventsState) => void;
  /** First retry delay; doubles per failed attempt up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /**
   * No byte for this long (the server pings every 15 s) means a dead connection that TCP
   * has not noticed yet, e.g. a pulled cable: it is aborted and reopened.
   */
  silenceMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
}

export interface KioskEvents {
  /** Reopens at once (e.g. when the network is back) instead of waiting out the backoff. */
  reconnectNow(): void;
  close(): void;
}

/** The delay before retry number `attempt` (0-based): doubling, capped, 50–100 % jitter. */
export function backoffDelay(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random: () => number,
): number {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  return Math.round(base * (0.5 + random() / 2));
}

function isOccupancy(value: unknown): value is Occupancy {
  const v = value as Partial<Occupancy> | null;
  return (
    !!v &&
    typeof v.activityId === "string" &&
    typeof v.checkedIn === "number" &&
    (v.capacity === null || typeof v.capacity === "number") &&
    (v.free === null || typeof v.free === "number")
  );
}

export function connectKioskEvents(options: KioskEventsOptions): KioskEvents {
  const url = options.url ?? "/events/kiosk";
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const silenceMs = options.silenceMs ?? 45_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const random = options.random ?? Math.random;

  let attempt = 0;
  let closed = false;
  let controller: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (state: EventsState) => options.onState?.(state);

  function stop(revoked: boolean) {
    closed = true;
    clearTimeout(retryTimer);
    clearTimeout(silenceTimer);
    controller?.abort();
    setState("stopped");
    if (revoked) options.onRevoked();
  }

  function scheduleRetry() {
    if (closed) return;
    clearTimeout(silenceTimer);
    setState("waiting");
    const delay = backoffDelay(attempt, initialDelayMs, maxDelayMs, random);
    attempt++;
    retryTimer = setTimeout(() => void open(), delay);
  }

  function armSilence(current: AbortController) {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => current.abort(), silenceMs);
  }

  async function open(): Promise<void> {
    if (closed) return;
    clearTimeout(retryTimer);
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const token = options.token();
    if (!token) {
      stop(true);
      return;
    }
    setState("connecting");
    let revoked = false;
    const parser = createParser({
      onEvent(event) {
        if (event.event === "occupancy") {
          try {
            const data: unknown = JSON.parse(event.data);
            if (isOccupancy(data)) options.onOccupancy(data);
          } catch {
            // A malformed event is skipped; the next one carries the full count again.
          }
        } else if (event.event === "revoked") {
          revoked = true;
        }
      },
    });
    try {
      armSilence(current);
      const response = await doFetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
        cache: "no-store",
        credentials: "omit",
        signal: current.signal,
      });
      if (response.status === 401) {
        stop(true);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      // Connected: the next failure starts the backoff from the beginning again.
      attempt = 0;
      setState("open");
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        armSilence(current);
        parser.feed(decoder.decode(value, { stream: true }));
        if (revoked) break;
      }
    } catch {
      // Network error, abort by the silence watchdog, or a bad status: retry below.
    }
    if (closed || controller !== current) return;
    if (revoked) stop(true);
    else scheduleRetry();
  }

  void open();

  return {
    reconnectNow() {
      if (closed) return;
      attempt = 0;
      void open();
    },
    close() {
      if (!closed) stop(false);
    },
  };
}
