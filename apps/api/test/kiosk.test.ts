// The kiosk through the API: pairing with a one-time code, the device token (kiosk.* only,
// revocable), today's activities, check-in by number, card, registration and name, walk-ins,
// idempotent client ids (an offline queue re-sends), refusals with what the screen needs,
// the never-overbook guarantee under concurrent walk-ins, and live occupancy over SSE.
import { randomUUID } from "node:crypto";
import { createLiveBus, getMemberById, type LiveBus, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { signGuestPass } from "@readers/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { runKioskRequestPruning } from "../src/jobs/kiosk-requests.ts";
import { cardHmac, cardPayload } from "../src/members/card.ts";
import type { Actor } from "../src/trpc/context.ts";
import {
  anonymous,
  at,
  makeMember,
  NOW,
  publishedActivity,
  seedPlaces,
  type User,
} from "./activities-fixtures.ts";
import { buildHarness, type Harness, trpcGet, trpcPost } from "./harness.ts";

const code = (domainCode: string) => ({ cause: { domainCode } });
type Kiosk = Extract<Actor, { kind: "kiosk" }>;

describe.each(testDrivers(inject("databaseUrl")))("kiosk on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let bus: LiveBus;
  let admin: User;
  let organizer: User;
  let ann: User & { memberId: string };
  let bo: User & { memberId: string };
  let kiosk: Kiosk;
  let token: string;
  /** Published, at Central, check-in open now (starts in 30 min), 3 seats. */
  let lecture: string;

  beforeAll(async () => {
    h = await driver.open();
    bus = await createLiveBus(h);
  });
  afterAll(async () => {
    await bus.close();
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h, { live: bus });
    await seedPlaces(h.db);
    admin = await makeMember(h.db, "Ada Admin", "active", "admin");
    organizer = await makeMember(h.db, "Otto Organizer", "active", "organizer");
    ann = await makeMember(h.db, "Ann Lee");
    bo = await makeMember(h.db, "Bo Chen");
    lecture = await publishedActivity(
      t,
      organizer,
      {
        startsAt: at(0.5).toISOString(),
        endsAt: at(2).toISOString(),
        capacity: 3,
        maxPartySize: 3,
      },
      at(-48),
    );
    const paired = await t
      .caller(admin, NOW)
      .kiosk.pair({ name: "Entrance", locationId: "central" });
    const activated = await t
      .caller(anonymous, NOW)
      .kioskPairing.activate({ code: paired.pairingCode.toLowerCase() });
    token = activated.token;
    kiosk = { kind: "kiosk", deviceId: activated.device.id, locationId: "central" };
  });

  const k = (now = NOW) => t.caller(kiosk, now).kiosk;
  const pairAnother = async (locationId = "central") => {
    const paired = await t.caller(admin, NOW).kiosk.pair({ name: "Another", locationId });
    const activated = await t
      .caller(anonymous, NOW, `198.51.100.${Math.floor(Math.random() * 200)}`)
      .kioskPairing.activate({ code: paired.pairingCode });
    return { deviceId: activated.device.id, token: activated.token };
  };
  const numberOf = async (who: { memberId: string }) =>
    (await getMemberById(h.db, who.memberId))!.memberNumber;
  const checkIn = async (
    credential: Record<string, string>,
    options: { clientId?: string; activityId?: string; now?: Date; occurredAt?: string } = {},
  ) =>
    k(options.now).checkIn({
      activityId: options.activityId ?? lecture,
      credential: credential as never,
      clientId: options.clientId ?? randomUUID(),
      occurredAt: options.occurredAt as never,
    });
  const checkedInRows = () =>
    queryRows<{ id: string; member_id: string | null; walk_in: boolean; checked_in_seats: number }>(
      h.db,
      sql`select id, member_id, walk_in, checked_in_seats from registration
          where activity_id = ${lecture} and checked_in_at is not null order by created_at, id`,
    );
  const bearer = (value = token) => ({ authorization: `Bearer ${value}` });

  describe("pairing and the device token", () => {
    it("pairs once with a short-lived code; the admin sees the device and when it was last seen", async () => {
      const paired = await t
        .caller(admin, NOW)
        .kiosk.pair({ name: "Reading room", locationId: "campus" });
      expect(paired.pairingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(paired.pairingUrl).toBe(
        `http://localhost:3999/kiosk/?pair=${paired.pairingCode.replace("-", "")}`,
      );
      expect(paired.pairingQrSvg).toContain("<svg");
      expect(paired.device).toMatchObject({
        state: "pairing",
        locationName: "Campus Reading Room",
      });

      const activated = await t
        .caller(anonymous, NOW)
        .kioskPairing.activate({ code: paired.pairingCode });
      expect(activated.device).toMatchObject({ name: "Reading room", locationId: "campus" });
      await expect(
        t.caller(anonymous, NOW).kioskPairing.activate({ code: paired.pairingCode }),
      ).rejects.toMatchObject(code("PAIRING_CODE_INVALID"));

      const devices = await t.caller(admin, NOW).kiosk.devices();
      expect(devices.map((d) => [d.name, d.state])).toEqual([
        ["Entrance", "paired"],
        ["Reading room", "paired"],
      ]);
      expect(devices[1]!.lastSeenAt).not.toBeNull();
      // The token is kept only as a hash.
      const stored = await queryRows<{ token_hash: string }>(
        h.db,
        sql`select token_hash from kiosk_device where id = ${activated.device.id}`,
      );
      expect(stored[0]!.token_hash).not.toContain(activated.token);
      expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("refuses expired codes and bad input, and names the location that does not exist", async () => {
      const paired = await t.caller(admin, NOW).kiosk.pair({ name: "Late", locationId: "central" });
      await expect(
        t.caller(anonymous, at(0.26)).kioskPairing.activate({ code: paired.pairingCode }),
      ).rejects.toMatchObject(code("PAIRING_CODE_INVALID"));
      expect(
        (await t.caller(admin, at(0.26)).kiosk.devices()).find((d) => d.name === "Late")?.state,
      ).toBe("expired");
      await expect(
        t.caller(anonymous, NOW).kioskPairing.activate({ code: "SHORT" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(
        t.caller(admin, NOW).kiosk.pair({ name: " ", locationId: "central" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(
        t.caller(admin, NOW).kiosk.pair({ name: "Nowhere", locationId: "atlantis" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("lets the token call kiosk.* only, never a person's procedures, until revoked", async () => {
      const today = await trpcGet(t.app, "kiosk.today", undefined, bearer());
      expect(today.status).toBe(200);
      expect((await trpcGet(t.app, "me.get", undefined, bearer())).status).toBe(403);
      expect((await trpcGet(t.app, "kiosk.today", undefined, bearer("rk_forged"))).status).toBe(
        401,
      );

      // A member's session cannot call kiosk.*.
      await expect(t.caller(ann, NOW).kiosk.today()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        t.caller(organizer, NOW).kiosk.pair({ name: "x", locationId: "central" }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });

      const revoked = await t.caller(admin, NOW).kiosk.revoke({ deviceId: kiosk.deviceId });
      expect(revoked.state).toBe("revoked");
      expect((await trpcGet(t.app, "kiosk.today", undefined, bearer())).status).toBe(401);
      const audit = await queryRows<{ action: string }>(
        h.db,
        sql`select action from audit_log where target_type = 'kiosk' order by at, action`,
      );
      expect(audit.map((a) => a.action)).toEqual(["kiosk.pair", "kiosk.activate", "kiosk.revoke"]);
    });

    it("pairs many kiosks from one address; only failed attempts count towards the limit", async () => {
      for (let i = 0; i < 12; i++) {
        const paired = await t
          .caller(admin, NOW)
          .kiosk.pair({ name: `Kiosk ${i}`, locationId: "central" });
        await t
          .caller(anonymous, NOW, "203.0.113.50")
          .kioskPairing.activate({ code: paired.pairingCode });
      }
    });

    it("rate-limits pairing attempts per address", async () => {
      const attempt = () =>
        t.caller(anonymous, NOW, "203.0.113.9").kioskPairing.activate({ code: "ZZZZ-ZZZZ" });
      for (let i = 0; i < 10; i++)
        await expect(attempt()).rejects.toMatchObject(code("PAIRING_CODE_INVALID"));
      await expect(attempt()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    });
  });

  describe("the staff PIN", () => {
    it("is set by admins only, stored hashed, and opens the Needs-staff list at the kiosk", async () => {
      // None set: the list is open, and the kiosk is told so.
      expect((await k().today()).staffPinRequired).toBe(false);
      expect(await k().unlockStaff({ pin: "" })).toEqual({ unlocked: true });
      await expect(
        t.caller(organizer, NOW).kiosk.setStaffPin({ pin: "2468" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      for (const bad of ["123", "123456789", "12a4"]) {
        await expect(t.caller(admin, NOW).kiosk.setStaffPin({ pin: bad })).rejects.toMatchObject({
          code: "BAD_REQUEST",
        });
      }
      expect(await t.caller(admin, NOW).kiosk.setStaffPin({ pin: "2468" })).toEqual({ set: true });
      expect(await t.caller(admin, NOW).kiosk.staffPin()).toEqual({ set: true });
      const [stored] = await queryRows<{ value: string }>(
        h.db,
        sql`select value from instance_secret where name = 'kiosk_staff_pin'`,
      );
      expect(stored!.value).toMatch(/^scrypt\$/);
      expect(stored!.value).not.toContain("2468");
      expect((await k().today()).staffPinRequired).toBe(true);
      await expect(k().unlockStaff({ pin: "1357" })).rejects.toMatchObject(code("STAFF_PIN_WRONG"));
      expect(await k().unlockStaff({ pin: " 2468 " })).toEqual({ unlocked: true });
      // A person's session cannot ask, and cleared, the list is open again.
      await expect(t.caller(admin, NOW).kiosk.unlockStaff({ pin: "2468" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await t.caller(admin, NOW).kiosk.setStaffPin({ pin: null })).toEqual({ set: false });
      expect((await k().today()).staffPinRequired).toBe(false);
    });

    it("makes a kiosk wait after five wrong PINs, and only that kiosk", async () => {
      await t.caller(admin, NOW).kiosk.setStaffPin({ pin: "2468" });
      for (let i = 0; i < 5; i++) {
        await expect(k().unlockStaff({ pin: "0000" })).rejects.toMatchObject(
          code("STAFF_PIN_WRONG"),
        );
      }
      await expect(k().unlockStaff({ pin: "2468" })).rejects.toMatchObject({
        code: "TOO_MANY_REQUESTS",
      });
      const other: Kiosk = { ...kiosk, deviceId: (await pairAnother()).deviceId };
      expect(await t.caller(other, NOW).kiosk.unlockStaff({ pin: "2468" })).toEqual({
        unlocked: true,
      });
      // The window passes.
      expect(await k(new Date(NOW.getTime() + 11 * 60_000)).unlockStaff({ pin: "2468" })).toEqual({
        unlocked: true,
      });
    });

    it("lets no burst of guesses at once past the limit, per kiosk or for all kiosks", async () => {
      await t.caller(admin, NOW).kiosk.setStaffPin({ pin: "2468" });
      const guesses = Array.from({ length: 40 }, (_, i) => String(1000 + i));
      const results = await Promise.allSettled(guesses.map((pin) => k().unlockStaff({ pin })));
      const wrong = results.filter(
        (r) => r.status === "rejected" && r.reason?.cause?.domainCode === "STAFF_PIN_WRONG",
      );
      const limited = results.filter(
        (r) => r.status === "rejected" && r.reason?.code === "TOO_MANY_REQUESTS",
      );
      expect(wrong).toHaveLength(5);
      expect(limited).toHaveLength(35);
      await expect(k().unlockStaff({ pin: "2468" })).rejects.toMatchObject({
        code: "TOO_MANY_REQUESTS",
      });
      // Three more kiosks guess five each: twenty wrong PINs close every kiosk for a while.
      for (let n = 0; n < 3; n++) {
        const other: Kiosk = { ...kiosk, deviceId: (await pairAnother()).deviceId };
        for (let i = 0; i < 5; i++) {
          await expect(
            t.caller(other, NOW).kiosk.unlockStaff({ pin: "0000" }),
          ).rejects.toMatchObject(code("STAFF_PIN_WRONG"));
        }
      }
      const fresh: Kiosk = { ...kiosk, deviceId: (await pairAnother()).deviceId };
      await expect(t.caller(fresh, NOW).kiosk.unlockStaff({ pin: "2468" })).rejects.toMatchObject({
        code: "TOO_MANY_REQUESTS",
      });
    });
  });

  describe("today", () => {
    it("lists today's published activities at this location, with occupancy, and preselects the open one", async () => {
      await publishedActivity(
        t,
        organizer,
        { title: "Tomorrow", startsAt: at(24).toISOString(), endsAt: at(25).toISOString() },
        at(-48),
      );
      await publishedActivity(
        t,
        organizer,
        {
          title: "Elsewhere",
          locationId: "campus",
          startsAt: at(1).toISOString(),
          endsAt: at(2).toISOString(),
        },
        at(-48),
      );
      const evening = await publishedActivity(
        t,
        organizer,
        {
          title: "Evening club",
          startsAt: at(9).toISOString(),
          endsAt: at(10).toISOString(),
          capacity: null,
        },
        at(-48),
      );
      await t.caller(organizer, NOW).activities.create({
        kind: "lecture",
        title: "Draft",
        summary: "",
        description: "",
        locationId: "central",
        startsAt: at(3).toISOString(),
        endsAt: at(4).toISOString(),
        capacity: 5,
      } as never);
      const today = await k().today();
      expect(today.location).toEqual({ id: "central", name: "Central Library" });
      expect(today.device.name).toBe("Entrance");
      expect(today.activities.map((a) => [a.title, a.phase])).toEqual([
        ["On reading slowly", "open"],
        ["Evening club", "upcoming"],
      ]);
      expect(today.preselectedActivityId).toBe(lecture);
      expect(today.activities[0]!.occupancy).toEqual({
        activityId: lecture,
        checkedIn: 0,
        capacity: 3,
        free: 3,
      });
      expect(today.activities[1]!.occupancy).toMatchObject({
        activityId: evening,
        capacity: null,
        free: null,
      });
      expect(await k().occupancy({ activityIds: [evening] })).toHaveLength(1);
    });
  });

  describe("check-in", () => {
    it("checks in a registered member by number once; a repeat says when; a re-sent request is a no-op", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      const clientId = randomUUID();
      const first = await checkIn({ memberNumber: await numberOf(ann) }, { clientId });
      expect(first).toMatchObject({
        outcome: "CHECKED_IN",
        displayName: "Ann L.",
        seats: 1,
        activity: { id: lecture, title: "On reading slowly" },
        occupancy: { checkedIn: 1, capacity: 3, free: 2 },
      });
      const again = await checkIn({ memberNumber: await numberOf(ann) }, { now: at(0.1) });
      expect(again).toMatchObject({
        outcome: "ALREADY_CHECKED_IN",
        checkedInAt: first.checkedInAt,
        seats: 0,
      });
      const resent = await checkIn(
        { memberNumber: await numberOf(ann) },
        { clientId, now: at(0.2) },
      );
      expect(resent).toEqual(first);
      expect(await checkedInRows()).toHaveLength(1);
    });

    it("counts a member once when two kiosks scan the same card at the same moment", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      const number = await numberOf(ann);
      const results = await Promise.all(
        Array.from({ length: 6 }, () => checkIn({ memberNumber: number })),
      );
      const outcomes = results.map((r) => r.outcome).sort();
      expect(outcomes.filter((o) => o === "CHECKED_IN")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "ALREADY_CHECKED_IN")).toHaveLength(5);
      expect(new Set(results.map((r) => r.checkedInAt)).size).toBe(1);
      expect(await checkedInRows()).toHaveLength(1);
    });

    it("answers check-ins arriving together each for its own person (their reads share a query)", async () => {
      const activityId = await publishedActivity(
        t,
        organizer,
        { startsAt: at(0.5).toISOString(), endsAt: at(2).toISOString(), capacity: 10 },
        at(-48),
      );
      const people = [ann, bo];
      for (let i = 0; i < 3; i++) people.push(await makeMember(h.db, `Reader${i} Q`));
      for (const p of people) await t.caller(p, NOW).registrations.register({ activityId });
      // Ann arrived earlier; her kiosk re-sends that request among the new ones.
      const sentBefore = randomUUID();
      const annFirst = await checkIn(
        { memberNumber: await numberOf(ann) },
        { clientId: sentBefore, activityId },
      );
      const numbers = await Promise.all(people.map(numberOf));
      const results = await Promise.all([
        checkIn({ memberNumber: numbers[0]! }, { clientId: sentBefore, activityId }),
        ...numbers.slice(1).map((n) => checkIn({ memberNumber: n }, { activityId })),
        checkIn({ memberNumber: numbers[0]! }, { activityId }),
        checkIn({ memberNumber: "00000026" }, { activityId }).catch((e) => e.cause?.domainCode),
      ]);
      expect(results[0]).toEqual(annFirst);
      expect(results.slice(1, 5).map((r) => [r.outcome, r.displayName])).toEqual([
        ["CHECKED_IN", "Bo C."],
        ["CHECKED_IN", "Reader0 Q."],
        ["CHECKED_IN", "Reader1 Q."],
        ["CHECKED_IN", "Reader2 Q."],
      ]);
      expect(results[5]).toMatchObject({ outcome: "ALREADY_CHECKED_IN", displayName: "Ann L." });
      expect(results[6]).toBe("UNKNOWN_MEMBER");
      const [row] = await queryRows<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from registration
            where activity_id = ${activityId} and checked_in_at is not null`,
      );
      expect(row!.n).toBe(5);
    });

    it("checks in by card QR, refuses a replaced card and a forged one", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      const card = await cardPayload(await numberOf(ann), 1, t.services.cardKey);
      await t.caller(ann, NOW).memberships.reportLostCard();
      await expect(checkIn({ qr: card })).rejects.toMatchObject(code("CARD_REVOKED"));
      await expect(
        checkIn({ qr: await cardPayload(await numberOf(ann), 2, "someone-elses-key") }),
      ).rejects.toMatchObject(code("CARD_SIGNATURE_INVALID"));
      await expect(checkIn({ qr: "hello" })).rejects.toMatchObject(code("CARD_MALFORMED"));
      const ok = await checkIn({
        qr: await cardPayload(await numberOf(ann), 2, t.services.cardKey),
      });
      expect(ok.outcome).toBe("CHECKED_IN");
      // A scanner reading a printed member number works as well.
      expect((await checkIn({ qr: await numberOf(ann) })).outcome).toBe("ALREADY_CHECKED_IN");
    });

    it("registers and checks in a member without a booking in one step", async () => {
      const result = await checkIn({ memberNumber: await numberOf(bo) });
      expect(result).toMatchObject({ outcome: "WALK_IN_ACCEPTED", displayName: "Bo C.", seats: 1 });
      expect(await checkedInRows()).toEqual([
        expect.objectContaining({ member_id: bo.memberId, walk_in: true, checked_in_seats: 1 }),
      ]);
      const mine = await t.caller(bo, NOW).registrations.mine();
      expect(JSON.stringify(mine)).toContain(lecture);
    });

    it("checks a guest in with the pass from the manage page, into the guest's own activity", async () => {
      const other = await publishedActivity(
        t,
        organizer,
        { title: "Poetry hour", startsAt: at(0.25).toISOString(), endsAt: at(1).toISOString() },
        at(-48),
      );
      const booked = await t.caller(anonymous, NOW).registrations.register({
        activityId: other,
        guest: { name: "Gus Guest", email: "gus@example.org" },
      } as never);
      const pass = await signGuestPass(booked.registration.id, cardHmac(t.services.cardKey));
      const result = await checkIn({ qr: pass });
      expect(result).toMatchObject({
        outcome: "CHECKED_IN",
        displayName: "Gus G.",
        activity: { id: other },
      });
      // The manage link itself (which can cancel) is not a credential; a forged pass neither.
      await expect(checkIn({ qr: booked.manageUrl! })).rejects.toMatchObject(
        code("CARD_MALFORMED"),
      );
      await expect(
        checkIn({ qr: await signGuestPass(booked.registration.id, cardHmac("not-our-key")) }),
      ).rejects.toMatchObject(code("CARD_SIGNATURE_INVALID"));
    });

    it("refuses a guest's pass at another location's kiosk, saying where to go", async () => {
      const campus = await publishedActivity(
        t,
        organizer,
        { locationId: "campus", startsAt: at(0.25).toISOString(), endsAt: at(1).toISOString() },
        at(-48),
      );
      const booked = await t.caller(anonymous, NOW).registrations.register({
        activityId: campus,
        guest: { name: "Gus Guest", email: "gus@example.org" },
      } as never);
      const pass = await signGuestPass(booked.registration.id, cardHmac(t.services.cardKey));
      await expect(checkIn({ qr: pass })).rejects.toMatchObject({
        cause: { domainCode: "WRONG_LOCATION", details: { locationName: "Campus Reading Room" } },
      });
    });

    it("treats a member found by name as the member: a suspended one is refused", async () => {
      const sue = await makeMember(h.db, "Sue Spended");
      const reg = await t.caller(sue, NOW).registrations.register({ activityId: lecture });
      await h.db.execute(
        sql`update membership set suspended_at = ${NOW}, suspension_reason = 'test' where member_id = ${sue.memberId}`,
      );
      const [found] = await k().searchAttendees({ activityId: lecture, prefix: "Sue" });
      expect(found!.registrationId).toBe(reg.registration.id);
      await expect(checkIn({ registrationId: found!.registrationId })).rejects.toMatchObject(
        code("MEMBERSHIP_SUSPENDED"),
      );
      expect(await checkedInRows()).toEqual([]);
    });

    it("tells a kiosk to wait after many unknown cards or numbers", async () => {
      const other: Kiosk = { ...kiosk, deviceId: (await pairAnother()).deviceId };
      const unknown = () =>
        t.caller(other, NOW).kiosk.checkIn({
          activityId: lecture,
          credential: { memberNumber: "00000026" },
          clientId: randomUUID(),
        });
      for (let i = 0; i < 30; i++)
        await expect(unknown()).rejects.toMatchObject(code("UNKNOWN_MEMBER"));
      await expect(unknown()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
      // Counted in the database, so every instance the kiosk reaches sees the same count.
      const [counted] = await queryRows<{ count: number }>(
        h.db,
        sql`select count from rate_limit where key like ${`%unknownCredential%${other.deviceId}`}`,
      );
      expect(Number(counted?.count)).toBe(30);
      // Another kiosk is not affected.
      await expect(checkIn({ memberNumber: "00000026" })).rejects.toMatchObject(
        code("UNKNOWN_MEMBER"),
      );
    });

    // PGlite runs one transaction at a time; only PostgreSQL can interleave these.
    if (driver.name === "postgres")
      it("never leaves a cancelled registration checked in when a cancel races the kiosk", async () => {
        const hall = await publishedActivity(
          t,
          organizer,
          { startsAt: at(0.5).toISOString(), endsAt: at(2).toISOString(), capacity: 40 },
          at(-48),
        );
        const people = await Promise.all(
          Array.from({ length: 12 }, (_, i) => makeMember(h.db, `Racer Number${i}`)),
        );
        const regs: { registration: { id: string } }[] = [];
        for (const p of people) {
          regs.push(await t.caller(p, NOW).registrations.register({ activityId: hall }));
        }
        await Promise.all(
          people.flatMap((p, i) => [
            t
              .caller(p, NOW)
              .registrations.cancel({ registrationId: regs[i]!.registration.id })
              .catch((e: unknown) => e),
            numberOf(p).then((memberNumber) =>
              checkIn({ memberNumber }, { activityId: hall }).catch((e: unknown) => e),
            ),
          ]),
        );
        const [bad] = await queryRows<{ n: number }>(
          h.db,
          sql`select count(*)::int as n from registration
              where activity_id = ${hall} and status = 'cancelled' and checked_in_at is not null`,
        );
        expect(bad!.n).toBe(0);
        // Everyone ends either checked in (once) or cancelled.
        const rows = await queryRows<{ member_id: string; n: number }>(
          h.db,
          sql`select member_id, count(*) filter (where checked_in_at is not null)::int as n
              from registration where activity_id = ${hall} group by member_id`,
        );
        expect(rows.every((r) => r.n <= 1)).toBe(true);
      });

    it("forgets stored answers after a week", async () => {
      await k().walkIn({ activityId: lecture, clientId: "old-one", guest: { name: "Old Timer" } });
      expect(await runKioskRequestPruning(h.db, new Date(NOW.getTime() + 6 * 86_400_000))).toBe(0);
      expect(await runKioskRequestPruning(h.db, new Date(NOW.getTime() + 8 * 86_400_000))).toBe(1);
    });

    it("refuses a client id reused for another kind of request", async () => {
      const clientId = randomUUID();
      await k().walkIn({ activityId: lecture, clientId, guest: { name: "Wu Walker" } });
      await expect(
        checkIn({ memberNumber: await numberOf(bo) }, { clientId }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    });

    it("says what is wrong: unknown, suspended, not open yet (when), wrong location (where)", async () => {
      const sus = await makeMember(h.db, "Sue Spended", "suspended");
      await expect(checkIn({ memberNumber: "00000026" })).rejects.toMatchObject(
        code("UNKNOWN_MEMBER"),
      );
      await expect(checkIn({ memberNumber: await numberOf(sus) })).rejects.toMatchObject(
        code("MEMBERSHIP_SUSPENDED"),
      );
      const evening = await publishedActivity(
        t,
        organizer,
        { startsAt: at(9).toISOString(), endsAt: at(10).toISOString() },
        at(-48),
      );
      await expect(
        checkIn({ memberNumber: await numberOf(ann) }, { activityId: evening }),
      ).rejects.toMatchObject({
        cause: { domainCode: "CHECKIN_NOT_OPEN", details: { opensAt: at(8) } },
      });
      const campus = await publishedActivity(
        t,
        organizer,
        { locationId: "campus", startsAt: at(0.5).toISOString(), endsAt: at(2).toISOString() },
        at(-48),
      );
      await expect(
        checkIn({ memberNumber: await numberOf(ann) }, { activityId: campus }),
      ).rejects.toMatchObject({
        cause: {
          domainCode: "WRONG_LOCATION",
          details: { locationId: "campus", locationName: "Campus Reading Room" },
        },
      });
      await expect(checkIn({ memberNumber: "12345675" })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect(await checkedInRows()).toEqual([]);
    });

    it("ignores an offline time more than a day old or in the future", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      // Backdated into the window from two days later: decided at the server's time, closed.
      await expect(
        checkIn(
          { memberNumber: await numberOf(ann) },
          { now: at(49), occurredAt: at(1).toISOString() },
        ),
      ).rejects.toMatchObject(code("CHECKIN_CLOSED"));
      const future = await checkIn(
        { memberNumber: await numberOf(ann) },
        { occurredAt: at(1).toISOString() },
      );
      expect(future.checkedInAt).toBe(NOW.toISOString());
    });

    it("syncs an offline check-in as of when it happened, within a day", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      const during = at(1).toISOString();
      const late = await checkIn(
        { memberNumber: await numberOf(ann) },
        { now: at(3), occurredAt: during },
      );
      expect(late).toMatchObject({ outcome: "CHECKED_IN", checkedInAt: during });
      await expect(
        checkIn(
          { memberNumber: await numberOf(bo) },
          { now: at(3), occurredAt: at(3.5).toISOString() },
        ),
      ).rejects.toMatchObject(code("CHECKIN_CLOSED"));
    });
  });

  describe("walk-ins and name search", () => {
    it("accepts walk-in guests while seats are free and refuses them when full", async () => {
      await t.caller(ann, NOW).registrations.register({ activityId: lecture });
      const walkIn = (name: string, partySize = 1) =>
        k().walkIn({ activityId: lecture, clientId: randomUUID(), partySize, guest: { name } });
      expect(await walkIn("Wanda Walker")).toMatchObject({
        outcome: "WALK_IN_ACCEPTED",
        displayName: "Wanda W.",
        occupancy: { checkedIn: 1, free: 1 },
      });
      // Ann's seat is held until 15 minutes after the start.
      await expect(walkIn("Party of two", 2)).rejects.toMatchObject({
        cause: { domainCode: "NOT_REGISTERED_AND_FULL", details: { freeSeats: 1 } },
      });
      expect((await walkIn("Will Walker")).outcome).toBe("WALK_IN_ACCEPTED");
      await expect(walkIn("Too Late")).rejects.toMatchObject(code("NOT_REGISTERED_AND_FULL"));
      await expect(
        k().walkIn({
          activityId: lecture,
          clientId: randomUUID(),
          guest: { name: "Eve", email: "eve@example.org" },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const rows = await queryRows<{ guest_email: string | null }>(
        h.db,
        sql`select guest_email from registration where guest_name is not null`,
      );
      expect(rows).toEqual([{ guest_email: null }, { guest_email: null }]);
    });

    it("keeps a walk-in's e-mail only with consent, and never says an address has booked", async () => {
      await t.caller(anonymous, NOW).registrations.register({
        activityId: lecture,
        guest: { name: "Gus Guest", email: "gus@example.org" },
      } as never);
      const walkIn = (email: string) =>
        k().walkIn({
          activityId: lecture,
          clientId: randomUUID(),
          guest: { name: "Someone", email, consent: true },
        });
      expect((await walkIn("gus@example.org")).outcome).toBe("WALK_IN_ACCEPTED");
      expect((await walkIn("new@example.org")).outcome).toBe("WALK_IN_ACCEPTED");
      const rows = await queryRows<{ guest_email: string | null }>(
        h.db,
        sql`select guest_email from registration where walk_in order by guest_email nulls first`,
      );
      expect(rows.map((r) => r.guest_email)).toEqual([null, "new@example.org"]);
    });

    it("finds registered people by name prefix, shown as first name + initial, at most five", async () => {
      for (const name of [
        "Anna Zhang",
        "Annie Wu",
        "Andrew Li",
        "Annika Berg",
        "Annabel Ho",
        "Annette Roe",
      ]) {
        const m = await makeMember(h.db, name);
        await t
          .caller(m, NOW)
          .registrations.register({ activityId: lecture })
          .catch(() => {});
      }
      await t
        .caller(anonymous, NOW)
        .registrations.register({
          activityId: lecture,
          guest: { name: "王小明", email: "wang@example.org" },
        } as never)
        .catch(() => {});
      // Capacity 3: the rest are waitlisted, still findable (they may walk in).
      const found = await k().searchAttendees({ activityId: lecture, prefix: "ann" });
      expect(found.length).toBe(5);
      expect(found.every((f) => /^Ann\w* [A-Z]\.$/.test(f.displayName))).toBe(true);
      expect(JSON.stringify(found)).not.toContain("Zhang");
      await expect(
        k().searchAttendees({ activityId: lecture, prefix: "an" }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      const byRegistration = await checkIn({ registrationId: found[0]!.registrationId });
      expect(["CHECKED_IN", "WALK_IN_ACCEPTED"]).toContain(byRegistration.outcome);
      expect(await k().searchAttendees({ activityId: lecture, prefix: "Bo C" })).toEqual([]);
    });

    it("never seats more walk-ins than capacity when 12 race for 3 seats", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          k().walkIn({
            activityId: lecture,
            clientId: randomUUID(),
            guest: { name: `Racer ${i}` },
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      for (const r of results) {
        if (r.status === "rejected")
          expect(r.reason).toMatchObject(code("NOT_REGISTERED_AND_FULL"));
      }
      expect(await checkedInRows()).toHaveLength(3);
    });

    it("acts once when the same client id arrives twice at the same moment", async () => {
      const clientId = randomUUID();
      const send = () =>
        k().walkIn({ activityId: lecture, clientId, guest: { name: "Dee Double" } });
      const [a, b] = await Promise.all([send(), send()]);
      expect(a).toEqual(b);
      expect(await checkedInRows()).toHaveLength(1);
    });
  });

  describe("live occupancy", () => {
    /** Reads server-sent events one at a time (comments such as pings are skipped). */
    function sse(res: Response) {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      return {
        async next(): Promise<{ event: string; data: unknown }> {
          for (;;) {
            const end = buffer.indexOf("\n\n");
            if (end >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event && data) return { event, data: JSON.parse(data) };
              continue;
            }
            const { value, done } = await reader.read();
            if (done) throw new Error("stream ended");
            buffer += decoder.decode(value, { stream: true });
          }
        },
        cancel: () => reader.cancel(),
      };
    }

    // HTTP requests and streams read the real clock: an activity that started 10 minutes ago
    // and runs two hours is "today" and open for check-in whenever the test runs.
    const liveActivity = async () => {
      const now = Date.now();
      return publishedActivity(
        t,
        organizer,
        {
          startsAt: new Date(now - 600_000).toISOString(),
          endsAt: new Date(now + 7_200_000).toISOString(),
          capacity: 3,
          maxPartySize: 3,
        },
        new Date(now - 48 * 3_600_000),
      );
    };

    it("streams today's occupancy to the kiosk, then every check-in, then its revocation", async () => {
      const lecture = await liveActivity();
      const res = await t.app.request("/events/kiosk", { headers: bearer() });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const stream = sse(res);
      expect(await stream.next()).toEqual({
        event: "occupancy",
        data: { activityId: lecture, checkedIn: 0, capacity: 3, free: 3 },
      });
      // Through HTTP, as a kiosk would; the live bus carries the committed change.
      const posted = await trpcPost(
        t.app,
        "kiosk.walkIn",
        { activityId: lecture, clientId: randomUUID(), guest: { name: "Lou Live" } },
        bearer(),
      );
      expect(posted.status).toBe(200);
      expect(await stream.next()).toEqual({
        event: "occupancy",
        data: { activityId: lecture, checkedIn: 1, capacity: 3, free: 2 },
      });
      // A booked member (the unlocked path) and the organizer's roster check-in reach it too.
      const before = new Date(Date.now() - 3_600_000);
      await t.caller(bo, before).registrations.register({ activityId: lecture });
      const reg = await t.caller(ann, before).registrations.register({ activityId: lecture });
      const booked = await trpcPost(
        t.app,
        "kiosk.checkIn",
        {
          activityId: lecture,
          clientId: randomUUID(),
          credential: { memberNumber: await numberOf(bo) },
        },
        bearer(),
      );
      expect(booked.body).toMatchObject({ result: { data: { outcome: "CHECKED_IN" } } });
      expect(await stream.next()).toMatchObject({ event: "occupancy", data: { checkedIn: 2 } });
      await t
        .caller(organizer, new Date())
        .activities.checkIn({ registrationId: reg.registration.id });
      expect(await stream.next()).toMatchObject({
        event: "occupancy",
        data: { checkedIn: 3, free: 0 },
      });
      await t.caller(admin, NOW).kiosk.revoke({ deviceId: kiosk.deviceId });
      expect(await stream.next()).toEqual({ event: "revoked", data: {} });
      await stream.cancel();
    });

    it("streams one activity's occupancy to staff on the roster", async () => {
      const lecture = await liveActivity();
      const cookie = await t.signIn((await t.person("Rita Roster", "organizer")).email);
      const res = await t.app.request(`/events/activities/${lecture}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const stream = sse(res);
      expect(await stream.next()).toMatchObject({ data: { activityId: lecture, checkedIn: 0 } });
      await trpcPost(
        t.app,
        "kiosk.walkIn",
        { activityId: lecture, clientId: randomUUID(), guest: { name: "Lou Live" }, partySize: 2 },
        bearer(),
      );
      expect(await stream.next()).toMatchObject({
        data: { activityId: lecture, checkedIn: 2, free: 1 },
      });
      await stream.cancel();
    });

    it("refuses the streams without a valid token, and the roster stream without staff", async () => {
      expect((await t.app.request("/events/kiosk")).status).toBe(401);
      expect((await t.app.request("/events/kiosk", { headers: bearer("rk_nope") })).status).toBe(
        401,
      );
      expect((await t.app.request(`/events/activities/${lecture}`)).status).toBe(401);
      const member = await t.signIn((await t.person("Mo Member")).email);
      expect(
        (await t.app.request(`/events/activities/${lecture}`, { headers: { cookie: member } }))
          .status,
      ).toBe(403);
    });
  });
});
