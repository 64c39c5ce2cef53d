// An exclusive lock on the embedded database's data directory. PGlite does not lock its
// directory and two processes on one directory corrupt it, so we refuse the second one.
//
// On Linux the lock is an abstract Unix socket named after the directory's real path: the
// kernel binds it atomically and frees it when the holder dies (even by kill -9), so there
// is never a stale lock to clean up and no race between two starters. The holder answers
// on that socket with who it is, so the refusal can name it. Elsewhere (macOS, Windows) we
// fall back to a pid file created with O_EXCL and taken over only when its pid is dead.
// See docs/decisions/005-data-dir-lock.md.
import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { hostname } from "node:os";
import { join } from "node:path";

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  dataDir: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.host} (started ${holder.startedAt}). ` +
            "Stop that process first, or set DATA_DIR to another directory."
        : `The data directory ${dataDir} is in use by another process. Stop it first, or set DATA_DIR to another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** Takes the lock on `dataDir` (created if missing) or throws DataDirLockedError. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const real = realpathSync(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    dataDir: real,
  };
  return process.platform === "linux"
    ? lockWithAbstractSocket(real, holder)
    : lockWithPidFile(real, holder);
}

function socketName(real: string): string {
  const digest = createHash("sha256").update(real).digest("hex").slice(0, 32);
  return `\0readers-data-dir-${digest}`;
}

async function lockWithAbstractSocket(real: string, holder: LockHolder): Promise<DataDirLock> {
  const name = socketName(real);
  const server: Server = createServer((socket) => {
    socket.end(JSON.stringify(holder));
  });
  // The lock must never keep the process alive on its own.
  server.unref();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(name, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new DataDirLockedError(real, await askHolder(name));
    }
    throw error;
  }
  return {
    holder,
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function askHolder(name: string): Promise<LockHolder | null> {
  return new Promise((resolve) => {
    let data = "";
    const socket = connect(name);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, 1000);
    socket.on("data", (chunk) => {
      data += chunk.toString();
    });
    socket.on("end", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(data) as LockHolder);
      } catch {
        resolve(null);
      }
    });
    socket.on("error", () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function lockWithPidFile(real: string, holder: LockHolder): Promise<DataDirLock> {
  const file = join(real, ".readers.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeFileSync(fd, JSON.stringify(holder));
      closeSync(fd);
      return {
        holder,
        release: async () => {
          try {
            unlinkSync(file);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let existing: LockHolder | null = null;
      try {
        existing = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
      } catch {
        existing = null;
      }
      if (existing && existing.host === holder.host && !isAlive(existing.pid)) {
        // The holder died without releasing: take over once.
        unlinkSync(file);
        continue;
      }
      throw new DataDirLockedError(real, existing);
    }
  }
  throw new DataDirLockedError(real, null);
}
