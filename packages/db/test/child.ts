// Spawns test/fixtures/hold-db.ts and waits for its READY line (or its exit).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./fixtures/hold-db.ts", import.meta.url));

export interface HeldDb {
  child: ChildProcess;
  /** Resolves with "READY" once the child holds the db, or its exit code and stderr. */
  outcome: Promise<{ ready: true } | { ready: false; code: number | null; stderr: string }>;
}

export function holdDb(dataDir: string, marker?: string): HeldDb {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, dataDir, ...(marker ? [marker] : [])],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (c) => {
    stderr += c.toString();
  });
  const outcome = new Promise<
    { ready: true } | { ready: false; code: number | null; stderr: string }
  >((resolve) => {
    child.stdout!.on("data", (c) => {
      if (c.toString().includes("READY")) resolve({ ready: true });
    });
    child.on("exit", (code) => resolve({ ready: false, code, stderr }));
  });
  return { child, outcome };
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}
