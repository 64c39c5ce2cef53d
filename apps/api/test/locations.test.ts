// Library locations: anyone sees them (the calendar shows venues); only admins change them.
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildHarness } from "./harness.ts";

describe.each(testDrivers(inject("databaseUrl")))("locations on $name", (driver) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("creates with readable ids, renames, lists for everyone, and refuses non-admins", async () => {
    const t = buildHarness(h);
    const admin = await t.person("Ada Admin", "admin");
    const organizer = await t.person("Otto Organizer", "organizer");
    const a = t.caller(admin).locations;
    expect(await a.save({ name: "Central Library", address: "1 Library Square" })).toEqual({
      id: "central-library",
      name: "Central Library",
      address: "1 Library Square",
    });
    expect((await a.save({ name: "Central Library!" })).id).toBe("central-library-2");
    expect((await a.save({ name: "中心图书馆" })).id).toBe("location");
    await a.save({ id: "central-library-2", name: "Campus Reading Room", address: "" });
    await expect(t.caller(organizer).locations.save({ name: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(a.save({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const listed = await t.caller({ kind: "anonymous" }).locations.list();
    expect(listed.map((l) => l.name)).toEqual([
      "Campus Reading Room",
      "Central Library",
      "中心图书馆",
    ]);
  });
});
