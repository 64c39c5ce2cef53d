// Registration burst: N members register at once for one activity of capacity C, over HTTP
// against the real server — one instance on PGlite (in this process), or two instances
// (two processes, as behind a load balancer) on one PostgreSQL when DATABASE_URL is set.
// Prints confirmed, waitlisted, errors, overbooked (must be 0, and confirmed must equal C),
// registrations per second, p50/p99 latency, and the ratio to a bare tRPC call (anonymous
// me.get) measured in the same run. Loopback only; stops by itself.
//
//   pnpm bench:registration [-- --n=1000 --capacity=100 --concurrency=50]
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEnv, startServer } from "@readers/api";
import { activity, activityColumns, type Database, insertLocations, queryRows } from "@readers/db";
import { openFreshPostgres } from "@readers/db/testing";
import { ActivityCreateInputSchema } from "@readers/domain";
import { sql } from "drizzle-orm";
import {
  benchArgs,
  burst,
  httpClient,
  type Instance,
  ms,
  type Outcome,
  type SpawnedInstance,
  seedMembers,
  silent,
  spawnInstance,
} from "./lib.ts";

const { values: args } = parseArgs({
  args: benchArgs(),
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
/** The target on PostgreSQL with two API instances. */
const TARGET_PER_SECOND = 500;

await main();

// ---------------------------------------------------------------------------------- seed

/** N active members with a session each, and one published activity of capacity C. */
async function seed(db: Database, secret: string) {
  const now = new Date();
  await insertLocations(db, [{ id: "bench-hall", name: "Bench Hall", address: null }]);
  const { cookies } = await seedMembers(db, N, { now, sessionSecret: secret });
  const input = ActivityCreateInputSchema.parse({
    kind: "lecture",
    title: "Benchmark lecture",
    startsAt: new Date(now.getTime() + 7 * DAY),
    endsAt: new Date(now.getTime() + 7 * DAY + 2 * 3_600_000),
    locationId: "bench-hall",
    capacity: C,
  });
  // The measured activity, and one like it that warms the servers up first: a running
  // server has long compiled its registration path, a fresh process has not.
  const [activityId, warmUpId] = [randomUUID(), randomUUID()];
  await db.insert(activity).values(
    [activityId, warmUpId].map((id) => ({
      id,
      ...activityColumns(input),
      status: "published" as const,
      publishedAt: now,
    })),
  );
  // Fresh tables have no statistics yet; a live database has (autovacuum keeps them).
  await db.execute(sql`analyze`);
  return { activityId, warmUpId, cookies };
}

/** Resolves once the outbox workers have delivered everything queued so far. */
async function outboxDrained(db: Database, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [left] = await queryRows<{ n: number | string }>(
      db,
      sql`select count(*)::int as n from outbox where status in ('pending', 'sending')`,
    );
    if (Number(left?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error("the outbox did not drain after the warm-up");
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ------------------------------------------------------------------------------- measure

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
  // Up to CONCURRENCY keep-alive connections to each instance (never more in flight).
  const http = httpClient(CONCURRENCY);
  const spawned: SpawnedInstance[] = [];
  let db: Database;
  if (fresh) {
    spawned.push(await spawnInstance(envFor(0)), await spawnInstance(envFor(1)));
    servers.push(...spawned);
    db = fresh.db;
  } else {
    const server = await startServer(loadEnv(envFor(0)), { logger: silent });
    servers.push(server);
    db = server.handle.db;
  }
  try {
    const { activityId, warmUpId, cookies } = await seed(db, secret);
    const urlOf = (i: number) => servers[i % servers.length]!.url;
    const meGet = (i: number) => http.send(`${urlOf(i)}/trpc/me.get`);
    const registerFor = (id: string) => (i: number) =>
      http.send(`${urlOf(i)}/trpc/registrations.register`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]!, origin: ORIGIN },
        body: JSON.stringify({ activityId: id }),
      });
    const register = registerFor(activityId);

    // A wrong cookie would turn every registration into a 401: check one first.
    const probe = (await (
      await fetch(`${urlOf(0)}/trpc/me.get`, { headers: { cookie: cookies[0]! } })
    ).json()) as { result?: { data?: { account?: unknown } } };
    if (!probe.result?.data?.account) throw new Error("the seeded session cookie was refused");

    // Warm-up: both paths, the registrations on an activity of their own (not counted).
    await burst(Math.min(N, 500), CONCURRENCY, meGet);
    await burst(Math.min(N, 500), CONCURRENCY, registerFor(warmUpId));
    // The warm-up's messages are delivered before the burst, which then pays only for its own.
    await outboxDrained(db);
    const bare = await burst(N, CONCURRENCY, meGet);
    await Promise.all(spawned.map((s) => s.profileStart()));
    const reg = await burst(N, CONCURRENCY, register);
    await Promise.all(spawned.map((s, i) => s.profileStop(`registration-instance-${i}`)));

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
      ...(fresh
        ? [
            `  target         ≥ ${TARGET_PER_SECOND}/s on PostgreSQL: ${regRate >= TARGET_PER_SECOND ? "met" : "NOT met"}`,
          ]
        : []),
      `  result         ${ok ? "PASS" : "FAIL"} (correctness: 0 overbooked, confirmed = C, no errors)`,
    ];
    const failed = reg.outcomes.find((o) => o.status !== 200);
    if (failed)
      lines.push(`  first error    ${failed.status} ${JSON.stringify(failed.body).slice(0, 300)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await http.close();
    for (const server of servers) await server.close();
    await fresh?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
