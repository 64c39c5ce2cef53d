// The role × procedure matrix: every procedure of the router declares a domain action, and
// for anonymous, member, organizer, admin and kiosk callers the API lets through exactly
// what the domain's can() table allows. A new procedure without an action fails here.

import { insertKioskDevice, insertLocations } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { ACTIONS, can } from "@readers/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/trpc/context.ts";
import { permissionSubject } from "../src/trpc/init.ts";
import { appRouter } from "../src/trpc/router.ts";
import { buildHarness, type Harness } from "./harness.ts";

type AnyProcedure = { _def: { meta?: { action?: string }; type: string } };
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
);

describe("every procedure declares a known action", () => {
  it.each(procedures.map(([path, p]) => [path, p._def.meta?.action]))(
    "%s → %s",
    (_path, action) => {
      expect(action).toBeDefined();
      expect(ACTIONS).toContain(action);
    },
  );
});

const [pglite] = testDrivers(null);
describe("role × procedure matrix", () => {
  let h: TestDatabase;
  let t: Harness;
  const actors: Record<string, Actor> = {};
  beforeAll(async () => {
    h = await pglite!.open();
    t = buildHarness(h);
    actors.anonymous = { kind: "anonymous" };
    actors.member = await t.person("Mia Member");
    actors.organizer = await t.person("Otto Organizer", "organizer");
    actors.admin = await t.person("Ada Admin", "admin");
    // A real device row: kiosk.today reads the device's own name.
    await insertLocations(h.db, [{ id: "central", name: "Central Library" }]);
    await insertKioskDevice(h.db, { id: "k1", name: "Entrance", locationId: "central" });
    actors.kiosk = { kind: "kiosk", deviceId: "k1", locationId: "central" };
  });
  afterAll(async () => {
    await h.close();
  });

  const cases = procedures.flatMap(([path, p]) =>
    ["anonymous", "member", "organizer", "admin", "kiosk"].map(
      (who) => [path, who, p._def.meta?.action ?? ""] as const,
    ),
  );

  it.each(cases)("%s as %s", async (path, who, action) => {
    const actor = actors[who]!;
    const allowed = can(permissionSubject(actor), action as (typeof ACTIONS)[number]);
    const caller = t.caller(actor) as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >;
    const [area, name] = path.split(".") as [string, string];
    let code: string | null = null;
    try {
      // `.call` because tRPC's proxy reads a trailing "apply"/"call" as invocation
      // (memberships.apply would otherwise call "memberships").
      await caller[area]![name]!.call(null, undefined);
    } catch (error) {
      code = error instanceof TRPCError ? error.code : "UNEXPECTED";
    }
    if (allowed)
      expect(["UNAUTHORIZED", "FORBIDDEN", "INTERNAL_SERVER_ERROR", "UNEXPECTED"]).not.toContain(
        code,
      );
    else expect(["UNAUTHORIZED", "FORBIDDEN"]).toContain(code);
  });
});
