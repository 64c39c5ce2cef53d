// First start: settings and exactly one admin whose printed password works; later starts
// change nothing.
import { countUsers, getAssociationSettings } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bootstrap, resolveAuthSecret } from "../src/bootstrap.ts";
import { buildHarness, json } from "./harness.ts";

describe.each(testDrivers(inject("databaseUrl")))("first start on $name", (driver) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("creates the settings and one admin once, even when started twice at once", async () => {
    const options = {
      associationName: "Campus Readers",
      timezone: "Asia/Shanghai",
      adminEmail: "admin@readers.local",
    };
    const [a, b] = await Promise.all([bootstrap(h.db, options), bootstrap(h.db, options)]);
    const admins = [a.admin, b.admin].filter(Boolean);
    expect(admins).toHaveLength(1);
    expect(await countUsers(h.db)).toBe(1);
    expect(await getAssociationSettings(h.db)).toMatchObject({
      name: "Campus Readers",
      timezone: "Asia/Shanghai",
    });
    expect(await bootstrap(h.db, options)).toEqual({});

    const t = buildHarness(h);
    const cookie = await t.signIn("admin@readers.local", admins[0]!.password);
    const me = await t.app.request("/trpc/me.get", { headers: { cookie } });
    expect((await json(me)).result.data.account.role).toBe("admin");
  });

  it("keeps one generated auth secret for every instance, unless the environment gives one", async () => {
    const first = await resolveAuthSecret(h.db, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await resolveAuthSecret(h.db, undefined)).toBe(first);
    expect(await resolveAuthSecret(h.db, "x".repeat(40))).toBe("x".repeat(40));
  });
});
