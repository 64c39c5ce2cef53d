import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, connectKioskEvents } from "./kiosk-events.ts";

/** A streamed response whose chunks the test pushes, and can end or break. */
function controlledStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { "content-type": "text/event-stream" } }),
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new TypeError("network")),
  };
}

const occupancy = (checkedIn: number) => ({
  activityId: "act1",
  checkedIn,
  capacity: 40,
  free: 40 - checkedIn,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(fetchImpl: typeof fetch) {
  const onOccupancy = vi.fn();
  const onRevoked = vi.fn();
  const onState = vi.fn();
  const events = connectKioskEvents({
    token: () => "tok",
    onOccupancy,
    onRevoked,
    onState,
    fetch: fetchImpl,
    random: () => 1,
    initialDelayMs: 1_000,
    maxDelayMs: 8_000,
    silenceMs: 45_000,
  });
  return { events, onOccupancy, onRevoked, onState };
}

describe("kiosk live events", () => {
  it("sends the token, and parses occupancy events split across chunks, skipping pings", async () => {
    const stream = controlledStream();
    const fetchMock = vi.fn(async () => stream.response);
    const { events, onOccupancy } = setup(fetchMock as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledWith(
      "/events/kiosk",
      expect.objectContaining({
        headers: { authorization: "Bearer tok", accept: "text/event-stream" },
        credentials: "omit",
      }),
    );
    stream.push(`event: occupancy\ndata: ${JSON.stringify(occupancy(12))}\n\n: ping\n\nevent: occ`);
    stream.push(`upancy\ndata: ${JSON.stringify(occupancy(13)).slice(0, 10)}`);
    stream.push(`${JSON.stringify(occupancy(13)).slice(10)}\n\n`);
    stream.push("event: occupancy\ndata: not json\n\n");
    stream.push(`event: occupancy\ndata: {"activityId":"a"}\n\n`);
    await vi.advanceTimersByTimeAsync(0);
    expect(onOccupancy.mock.calls).toEqual([[occupancy(12)], [occupancy(13)]]);
    events.close();
  });

  it("reconnects with doubling delays after failures, and starts over once connected", async () => {
    const streams: ReturnType<typeof controlledStream>[] = [];
    const fetchMock = vi.fn(async () => {
      if (fetchMock.mock.calls.length <= 3) throw new TypeError("Failed to fetch");
      const s = controlledStream();
      streams.push(s);
      return s.response;
    });
    const { events, onState } = setup(fetchMock as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(onState).toHaveBeenLastCalledWith("open");
    // The server closes the stream (a deploy): the first retry is quick again.
    streams[0]!.end();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(5);
    events.close();
  });

  it("caps the delay", () => {
    expect(backoffDelay(10, 1_000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelay(0, 1_000, 30_000, () => 0)).toBe(500);
  });

  it("aborts a stream that has gone silent (no ping) and opens a new one", async () => {
    const first = controlledStream();
    const second = controlledStream();
    const fetchMock = vi
      .fn()
      .mockImplementationOnce(async (_url: string, init: RequestInit) => {
        init.signal?.addEventListener("abort", () => first.fail());
        return first.response;
      })
      .mockResolvedValueOnce(second.response);
    const { events } = setup(fetchMock as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(30_000);
    first.push(": ping\n\n");
    await vi.advanceTimersByTimeAsync(44_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000 + 1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    events.close();
  });

  it("stops for good on a revoked event and on a 401", async () => {
    const stream = controlledStream();
    const revokedByEvent = setup(vi.fn(async () => stream.response) as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    stream.push("event: revoked\ndata: {}\n\n");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(revokedByEvent.onRevoked).toHaveBeenCalledTimes(1);

    const unauthorized = vi.fn(async () => new Response("{}", { status: 401 }));
    const revokedBy401 = setup(unauthorized as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(revokedBy401.onRevoked).toHaveBeenCalledTimes(1);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it("retries a 503 and reconnects at once when asked (the network is back)", async () => {
    const stream = controlledStream();
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(new Response("busy", { status: 503 }))
      .mockResolvedValueOnce(stream.response);
    const { events, onRevoked } = setup(fetchMock as unknown as typeof fetch);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    events.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(onRevoked).not.toHaveBeenCalled();
    events.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
