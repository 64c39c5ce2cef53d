// Kiosk check-in throughput: N registered members check in to one activity through
// `kiosk.checkIn` over HTTP, from K paired kiosks with C requests in flight (default 50
// kiosks' worth), against one API instance — in this process on PGlite, in a process of its
// own on PostgreSQL when DATABASE_URL is set. The baseline, measured in the same run on the
// same server, is a bare tRPC call plus one drizzle select (`locations.list`). Prints
// check-ins/s, p50/p99, the ratio, and checks the database: every member checked in once,
// and re-sent client ids (an offline kiosk syncing) change nothing.
//
// Then a paced phase: each kiosk checks someone in once per interval (default every second:
// 50 check-ins/s offered), the latency a person at the door sees; the p99 target applies
// there, the throughput ratio to the burst.
//
// The burst and the baseline alternate in four rounds each.
//
//   pnpm bench:checkin [-- --n=2000 --kiosks=50 --concurrency=50 --interval-ms=1000 --rounds=10]
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadEnv, startServer } from "@readers/api";
import {
  activity,
  activityColumns,
  type Database,
  insertLocations,
  kioskDevice,
  queryRows,
  registration,
} from "@readers/db";
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
  percentile,
  type Reply,
  seedMembers,
  silent,
  spawnInstance,
} from "./lib.ts";

const { values: args } = parseArgs({
  args: benchArgs(),
  options: {
    n: { type: "string", default: "2000" },
    kiosks: { type: "string", default: "50" },
    concurrency: { type: "string", default: "50" },
    /** Paced phase: each kiosk checks someone in this often (a queue at the door). */
    "interval-ms": { type: "string", default: "1000" },
    rounds: { type: "string", default: "10" },
  },
});
const N = Number(args.n);
const KIOSKS = Number(args.kiosks);
const CONCURRENCY = Number(args.concurrency);
const INTERVAL_MS = Number(args["interval-ms"]);
const ROUNDS = Number(args.rounds);
/** Members checked in by the paced phase, after the N of the burst. */
const PACED = KIOSKS * ROUNDS;
const ORIGIN = "http://127.0.0.1:3000";
/** Baseline and check-in bursts alternate this many times. */
const ROUNDS_INTERLEAVED = 4;
/** Targets on PostgreSQL (issue 6). */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

/** N members registered (confirmed) for an activity whose check-in is open, and K kiosks. */
async function seed(db: Database) {
  const now = new Date();
  await insertLocations(db, [{ id: "bench-hall", name: "Bench Hall", address: null }]);
  const { memberIds, memberNumbers } = await seedMembers(db, N + PACED, { now });
  const input = ActivityCreateInputSchema.parse({
    kind: "lecture",
    title: "Benchmark lecture",
    // Started ten minutes ago, before the no-show deadline: everyone's seat is held.
    startsAt: new Date(now.getTime() - 10 * 60_000),
    endsAt: new Date(now.getTime() + 3 * 3_600_000),
    locationId: "bench-hall",
    capacity: N + PACED,
  });
  const activityId = randomUUID();
  await db
    .insert(activity)
    .values({ id: activityId, ...activityColumns(input), status: "published", publishedAt: now });
  for (let start = 0; start < N + PACED; start += 1000) {
    await db.insert(registration).values(
      memberIds.slice(start, start + 1000).map((memberId) => ({
        id: randomUUID(),
        activityId,
        memberId,
        status: "confirmed" as const,
        createdAt: now,
      })),
    );
  }
  const tokens = Array.from({ length: KIOSKS }, () => `rk_${randomBytes(32).toString("hex")}`);
  await db.insert(kioskDevice).values(
    tokens.map((token, i) => ({
      id: randomUUID(),
      name: `Bench kiosk ${i}`,
      locationId: "bench-hall",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      pairedAt: now,
    })),
  );
  // Fresh tables have no statistics yet; a live database has (autovacuum keeps them).
  await db.execute(sql`analyze`);
  return { activityId, memberNumbers, tokens };
}

/** Each of the K kiosks sends ROUNDS requests, one per INTERVAL_MS (open loop: a slow answer does not slow the door). */
async function pacedPhase(request: (i: number) => Promise<Reply>) {
  const outcomes: Outcome[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: KIOSKS }, async (_, k) => {
      // Kiosks start spread over one interval, as people arrive.
      const offset = (k * INTERVAL_MS) / KIOSKS;
      const sends: Promise<void>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const due = started + offset + round * INTERVAL_MS;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const t0 = performance.now();
        sends.push(
          request(round * KIOSKS + k).then(
            ({ status, body }) => {
              outcomes.push({ ms: performance.now() - t0, status, body });
            },
            (error) => {
              outcomes.push({ ms: performance.now() - t0, status: 0, body: String(error) });
            },
          ),
        );
      }
      await Promise.all(sends);
    }),
  );
  return outcomes;
}

