// lookupBatcher: concurrent lookups share one load, in order, nothing is cached, and an
// error fails only the lookups of its own batch.
import { describe, expect, it } from "vitest";
import { lookupBatcher } from "../src/lookup-batcher.ts";

/** A load over a table that the test can change, recording every batch it was asked. */
function recorded(table: Map<string, number>, options?: { maxBatchSize?: number }) {
  const batches: string[][] = [];
  let gate: Promise<void> | undefined;
  let failNext = false;
  const lookup = lookupBatcher(async (keys: readonly string[]) => {
    batches.push([...keys]);
    const held = gate;
    gate = undefined;
    if (held) await held;
    if (failNext) {
      failNext = false;
      throw new Error("database gone");
    }
    return keys.map((k) => table.get(k) ?? null);
  }, options);
  return {
    lookup,
    batches,
    /** Holds the next load open until the returned function is called. */
    hold(): () => void {
      let open = () => {};
      gate = new Promise<void>((r) => {
        open = r;
      });
      return () => open();
    },
    failNext() {
      failNext = true;
    },
  };
}

describe("lookupBatcher", () => {
  it("answers lookups asked together in one load, each its own answer, repeats included", async () => {
    const r = recorded(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
    );
    const answers = await Promise.all(["a", "b", "x", "a"].map(r.lookup));
    expect(answers).toEqual([1, 2, null, 1]);
    expect(r.batches).toEqual([["a", "b", "x", "a"]]);
  });

  it("sends a lone lookup at once, without waiting for company", async () => {
    const r = recorded(new Map([["a", 1]]));
    expect(await r.lookup("a")).toBe(1);
    expect(r.batches).toEqual([["a"]]);
  });

  it("keeps lookups asked while a load is in flight for the next load, all together", async () => {
    const r = recorded(
      new Map([
        ["a", 1],
        ["b", 2],
        ["c", 3],
        ["d", 4],
      ]),
    );
    const release = r.hold();
    const first = r.lookup("a");
    await new Promise((done) => setImmediate(done)); // the first load is now in flight
    await new Promise((done) => setImmediate(done));
    expect(r.batches).toEqual([["a"]]);
    const later = ["b", "c"].map(r.lookup);
    await new Promise((done) => setTimeout(done, 5));
    const last = r.lookup("d");
    expect(r.batches).toEqual([["a"]]); // nothing sent while the first is out
    release();
    expect(await Promise.all([first, ...later, last])).toEqual([1, 2, 3, 4]);
    expect(r.batches).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("does not let a stuck load hold later lookups longer than maxWaitMs", async () => {
    const table = new Map([
      ["a", 1],
      ["b", 2],
    ]);
    const batches: string[][] = [];
    const lookup = lookupBatcher(
      async (keys: readonly string[]) => {
        batches.push([...keys]);
        // The first load never answers (a dead connection); later ones do.
        if (batches.length === 1) return new Promise<never>(() => {});
        return keys.map((k) => table.get(k) ?? null);
      },
      { maxWaitMs: 30 },
    );
    void lookup("a");
    await new Promise((done) => setTimeout(done, 5));
    const started = performance.now();
    expect(await lookup("b")).toBe(2);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(batches).toEqual([["a"], ["b"]]);
  });

  it("caches nothing: a later lookup of the same key reads the table as it is then", async () => {
    const table = new Map([["a", 1]]);
    const r = recorded(table);
    expect(await r.lookup("a")).toBe(1);
    table.set("a", 2);
    expect(await r.lookup("a")).toBe(2);
    table.delete("a");
    expect(await r.lookup("a")).toBeNull();
    expect(r.batches).toEqual([["a"], ["a"], ["a"]]);
  });

  it("fails every lookup of a failed load, and only those", async () => {
    const r = recorded(
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
    );
    r.failNext();
    const failed = await Promise.allSettled(["a", "b"].map(r.lookup));
    expect(failed.map((f) => f.status)).toEqual(["rejected", "rejected"]);
    expect(await Promise.all(["a", "b"].map(r.lookup))).toEqual([1, 2]);
  });

  it("splits more lookups than maxBatchSize over several loads", async () => {
    const table = new Map(Array.from({ length: 7 }, (_, i) => [`k${i}`, i] as const));
    const r = recorded(table, { maxBatchSize: 3 });
    const keys = [...table.keys()];
    expect(await Promise.all(keys.map(r.lookup))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });
});
