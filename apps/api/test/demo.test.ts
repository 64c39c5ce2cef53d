// `pnpm demo`'s data: created once, and every demo account can sign in.
import { countUsers } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from "../src/demo-data.ts";
import { buildHarness, trpcGet } from "./harness.ts";

const [pglite] = testDrivers(null);
describe("demo data", () => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await pglite!.open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("seeds a realistic association once, with accounts that sign in", async () => {
    expect(await seedDemo(h)).toBe(true);
    expect(await seedDemo(h)).toBe(false);
    expect(await countUsers(h.db)).toBe(DEMO_PEOPLE.length);
    const t = buildHarness(h);
    await t.worker.drain();
    const zh = DEMO_PEOPLE.find((p) => p.locale === "zh-CN")!;
    const cookie = await t.signIn(zh.email, DEMO_PASSWORD);
    const me = await trpcGet(t.app, "me.get", undefined, { cookie });
    expect(me.body.result.data.account).toMatchObject({
      name: zh.name,
      locale: "zh-CN",
      role: zh.role,
    });
    const inbox = await trpcGet(t.app, "notifications.list", { limit: 5 }, { cookie });
    expect(inbox.body.result.data.items).toEqual([expect.objectContaining({ kind: "welcome" })]);
    // Members hold memberships in every situation the screens show.
    const organizer = DEMO_PEOPLE.find((p) => p.role === "organizer")!;
    const staff = await t.signIn(organizer.email, DEMO_PASSWORD);
    const list = await trpcGet(t.app, "memberships.list", { pageSize: 100 }, { cookie: staff });
    const statuses = new Set(list.body.result.data.items.map((i: { status: string }) => i.status));
    expect([...statuses].sort()).toEqual(["active", "expired", "grace", "pending"]);
  });
});
