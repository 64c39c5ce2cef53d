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
    // Books: members' copies and both shelves, found by English and by two Chinese characters.
    const books = await trpcGet(t.app, "books.search", { text: "gats" }, { cookie });
    expect(books.body.result.data.items[0].book.title).toBe("The Great Gatsby");
    const zhBooks = await trpcGet(t.app, "books.search", { text: "世界" }, { cookie });
    expect(zhBooks.body.result.data.items[0].book.title).toBe("平凡的世界");
    const shelf = await trpcGet(
      t.app,
      "books.myCopies",
      { shelfLocationId: "central" },
      { cookie: staff },
    );
    expect(shelf.body.result.data.items.length).toBeGreaterThan(3);
    const ingrid = await t.signIn("ingrid@demo.readers.local", DEMO_PASSWORD);
    const loans = await trpcGet(t.app, "loans.mine", undefined, { cookie: ingrid });
    const mine = loans.body.result.data;
    expect(mine.asOwner.map((l: { state: string }) => l.state)).toEqual(["on_loan"]);
    expect(mine.asBorrower.map((l: { overdue: boolean }) => l.overdue)).toEqual([true]);
  });
});