async function main(): Promise<void> {
  const databaseUrl = loadEnv().DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), "readers-bench-"));
  const fresh = databaseUrl ? await openFreshPostgres(databaseUrl, 4) : undefined;
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: join(dataDir, "instance"),
    DATABASE_URL: fresh?.url ?? "",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    LOG_LEVEL: "error",
    ASSOCIATION_TIMEZONE: "Asia/Shanghai",
    PUBLIC_URL: ORIGIN,
  };
  // Keep-alive connections enough for the burst and for every kiosk of the paced phase.
  const http = httpClient(Math.max(CONCURRENCY, KIOSKS));
  let server: Instance;
  let db: Database;
  if (fresh) {
    server = await spawnInstance(env);
    db = fresh.db;
  } else {
    const inProcess = await startServer(loadEnv(env), { logger: silent });
    server = inProcess;
    db = inProcess.handle.db;
  }
  try {
    const { activityId, memberNumbers, tokens } = await seed(db);
    const clientIds = memberNumbers.map(() => randomUUID());
    const baseline = () => http.send(`${server.url}/trpc/locations.list`);
    const checkIn = (i: number) =>
      http.send(`${server.url}/trpc/kiosk.checkIn`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${tokens[i % tokens.length]}`,
        },
        body: JSON.stringify({
          activityId,
          credential: { memberNumber: memberNumbers[i] },
          clientId: clientIds[i],
        }),
      });

    await burst(200, CONCURRENCY, baseline); // warm-up
    // Baseline and check-ins alternate in rounds, so a passing load on the machine (other
    // processes, PostgreSQL's checkpoints) weighs on both alike rather than on one of them.
    const bare = { outcomes: [] as Outcome[], seconds: 0 };
    const checkins = { outcomes: [] as Outcome[], seconds: 0 };
    const per = Math.ceil(N / ROUNDS_INTERLEAVED);
    for (let start = 0; start < N; start += per) {
      const count = Math.min(per, N - start);
      const b = await burst(count, CONCURRENCY, baseline);
      bare.outcomes.push(...b.outcomes);
      bare.seconds += b.seconds;
      const c = await burst(count, CONCURRENCY, (i) => checkIn(start + i));
      checkins.outcomes.push(...c.outcomes);
      checkins.seconds += c.seconds;
    }
    // An offline kiosk syncing: a tenth of the requests again, with their client ids.
    const resent = await burst(Math.ceil(N / 10), CONCURRENCY, checkIn);
    // A queue at every door: each kiosk sends one check-in per interval (open loop).
    const paced = await pacedPhase((i) => checkIn(N + i));

    type Result = { result?: { data?: { outcome?: string } } };
    const outcomeOf = (o: { body: unknown }) => (o.body as Result)?.result?.data?.outcome;
    const checkedIn = checkins.outcomes.filter((o) => outcomeOf(o) === "CHECKED_IN").length;
    const errors = checkins.outcomes.filter((o) => o.status !== 200).length;
    const resentSame = resent.outcomes.filter((o) => outcomeOf(o) === "CHECKED_IN").length;
    const [row] = await queryRows<{ n: number | string; seats: number | string }>(
      db,
      sql`select count(*)::int as n, coalesce(sum(checked_in_seats), 0)::int as seats
          from registration where activity_id = ${activityId} and checked_in_at is not null`,
    );
    // Everyone of the burst and of the paced phase, once.
    const inDb = Number(row?.n ?? 0);
    const expected = N + PACED;
    const rate = N / checkins.seconds;
    const bareRate = N / bare.seconds;
    const ratio = rate / bareRate;
    const pacedP99 = percentile(
      paced.map((o) => o.ms),
      99,
    );
    const correct =
      paced.every((o) => o.status === 200) &&
      errors === 0 &&
      checkedIn === N &&
      inDb === expected &&
      Number(row?.seats) === expected &&
      resentSame === resent.outcomes.length;
    const meetsTargets = ratio >= TARGET_RATIO && pacedP99 <= TARGET_P99_MS;
    const driver = fresh
      ? `PostgreSQL ${await fresh.serverVersion()}, 1 API instance (own process)`
      : "PGlite (embedded), 1 API instance (this process)";
    const lines = [
      `kiosk check-in — ${driver}`,
      `  N = ${N} registered members, ${KIOSKS} kiosks, ${CONCURRENCY} requests in flight, loopback HTTP`,
      `  checked in       ${checkedIn} in the burst (in the database, with the paced phase: ${inDb} of ${expected})`,
      `  errors           ${errors}`,
      `  re-sent ids      ${resent.outcomes.length} answered as before, nothing counted twice: ${resentSame === resent.outcomes.length && inDb === expected ? "yes" : "NO"}`,
      `  check-ins        ${rate.toFixed(0)}/s   ${ms(checkins.outcomes.map((o) => o.ms))}`,
      `  paced            ${KIOSKS} kiosks × ${ROUNDS} check-ins, one per ${INTERVAL_MS} ms each (${((KIOSKS * 1000) / INTERVAL_MS).toFixed(0)}/s offered): ${ms(paced.map((o) => o.ms))}, errors ${paced.filter((o) => o.status !== 200).length}`,
      `  baseline         ${bareRate.toFixed(0)}/s   ${ms(bare.outcomes.map((o) => o.ms))}   (tRPC locations.list: one drizzle select)`,
      `  ratio            check-ins/s ÷ baseline/s = ${ratio.toFixed(2)}`,
      `  targets          ratio ≥ ${TARGET_RATIO} (burst), p99 ≤ ${TARGET_P99_MS} ms (paced) on PostgreSQL: ${meetsTargets ? "met" : "NOT met"}${fresh ? "" : " (PGlite: for information)"}`,
      `  result           ${correct ? "PASS" : "FAIL"}`,
    ];
    const failed = checkins.outcomes.find((o) => o.status !== 200);
    if (failed)
      lines.push(
        `  first error      ${failed.status} ${JSON.stringify(failed.body).slice(0, 300)}`,
      );
    process.stdout.write(`${lines.join("\n")}\n`);
    process.exitCode = correct ? 0 : 1;
  } finally {
    await http.close();
    await server.close();
    await fresh?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
