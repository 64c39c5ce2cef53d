// The data-dir lock and crash safety of the embedded database, across real processes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, DataDirLockedError, getOrCreateSecret, lockDataDir } from "../src/index.ts";
import { holdDb, killed } from "./child.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "readers-db-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data-dir lock", () => {
  it("refuses a second holder in the same process and names the first", async () => {
    const dir = tempDir();
    const lock = await lockDataDir(dir);
    const second = lockDataDir(dir);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`process ${process.pid}`);
    await lock.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it("a second process on the same data dir exits with a message naming the holder, and the data is untouched", async () => {
    const dir = tempDir();
    const first = holdDb(dir, "first");
    expect(await first.outcome).toEqual({ ready: true });
    const second = holdDb(dir, "second");
    const refused = await second.outcome;
    expect(refused).toMatchObject({ ready: false, code: 3 });
    expect(refused.ready === false && refused.stderr).toContain(
      `is in use by process ${first.child.pid}`,
    );
    first.child.kill("SIGKILL");
    await killed(first.child);
    const handle = await createDb({ dataDir: dir });
    try {
      // The refused process never wrote its marker.
      expect(await getOrCreateSecret(handle.db, "second", () => "absent")).toBe("absent");
    } finally {
      await handle.close();
    }
  });

  it("kill -9 after a commit loses nothing and frees the lock at once", async () => {
    const dir = tempDir();
    const held = holdDb(dir, "committed");
    expect(await held.outcome).toEqual({ ready: true });
    held.child.kill("SIGKILL");
    await killed(held.child);
    const handle = await createDb({ dataDir: dir });
    try {
      expect(await getOrCreateSecret(handle.db, "committed", () => "lost")).toBe(
        "value-of-committed",
      );
    } finally {
      await handle.close();
    }
  });

  it("close() releases the lock for the next opener", async () => {
    const dir = tempDir();
    const a = await createDb({ dataDir: dir });
    await expect(createDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await a.close();
    const b = await createDb({ dataDir: dir });
    await b.close();
  });
});
