// `pnpm demo`'s activities: a dozen around today, each valid, none overbooked, every state
// the calendar and the organizer screens show.
import { insertKioskDevice, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "../src/demo-data.ts";
import { buildHarness, trpcGet } from "./harness.ts";

const [pglite] = testDrivers(null);
describe("demo activities", () => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await pglite!.open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("seeds activities of every kind and state, with registrations that fit", async () => {
    const now = new Date();
    expect(await seedDemo(h, now)).toBe(true);
    const t = buildHarness(h);
    const organizer = DEMO_PEOPLE.find((p) => p.role === "organizer")!;
    const cookie = await t.signIn(organizer.email, DEMO_PASSWORD);
    const all = await trpcGet(
      t.app,
      "activities.list",
      {
        from: new Date(now.getTime() - 60 * 86_400_000).toISOString(),
        to: new Date(now.getTime() + 60 * 86_400_000).toISOString(),
        limit: 100,
      },
      { cookie },
    );
    const items = all.body.result.data.items as {
      kind: string;
      status: string;
      phase: string;
      registrationState: string;
      seatsLeft: number | null;
      waitlistCount: number;
      title: string;
    }[];
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set([
        "lecture",
        "reading_club",
        "exhibition",
        "forum",
        "workshop",
        "reading_promotion",
        "other",
      ]),
    );
    expect(new Set(items.map((i) => i.phase))).toEqual(
      new Set(["ended", "ongoing", "upcoming", "draft", "cancelled"]),
    );
    expect(items.map((i) => i.registrationState)).toEqual(
      expect.arrayContaining(["open", "walk_in_only", "not_yet_open", "unavailable"]),
    );
    expect(items.some((i) => i.seatsLeft === 0 && i.waitlistCount > 0)).toBe(true);
    expect(items.some((i) => /[\u4e00-\u9fff]/.test(i.title))).toBe(true);
    const [over] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from activity a where a.capacity is not null and a.capacity <
        (select coalesce(sum(party_size), 0) from registration r where r.activity_id = a.id and r.status = 'confirmed')`,
    );
    expect(over!.n).toBe(0);
    // The reading club's attendance report has members part way to completion.
    const [series] = await queryRows<{ id: string }>(h.db, sql`select id from activity_series`);
    const report = await trpcGet(
      t.app,
      "activities.attendance",
      { seriesId: series!.id },
      { cookie },
    );
    expect(report.body.result.data.members.length).toBeGreaterThan(0);
    expect(report.body.result.data.activities).toHaveLength(6);

    // A kiosk at the Central Library has something to check in to on the demo's first day.
    await insertKioskDevice(h.db, { id: "demo-kiosk", name: "Entrance", locationId: "central" });
    const today = await t
      .caller({ kind: "kiosk", deviceId: "demo-kiosk", locationId: "central" }, now)
      .kiosk.today();
    expect(today.activities.map((a) => a.title)).toContain("阅读角 · Reading corner drop-in");
  });
});
