// readTogether: independent reads at once on the pool, one after another in a transaction
// (one connection takes one query at a time).
import { describe, expect, it } from "vitest";
import { type Database, readTogether, type Tx } from "../src/client.ts";

function recorder() {
  const log: string[] = [];
  const read = (name: string, value: number) => async () => {
    log.push(`start ${name}`);
    await new Promise((r) => setTimeout(r, 5));
    log.push(`end ${name}`);
    return value;
  };
  return { log, read };
}

describe("readTogether", () => {
  it("starts every read at once on the database", async () => {
    const { log, read } = recorder();
    const pool = {} as Database;
    expect(await readTogether(pool, read("a", 1), read("b", 2))).toEqual([1, 2]);
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
  });

  it("reads one after another in a transaction, answers in order", async () => {
    const { log, read } = recorder();
    const tx = { rollback() {} } as unknown as Tx;
    expect(await readTogether(tx, read("a", 1), read("b", 2))).toEqual([1, 2]);
    expect(log).toEqual(["start a", "end a", "start b", "end b"]);
  });
});
