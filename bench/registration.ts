// Registration burst: N members register at once for one activity of capacity C, over HTTP
// against the real server — one instance on PGlite (in this process), or two instances
// (two processes, as behind a load balancer) on one PostgreSQL when DATABASE_URL is set.
// Prints confirmed, waitlisted, errors, overbooked (must be 0, and confirmed must equal C),
// registrations per second, p50/p99 latency, and the ratio to a bare tRPC call (anonymous
// me.get) measured in the same run. Loopback only; stops by itself.
//
//   pnpm bench:registration [-- --n=1000 --capacity=100 --concurrency=50]
import { fork } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadEnv, startServer } from "@readers/api";
import {
  activity,
  activityColumns,
  type Database,
  insertLocations,
  member,
  membership,
  queryRows,
  saveTier,
  session,
  user,
} from "@readers/db";
import { openFreshPostgres } from "@readers/db/testing";
import { ActivityCreateInputSchema, memberNumberFromSequence } from "@readers/domain";
import { sql } from "drizzle-orm";

const { values: args } = parseArgs({
  // `pnpm bench:registration -- --n=…` passes the "--" along.
  args: process.argv.slice(2).filter((arg) => arg !== "--" && arg !== "--serve"),
  options: {
    n: { type: "string", default: "1000" },
    capacity: { type: "string", default: "100" },
    concurrency: { type: "string", default: "50" },
  },
});
const N = Number(args.n);
const C = Number(args.capacity);
const CONCURRENCY = Number(args.concurrency);
const DAY = 86_400_000;
const ORIGIN = "http://127.0.0.1:3000";
const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface Instance {
  url: string;
  close(): Promise<void>;
}

interface Outcome {
  ms: number;
  status: number;
  body: unknown;
}

if (process.argv.includes("--serve")) await serveAsChild();
else await main();

// ------------------------------------------------------------------------------ instances

/** A child instance: takes its settings from the parent, serves until told to stop. */
async function serveAsChild(): Promise<void> {
  const overrides = await new Promise<Record<string, string>>((resolve) =>
    process.once("message", (m) => resolve(m as Record<string, string>)),
  );
  const server = await startServer(loadEnv(overrides), { logger: silent });
  process.send?.({ url: server.url });
  process.on("message", async (m) => {
    if (m !== "stop") return;
    await server.close();
    process.exit(0);
  });
}

/** Starts an API instance in a process of its own, so instances share no event loop. */
async function spawnInstance(overrides: Record<string, string>): Promise<Instance> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    child.send(overrides);
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

// ---------------------------------------------------------------------------------- seed

