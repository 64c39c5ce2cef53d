import { describe, expect, it, vi } from "vitest";
import { answer, fakeApi, networkFailure, refusal, trpcFailure } from "../../test/fakes.tsx";
import { OfflineQueue, type QueuedItem } from "./offline-queue.ts";

function item(n: number, overrides: Partial<QueuedItem> = {}): QueuedItem {
  const occurredAt = new Date(Date.UTC(2026, 2, 4, 10, n)).toISOString();
  return {
    kind: "checkIn",
    clientId: `c${n}`,
    occurredAt,
    activityTitle: "Poetry evening",
    credentialKind: "memberNumber",
    maskedCredential: "••••5674",
    request: {
      activityId: "act1",
      credential: { memberNumber: "12345674" },
      clientId: `c${n}`,
      occurredAt,
    },
    ...overrides,
  } as QueuedItem;
}

const clientIds = (items: { clientId: string }[]) => items.map((i) => i.clientId);

describe("offline queue", () => {
  it("keeps items in IndexedDB in the order they happened, across instances", async () => {
    const first = new OfflineQueue();
    await first.add(item(3));
    await first.add(item(1));
    await first.add(item(2));
    // A reload: a new queue on the same database.
    expect(clientIds(await new OfflineQueue().pending())).toEqual(["c1", "c2", "c3"]);
  });

  it("sends in order with the original clientId and occurredAt, removing what was accepted", async () => {
    const queue = new OfflineQueue();
    await queue.add(item(1));
    await queue.add(
      item(2, {
        kind: "walkIn",
        credentialKind: "guest",
        maskedCredential: "Ada L.",
        request: {
          activityId: "act1",
          clientId: "c2",
          partySize: 2,
          guest: { name: "Ada Lovelace" },
          occurredAt: item(2).occurredAt,
        },
      }),
    );
    const api = fakeApi();
    api.checkIn.mockResolvedValue(answer());
    api.walkIn.mockResolvedValue(answer({ outcome: "WALK_IN_ACCEPTED", seats: 2 }));
    const sent = vi.fn();
    const report = await queue.sync(api, sent);
    expect(report).toEqual({ synced: 2, refused: 0, remaining: 0, revoked: false });
    expect(api.checkIn).toHaveBeenCalledWith(item(1).request);
    expect(api.walkIn).toHaveBeenCalledWith(
      expect.objectContaining({ clientId: "c2", occurredAt: item(2).occurredAt, partySize: 2 }),
    );
    expect(sent).toHaveBeenCalledTimes(2);
    expect(await queue.pending()).toEqual([]);
    expect(await queue.needsStaff()).toEqual([]);
  });

  it("stops at a network error and keeps that item and the rest, in order", async () => {
    const queue = new OfflineQueue();
    for (const n of [1, 2, 3]) await queue.add(item(n));
    const api = fakeApi();
    api.checkIn.mockResolvedValueOnce(answer()).mockRejectedValueOnce(await networkFailure());
    const report = await queue.sync(api);
    expect(report).toEqual({ synced: 1, refused: 0, remaining: 2, revoked: false });
    expect(api.checkIn).toHaveBeenCalledTimes(2);
    expect(clientIds(await queue.pending())).toEqual(["c2", "c3"]);
  });

  it("keeps an item the server failed on (5xx) for the next attempt", async () => {
    const queue = new OfflineQueue();
    await queue.add(item(1));
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await trpcFailure("INTERNAL_SERVER_ERROR", 500));
    expect((await queue.sync(api)).remaining).toBe(1);
    expect(clientIds(await queue.pending())).toEqual(["c1"]);
    expect(await queue.needsStaff()).toEqual([]);
  });

  it("moves a refusal to the staff list with its code and details, and goes on", async () => {
    const now = new Date("2026-03-04T11:00:00.000Z");
    const queue = new OfflineQueue({ now: () => now });
    for (const n of [1, 2]) await queue.add(item(n));
    const api = fakeApi();
    api.checkIn
      .mockRejectedValueOnce(await refusal("CARD_REVOKED", { memberNumber: "x" }))
      .mockResolvedValueOnce(answer());
    const report = await queue.sync(api);
    expect(report).toEqual({ synced: 1, refused: 1, remaining: 0, revoked: false });
    expect(await queue.pending()).toEqual([]);
    const staff = await queue.needsStaff();
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({
      clientId: "c1",
      code: "CARD_REVOKED",
      details: { memberNumber: "x" },
      refusedAt: now.toISOString(),
      maskedCredential: "••••5674",
    });
  });

  it("files input the server would never take under REJECTED rather than retrying it forever", async () => {
    const queue = new OfflineQueue();
    await queue.add(item(1));
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await trpcFailure("BAD_REQUEST", 400));
    expect((await queue.sync(api)).refused).toBe(1);
    expect((await queue.needsStaff())[0]?.code).toBe("REJECTED");
  });

  it("stops and reports a revoked device, keeping the queue", async () => {
    const queue = new OfflineQueue();
    await queue.add(item(1));
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await trpcFailure("UNAUTHORIZED", 401));
    expect(await queue.sync(api)).toEqual({
      synced: 0,
      refused: 0,
      remaining: 1,
      revoked: true,
    });
    expect(clientIds(await queue.pending())).toEqual(["c1"]);
  });

  it("runs one sync at a time: a second call joins the first, nothing is sent twice", async () => {
    const queue = new OfflineQueue();
    await queue.add(item(1));
    const api = fakeApi();
    api.checkIn.mockResolvedValue(answer());
    const [a, b] = await Promise.all([queue.sync(api), queue.sync(api)]);
    expect(a).toBe(b);
    expect(api.checkIn).toHaveBeenCalledTimes(1);
  });

  it("lets staff dismiss a refused entry, and tells listeners about every change", async () => {
    const queue = new OfflineQueue();
    const changed = vi.fn();
    queue.onChange(changed);
    await queue.add(item(1));
    const api = fakeApi();
    api.checkIn.mockRejectedValue(await refusal("UNKNOWN_MEMBER"));
    await queue.sync(api);
    const [entry] = await queue.needsStaff();
    await queue.dismiss(entry!);
    expect(await queue.needsStaff()).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
