// Shared pieces of the benchmarks: API instances in processes of their own, a concurrent
// request burst with latencies, percentiles, and better-auth session cookies for seeded
// sessions. Each benchmark stays a single readable file on top of these.
import { fork } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, member, membership, saveTier, session, user } from "@readers/db";
import { memberNumberFromSequence } from "@readers/domain";
import { Pool } from "undici";

export const silent = { debug() {}, info() {}, warn() {}, error() {} };

export interface Instance {
  url: string;
  close(): Promise<void>;
}

/** An instance in a process of its own, which can record a CPU profile of a measured part. */
export interface SpawnedInstance extends Instance {
  /** Starts recording when BENCH_PROFILE_DIR is set; otherwise does nothing. */
  profileStart(): Promise<void>;
  /** Writes `<BENCH_PROFILE_DIR>/<name>.cpuprofile` (open it in Chrome's DevTools). */
  profileStop(name: string): Promise<void>;
}

/** Profiles only the measured burst of each spawned instance when set (a directory). */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

export interface Outcome {
  ms: number;
  status: number;
  body: unknown;
}

/** Starts an API instance in a process of its own (bench/serve.ts), so instances share no event loop. */
export async function spawnInstance(overrides: Record<string, string>): Promise<SpawnedInstance> {
  const child = fork(fileURLToPath(new URL("./serve.ts", import.meta.url)), [], {
    // BENCH_INSTANCE_NODE_ARGS adds Node flags (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for
    // a profile of the whole life; BENCH_PROFILE_DIR profiles only the measured part).
    execArgv: ["--import", "tsx", ...(process.env.BENCH_INSTANCE_NODE_ARGS?.split(" ") ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    child.send(overrides);
  });
  const ask = (message: string, answer: string) =>
    new Promise<void>((resolve) => {
      const onMessage = (m: unknown) => {
        if (m !== answer) return;
        child.off("message", onMessage);
        resolve();
      };
      child.on("message", onMessage);
      child.send(message);
    });
  return {
    url,
    profileStart: async () => {
      if (PROFILE_DIR) await ask("profile:start", "profile:started");
    },
    profileStop: async (name) => {
      if (!PROFILE_DIR) return;
      mkdirSync(PROFILE_DIR, { recursive: true });
      await ask(`profile:stop ${join(PROFILE_DIR, `${name}.cpuprofile`)}`, "profile:stopped");
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

/** better-auth's signed session cookie: `<token>.<base64 HMAC-SHA256(secret, token)>`. */
export function sessionCookie(secret: string, token: string): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** A response as the benchmarks read it: the status and the JSON body (null if none). */
export interface Reply {
  status: number;
  body: unknown;
}

/**
 * The load generator's HTTP client: keep-alive connections per origin through undici's
 * Pool. The client shares the machine's cores with the servers it measures; `fetch` costs
 * it several times the CPU per request, taken from the servers.
 */
export function httpClient(connectionsPerOrigin: number) {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string) => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { connections: connectionsPerOrigin, pipelining: 1 });
      pools.set(origin, pool);
    }
    return pool;
  };
  return {
    async send(
      url: string,
      init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
    ): Promise<Reply> {
      const { origin, pathname, search } = new URL(url);
      const res = await poolFor(origin).request({
        path: pathname + search,
        method: init.method ?? "GET",
        headers: init.headers,
        body: init.body,
      });
      const text = await res.body.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as null
      }
      return { status: res.statusCode, body };
    },
    async close(): Promise<void> {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}

/** Runs `count` requests with at most `concurrency` in flight; returns outcomes and wall time. */
export async function burst(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<Reply>,
) {
  const outcomes: Outcome[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      try {
        const { status, body } = await request(i);
        outcomes[i] = { ms: performance.now() - t0, status, body };
      } catch (error) {
        outcomes[i] = { ms: performance.now() - t0, status: 0, body: String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function ms(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)} ms   p99 ${percentile(values, 99).toFixed(1)} ms`;
}

/** The command-line arguments after `pnpm bench:x --` (pnpm passes the "--" along). */
export function benchArgs(): string[] {
  return process.argv.slice(2).filter((arg) => arg !== "--");
}

const DAY = 86_400_000;

/**
 * N active members (tier "bench"), each with a session when `sessionSecret` is given. Rows
 * are inserted directly: signing 1 000 people in over HTTP would measure password hashing.
 */
export async function seedMembers(
  db: Database,
  n: number,
  options: { now: Date; sessionSecret?: string },
): Promise<{ memberIds: string[]; memberNumbers: string[]; cookies: string[] }> {
  const { now, sessionSecret } = options;
  await saveTier(
    db,
    {
      id: "bench",
      name: "Bench",
      term: { kind: "rolling", months: 12 },
      feeCents: 0,
      graceDays: 30,
      loanLimit: 3,
      loanDays: 21,
      maxRenewals: 1,
      holdLimit: 3,
      requiresApproval: false,
    },
    now,
  );
  const startDate = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
  const endDate = new Date(now.getTime() + 300 * DAY).toISOString().slice(0, 10);
  const memberIds: string[] = [];
  const memberNumbers: string[] = [];
  const cookies: string[] = [];
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, k) => ({
      i: start + k,
      userId: randomUUID(),
      memberId: randomUUID(),
      memberNumber: memberNumberFromSequence(5_000_000 + start + k),
      token: randomBytes(24).toString("base64url"),
    }));
    for (const b of batch) {
      memberIds.push(b.memberId);
      memberNumbers.push(b.memberNumber);
      if (sessionSecret) cookies.push(sessionCookie(sessionSecret, b.token));
    }
    const email = (i: number) => `reader${i}@bench.readers.local`;
    await db
      .insert(user)
      .values(batch.map((b) => ({ id: b.userId, name: `Reader ${b.i}`, email: email(b.i) })));
    await db.insert(member).values(
      batch.map((b) => ({
        id: b.memberId,
        userId: b.userId,
        email: email(b.i),
        memberNumber: b.memberNumber,
        firstName: "Reader",
        lastName: String(b.i),
      })),
    );
    await db.insert(membership).values(
      batch.map((b) => ({
        id: randomUUID(),
        memberId: b.memberId,
        tierId: "bench",
        appliedAt: now,
        approvedAt: now,
        paidAt: now,
        startDate,
        endDate,
      })),
    );
    if (sessionSecret) {
      await db.insert(session).values(
        batch.map((b) => ({
          id: randomUUID(),
          token: b.token,
          userId: b.userId,
          // As a fresh sign-in (30 days): an older-looking session would be refreshed, with
          // a write, on every request.
          expiresAt: new Date(now.getTime() + 30 * DAY),
        })),
      );
    }
  }
  return { memberIds, memberNumbers, cookies };
}