/** better-auth's signed session cookie: `<token>.<base64 HMAC-SHA256(secret, token)>`. */
function sessionCookie(secret: string, token: string): string {
  const signature = createHmac("sha256", secret).update(token).digest("base64");
  return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * N active members with a session each (rows inserted directly: signing 1 000 people in
 * over HTTP would measure password hashing) and one published activity of capacity C.
 */
async function seed(db: Database, secret: string) {
  const now = new Date();
  await insertLocations(db, [{ id: "bench-hall", name: "Bench Hall", address: null }]);
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
  const cookies: string[] = [];
  for (let start = 0; start < N; start += 500) {
    const batch = Array.from({ length: Math.min(500, N - start) }, (_, k) => ({
      i: start + k,
      userId: randomUUID(),
      memberId: randomUUID(),
      token: randomBytes(24).toString("base64url"),
    }));
    for (const b of batch) cookies.push(sessionCookie(secret, b.token));
    const email = (i: number) => `reader${i}@bench.readers.local`;
    await db
      .insert(user)
      .values(batch.map((b) => ({ id: b.userId, name: `Reader ${b.i}`, email: email(b.i) })));
    await db.insert(member).values(
      batch.map((b) => ({
        id: b.memberId,
        userId: b.userId,
        email: email(b.i),
        memberNumber: memberNumberFromSequence(5_000_000 + b.i),
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
    await db.insert(session).values(
      batch.map((b) => ({
        id: randomUUID(),
        token: b.token,
        userId: b.userId,
        // As a fresh sign-in (30 days): an older-looking session would be refreshed, with a
        // write, on every request.
        expiresAt: new Date(now.getTime() + 30 * DAY),
      })),
    );
  }
  const input = ActivityCreateInputSchema.parse({
    kind: "lecture",
    title: "Benchmark lecture",
    startsAt: new Date(now.getTime() + 7 * DAY),
    endsAt: new Date(now.getTime() + 7 * DAY + 2 * 3_600_000),
    locationId: "bench-hall",
    capacity: C,
  });
  const activityId = randomUUID();
  await db
    .insert(activity)
    .values({ id: activityId, ...activityColumns(input), status: "published", publishedAt: now });
  return { activityId, cookies };
}

// ------------------------------------------------------------------------------- measure

/** Runs `count` requests with at most CONCURRENCY in flight; returns outcomes and wall time. */
async function burst(count: number, request: (i: number) => Promise<Response>) {
  const outcomes: Outcome[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      try {
        const res = await request(i);
        const body = await res.json().catch(() => null);
        outcomes[i] = { ms: performance.now() - t0, status: res.status, body };
      } catch (error) {
        outcomes[i] = { ms: performance.now() - t0, status: 0, body: String(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function ms(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)} ms   p99 ${percentile(values, 99).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const databaseUrl = loadEnv().DATABASE_URL;
  const secret = randomBytes(32).toString("base64url");
  const dataDir = mkdtempSync(join(tmpdir(), "readers-bench-"));
  // On PostgreSQL a database of its own, shared by both instances and dropped at the end.
  const fresh = databaseUrl ? await openFreshPostgres(databaseUrl, 4) : undefined;
  const envFor = (i: number) => ({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: join(dataDir, `instance-${i}`),
    DATABASE_URL: fresh?.url ?? "",
    AUTH_SECRET: secret,
    LOG_LEVEL: "error",
    ASSOCIATION_TIMEZONE: "Asia/Shanghai",
    PUBLIC_URL: ORIGIN,
  });
  const servers: Instance[] = [];
  let db: Database;
  if (fresh) {
    servers.push(await spawnInstance(envFor(0)), await spawnInstance(envFor(1)));
    db = fresh.db;
  } else {
    const server = await startServer(loadEnv(envFor(0)), { logger: silent });
    servers.push(server);
    db = server.handle.db;
  }
  try {
    const { activityId, cookies } = await seed(db, secret);
    const urlOf = (i: number) => servers[i % servers.length]!.url;
    const meGet = (i: number) => fetch(`${urlOf(i)}/trpc/me.get`);
    const register = (i: number) =>
      fetch(`${urlOf(i)}/trpc/registrations.register`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]!, origin: ORIGIN },
        body: JSON.stringify({ activityId }),
      });

    // A wrong cookie would turn every registration into a 401: check one first.
    const probe = (await (
      await fetch(`${urlOf(0)}/trpc/me.get`, { headers: { cookie: cookies[0]! } })
    ).json()) as { result?: { data?: { account?: unknown } } };
    if (!probe.result?.data?.account) throw new Error("the seeded session cookie was refused");

    await burst(100, meGet); // warm-up
    const bare = await burst(N, meGet);
    const reg = await burst(N, register);

    type Registered = { result?: { data?: { registration?: { status?: string } } } };
    const statusOf = (o: Outcome) => (o.body as Registered)?.result?.data?.registration?.status;
    const confirmed = reg.outcomes.filter((o) => statusOf(o) === "confirmed").length;
    const waitlisted = reg.outcomes.filter((o) => statusOf(o) === "waitlisted").length;
    const errors = reg.outcomes.filter((o) => o.status !== 200).length;
    const [seats] = await queryRows<{ n: number | string }>(
      db,
      sql`select coalesce(sum(party_size), 0)::int as n from registration
        where activity_id = ${activityId} and status = 'confirmed'`,
    );
    const confirmedInDb = Number(seats?.n ?? 0);
    const overbooked = Math.max(0, confirmedInDb - C);
    const regRate = N / reg.seconds;
    const bareRate = N / bare.seconds;
    const ok = overbooked === 0 && errors === 0 && confirmed === C && confirmed + waitlisted === N;
    const driver = fresh
      ? `PostgreSQL ${await fresh.serverVersion()}, 2 API instances (processes)`
      : "PGlite (embedded), 1 API instance";
    const lines = [
      `registration burst — ${driver}`,
      `  N = ${N} members, capacity C = ${C}, ${CONCURRENCY} requests in flight, loopback HTTP`,
      `  confirmed      ${confirmed} (confirmed seats in the database: ${confirmedInDb})`,
      `  waitlisted     ${waitlisted}`,
      `  errors         ${errors}`,
      `  overbooked     ${overbooked}`,
      `  registrations  ${regRate.toFixed(0)}/s   ${ms(reg.outcomes.map((o) => o.ms))}`,
      `  bare me.get    ${bareRate.toFixed(0)}/s   ${ms(bare.outcomes.map((o) => o.ms))}`,
      `  ratio          registrations/s ÷ bare calls/s = ${(regRate / bareRate).toFixed(2)}`,
      `  result         ${ok ? "PASS" : "FAIL"}${fresh && regRate < 500 ? " (below the 500/s target)" : ""}`,
    ];
    const failed = reg.outcomes.find((o) => o.status !== 200);
    if (failed)
      lines.push(`  first error    ${failed.status} ${JSON.stringify(failed.body).slice(0, 300)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const server of servers) await server.close();
    await fresh?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
