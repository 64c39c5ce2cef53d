// Is this device connected? Combines the browser's online flag with a periodic GET of the
// server's health endpoint, because "online" only means a network interface is up.
import { type Accessor, createSignal, onCleanup } from "solid-js";

export type ConnectionState = "checking" | "online" | "offline" | "server-unreachable";

export interface ConnectionOptions {
  /** Health URL, same origin (e.g. "/health"). */
  healthUrl?: string;
  /** How often to ask the server, in ms. */
  intervalMs?: number;
  /** A health request slower than this counts as unreachable, in ms. */
  timeoutMs?: number;
  /** Injected in tests. */
  fetch?: typeof fetch;
}

/**
 * Reactive connection state. Call inside a component or root: the timer and listeners
 * are removed when the owner is disposed.
 */
export function createConnectionStatus(options: ConnectionOptions = {}): Accessor<ConnectionState> {
  const healthUrl = options.healthUrl ?? "/health";
  const intervalMs = options.intervalMs ?? 15_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const browserOnline = () => typeof navigator === "undefined" || navigator.onLine !== false;

  const [state, setState] = createSignal<ConnectionState>(browserOnline() ? "checking" : "offline");
  let disposed = false;
  let inFlight: AbortController | undefined;

  async function check(): Promise<void> {
    if (!browserOnline()) {
      setState("offline");
      return;
    }
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(healthUrl, {
        cache: "no-store",
        signal: controller.signal,
        headers: { accept: "application/json" },
      });
      if (disposed || inFlight !== controller) return;
      setState(response.ok ? "online" : "server-unreachable");
    } catch {
      if (disposed || inFlight !== controller) return;
      setState(browserOnline() ? "server-unreachable" : "offline");
    } finally {
      clearTimeout(timer);
    }
  }

  const onOnline = () => void check();
  const onOffline = () => {
    inFlight?.abort();
    setState("offline");
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  const interval = setInterval(() => void check(), intervalMs);
  void check();

  onCleanup(() => {
    disposed = true;
    inFlight?.abort();
    clearInterval(interval);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOffline);
  });
  return state;
}
