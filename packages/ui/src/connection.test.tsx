import { render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ConnectionState, createConnectionStatus } from "./connection.ts";
import { ConnectionIndicator } from "./connection-indicator.tsx";

const labels: Record<ConnectionState, string> = {
  checking: "Checking",
  online: "Online",
  offline: "Offline",
  "server-unreachable": "Server unreachable",
};

function setOnLine(value: boolean) {
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => value });
}

function Probe(props: { fetch: typeof fetch }) {
  const state = createConnectionStatus({ fetch: props.fetch, intervalMs: 1000 });
  return <ConnectionIndicator state={state()} labels={labels} />;
}

afterEach(() => {
  setOnLine(true);
  vi.useRealTimers();
});

describe("createConnectionStatus", () => {
  it("is online when /health answers 2xx", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 200 }));
    render(() => <Probe fetch={fetch} />);
    expect(await screen.findByText("Online")).toBeTruthy();
    expect(fetch).toHaveBeenCalledWith("/health", expect.objectContaining({ cache: "no-store" }));
    expect(screen.getByRole("status").dataset.state).toBe("online");
  });

  it("says the server is unreachable when /health fails while the network is up", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 503 }));
    render(() => <Probe fetch={fetch} />);
    expect(await screen.findByText("Server unreachable")).toBeTruthy();
  });

  it("follows the browser's offline and online events", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 200 }));
    render(() => <Probe fetch={fetch} />);
    await screen.findByText("Online");
    setOnLine(false);
    window.dispatchEvent(new Event("offline"));
    expect(await screen.findByText("Offline")).toBeTruthy();
    setOnLine(true);
    window.dispatchEvent(new Event("online"));
    expect(await screen.findByText("Online")).toBeTruthy();
  });

  it("checks again periodically", async () => {
    vi.useFakeTimers();
    let ok = true;
    const fetch = vi.fn(async () => new Response("{}", { status: ok ? 200 : 503 }));
    render(() => <Probe fetch={fetch} />);
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByRole("status").textContent).toBe("Online");
    ok = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByRole("status").textContent).toBe("Server unreachable");
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
