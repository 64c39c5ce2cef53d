// Registration end to end through the API: every refusal code, parties confirmed or
// waitlisted as a whole, waitlist promotion in order, late cancellations, no-show penalty,
// guests with manage links, privacy between members, and the never-overbook guarantee
// under concurrency (on PostgreSQL from two connection pools, as two API instances).
import { createDb, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { registrantOf } from "../src/activities/notify.ts";
import { submitRegistration } from "../src/activities/registration-batches.ts";
import { silentLogger } from "../src/logger.ts";
import { createContextInner } from "../src/trpc/context.ts";
import { appRouter } from "../src/trpc/router.ts";
import {
  activityInput,
  anonymous,
  at,
  makeMember,
  NOW,
  publishedActivity,
  seedPlaces,
  type User,
} from "./activities-fixtures.ts";
import { buildHarness, type Harness } from "./harness.ts";

const code = (domainCode: string) => ({ cause: { domainCode } });

describe.each(testDrivers(inject("databaseUrl")))("registrations on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let organizer: User;
  let ann: User;
  let bo: User;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h);
    await seedPlaces(h.db);
    organizer = await makeMember(h.db, "Otto Organizer", "active", "organizer");
    ann = await makeMember(h.db, "Ann Lee");
    bo = await makeMember(h.db, "Bo Chen");
  });
  const register = (who: User | typeof anonymous, input: Record<string, unknown>, now = NOW) =>
    t.caller(who, now).registrations.register(input as never);
  const outbox = (kind: string) =>
    queryRows<{
      channel: string;
      to_email: string | null;
      user_id: string | null;
      payload: Record<string, unknown>;
    }>(
      h.db,
      sql`select channel, to_email, user_id, payload from outbox where kind = ${kind} order by id`,
    );

  it("confirms a member, tells them, and shows the registration on the activity", async () => {
    const id = await publishedActivity(t, organizer);
    const result = await register(ann, { activityId: id });
    expect(result.registration).toMatchObject({
      status: "confirmed",
      partySize: 1,
      waitlistPosition: null,
      attendance: "expected",
      cancellation: { allowed: true, late: false },
    });
    expect(result.manageToken).toBeNull();
    const mail = await outbox("registration_confirmed");
    expect(mail.map((m) => m.channel).sort()).toEqual(["email", "in_app"]);
    expect(mail[0]!.payload).toMatchObject({
      title: "On reading slowly",
      location: "Central Library",
    });
    const page = await t.caller(ann, NOW).activities.get({ id });
    expect(page).toMatchObject({ confirmedSeats: 1, seatsLeft: 9, waitlistCount: 0 });
    expect(page.myRegistration?.id).toBe(result.registration.id);
    expect(page.myStanding).toEqual({ membershipStatus: "active", noShowPenaltyUntil: null });
  });

  it("reaches every registration refusal through the API", async () => {
    const o = t.caller(organizer, NOW).activities;
    const draft = (await o.create(activityInput() as never)).id;
    await expect(register(ann, { activityId: draft })).rejects.toMatchObject({
      code: "NOT_FOUND",
      ...code("ACTIVITY_NOT_PUBLISHED"),
    });
    const cancelled = await publishedActivity(t, organizer);
    await o.cancel({ id: cancelled });
    await expect(register(ann, { activityId: cancelled })).rejects.toMatchObject(
      code("ACTIVITY_CANCELLED"),
    );
    const past = await publishedActivity(t, organizer, {
      startsAt: at(1).toISOString(),
      endsAt: at(2).toISOString(),
    });
    await expect(register(ann, { activityId: past }, at(3))).rejects.toMatchObject(
      code("ACTIVITY_ENDED"),
    );
    await expect(register(ann, { activityId: past }, at(1.5))).rejects.toMatchObject(
      code("REGISTRATION_CLOSED"),
    );
    const later = await publishedActivity(t, organizer, { opensAt: at(24).toISOString() });
    await expect(register(ann, { activityId: later })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      ...code("REGISTRATION_NOT_OPEN"),
    });
    const walkIn = await publishedActivity(t, organizer, {
      registration: "none",
      kind: "exhibition",
    });
    await expect(register(ann, { activityId: walkIn })).rejects.toMatchObject(code("WALK_IN_ONLY"));
    const membersOnly = await publishedActivity(t, organizer, { audience: "members" });
    await expect(
      register(anonymous, {
        activityId: membersOnly,
        guest: { name: "Gus", email: "gus@example.org" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", ...code("MEMBERS_ONLY") });
    const expired = await makeMember(h.db, "Eve Expired", "expired");
    await expect(register(expired, { activityId: membersOnly })).rejects.toMatchObject(
      code("MEMBERSHIP_INACTIVE"),
    );
    const suspended = await makeMember(h.db, "Sue Suspended", "suspended");
    const open = await publishedActivity(t, organizer, { maxPartySize: 3, capacity: 4 });
    await expect(register(suspended, { activityId: open })).rejects.toMatchObject(
      code("MEMBERSHIP_INACTIVE"),
    );
    // Expired members may still come to public activities.
    expect((await register(expired, { activityId: open })).registration.status).toBe("confirmed");
    await register(ann, { activityId: open });
    await expect(register(ann, { activityId: open })).rejects.toMatchObject({
      code: "CONFLICT",
      ...code("ALREADY_REGISTERED"),
    });
    await expect(register(bo, { activityId: open, partySize: 4 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      ...code("PARTY_TOO_LARGE"),
    });
    const noWaitlist = await publishedActivity(t, organizer, {
      capacity: 1,
      waitlistEnabled: false,
    });
    await register(ann, { activityId: noWaitlist });
    await expect(register(bo, { activityId: noWaitlist })).rejects.toMatchObject(
      code("ACTIVITY_FULL"),
    );
    const stranger = await makeMember(h.db, "Nat NoMember", "none");
    expect((await register(stranger, { activityId: open })).registration.status).toBe("confirmed");
    await expect(register(anonymous, { activityId: open })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(register(ann, { activityId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(register(ann, { activityId: open, partySize: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("confirms or waitlists a party as a whole, and promotes in order, skipping but keeping places", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 5, maxPartySize: 4 });
    const cy = await makeMember(h.db, "Cy Wu");
    const di = await makeMember(h.db, "Di Ma");
    const first = await register(ann, { activityId: id, partySize: 4 }); // 4 of 5
    const big = await register(bo, { activityId: id, partySize: 2 }, at(0.1)); // does not fit
    const small = await register(cy, { activityId: id, partySize: 1 }, at(0.2)); // fits
    const late = await register(di, { activityId: id, partySize: 3 }, at(0.3));
    expect([first, big, small, late].map((r) => r.registration.status)).toEqual([
      "confirmed",
      "waitlisted",
      "confirmed",
      "waitlisted",
    ]);
    expect(big.registration.waitlistPosition).toBe(1);
    expect(late.registration.waitlistPosition).toBe(2);
    // Cy leaves: 1 seat free; Bo's party of 2 does not fit and keeps first place.
    const cancelled = await t
      .caller(cy, at(1))
      .registrations.cancel({ registrationId: small.registration.id });
    expect(cancelled.promoted).toBe(0);
    expect(
      (await t.caller(bo, at(1)).activities.get({ id })).myRegistration?.waitlistPosition,
    ).toBe(1);
    // Ann leaves: 5 free; Bo (2) then Di (3) move up, in order, and are told.
    const after = await t
      .caller(ann, at(2))
      .registrations.cancel({ registrationId: first.registration.id });
    expect(after.promoted).toBe(2);
    const page = await t.caller(organizer, at(2)).activities.get({ id });
    expect(page).toMatchObject({ confirmedSeats: 5, seatsLeft: 0, waitlistCount: 0 });
    const promoted = await outbox("waitlist_promoted");
    expect(promoted.filter((m) => m.channel === "in_app").map((m) => m.user_id)).toEqual([
      bo.userId,
      di.userId,
    ]);
  });

  it("marks cancellations after the cutoff late, refuses cancelling twice, after the start or after check-in", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 1 });
    const a = await register(ann, { activityId: id });
    const b = await register(bo, { activityId: id });
    expect(b.registration.status).toBe("waitlisted");
    // 72 h ahead, cutoff 120 min: one hour before the start is late.
    const lateNow = at(71);
    const view = await t.caller(ann, lateNow).activities.get({ id });
    expect(view.myRegistration?.cancellation).toEqual({ allowed: true, late: true, refusal: null });
    const cancelled = await t
      .caller(ann, lateNow)
      .registrations.cancel({ registrationId: a.registration.id });
    expect(cancelled.registration).toMatchObject({
      status: "cancelled",
      lateCancellation: true,
      attendance: "late_cancellation",
    });
    expect(cancelled.promoted).toBe(1);
    await expect(
      t.caller(ann, lateNow).registrations.cancel({ registrationId: a.registration.id }),
    ).rejects.toMatchObject(code("REGISTRATION_ALREADY_CANCELLED"));
    await expect(
      t.caller(bo, at(72.5)).registrations.cancel({ registrationId: b.registration.id }),
    ).rejects.toMatchObject(code("ACTIVITY_STARTED"));
    await t.caller(organizer, at(71.5)).activities.checkIn({ registrationId: b.registration.id });
    await expect(
      t.caller(bo, at(71.6)).registrations.cancel({ registrationId: b.registration.id }),
    ).rejects.toMatchObject(code("ALREADY_ATTENDED"));
  });

  it("waitlists a member with three no-shows in 90 days, or refuses without a waitlist", async () => {
    // Three past activities Ann booked and did not attend.
    for (const hoursAgo of [-700, -500, -300]) {
      const id = await publishedActivity(
        t,
        organizer,
        { startsAt: at(hoursAgo).toISOString(), endsAt: at(hoursAgo + 1).toISOString() },
        at(hoursAgo - 48),
      );
      await register(ann, { activityId: id }, at(hoursAgo - 24));
    }
    const id = await publishedActivity(t, organizer);
    const result = await register(ann, { activityId: id });
    expect(result.registration.status).toBe("waitlisted");
    expect(result.waitlistReason).toBe("no_show_penalty");
    // Three strikes within 90 days: waitlist only until 30 days after the last one.
    expect((await t.caller(ann, NOW).activities.get({ id })).myStanding?.noShowPenaltyUntil).toBe(
      new Date(at(-300).getTime() + 30 * 86_400_000).toISOString(),
    );
    const strict = await publishedActivity(t, organizer, { waitlistEnabled: false });
    await expect(register(ann, { activityId: strict })).rejects.toMatchObject({
      code: "FORBIDDEN",
      ...code("NO_SHOW_PENALTY"),
    });
    // Unlimited activities are not affected.
    const open = await publishedActivity(t, organizer, { capacity: null });
    expect((await register(ann, { activityId: open })).registration.status).toBe("confirmed");
  });

  it("lets a guest register with name and e-mail, view and cancel through the manage link", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 3, maxPartySize: 2 });
    const guest = { name: "Gus Guest", email: "Gus@Example.org" };
    const result = await register(anonymous, { activityId: id, guest, partySize: 2 });
    expect(result.registration).toMatchObject({ status: "confirmed", kind: "guest", partySize: 2 });
    expect(result.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.manageUrl).toBe(
      `http://localhost:3999/registrations/manage?token=${result.manageToken}`,
    );
    // The token is stored only as a hash.
    const [stored] = await queryRows<{ manage_token_hash: string; guest_email: string }>(
      h.db,
      sql`select manage_token_hash, guest_email from registration where id = ${result.registration.id}`,
    );
    expect(stored!.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.manage_token_hash).not.toContain(result.manageToken!);
    expect(stored!.guest_email).toBe("gus@example.org");
    // E-mail only, with the manage link.
    const mail = await outbox("registration_confirmed");
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ channel: "email", to_email: "gus@example.org", user_id: null });
    expect(mail[0]!.payload.manageUrl).toBe(result.manageUrl);
    await expect(
      register(anonymous, { activityId: id, guest: { ...guest, email: "gus@example.org" } }),
    ).rejects.toMatchObject(code("ALREADY_REGISTERED"));

    const managed = await t
      .caller(anonymous, NOW)
      .registrations.manage({ token: result.manageToken! });
    expect(managed).toMatchObject({
      guestName: "Gus Guest",
      registration: { id: result.registration.id, status: "confirmed" },
      activity: { id, confirmedSeats: 2 },
    });
    // A QR of the manage link, which the kiosk camera accepts as a check-in credential.
    expect(managed.checkInQrSvg).toContain("<svg");
    await expect(
      t.caller(anonymous, NOW).registrations.manage({ token: "x".repeat(43) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.caller(anonymous, NOW).registrations.cancel({
        registrationId: result.registration.id,
        manageToken: "wrong-token",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.caller(anonymous, NOW).registrations.cancel({ registrationId: result.registration.id }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const cancelled = await t.caller(anonymous, NOW).registrations.cancel({
      registrationId: result.registration.id,
      manageToken: result.manageToken!,
    });
    expect(cancelled.registration.status).toBe("cancelled");
    // Cancelled: the same e-mail may register again.
    expect((await register(anonymous, { activityId: id, guest })).registration.status).toBe(
      "confirmed",
    );
  });

  it("keeps members' registrations private to them (and organizers)", async () => {
    const id = await publishedActivity(t, organizer);
    const mine = await register(ann, { activityId: id });
    const boView = await t.caller(bo, NOW).registrations.mine();
    expect(boView.upcoming).toEqual([]);
    expect((await t.caller(bo, NOW).activities.get({ id })).myRegistration).toBeNull();
    await expect(
      t.caller(bo, NOW).registrations.cancel({ registrationId: mine.registration.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An organizer may cancel on the member's behalf, and it is audited.
    await t.caller(organizer, NOW).registrations.cancel({ registrationId: mine.registration.id });
    const [audit] = await queryRows<{ action: string }>(
      h.db,
      sql`select action from audit_log where action = 'registration.cancel'`,
    );
    expect(audit?.action).toBe("registration.cancel");
  });

  it("lists my activities: upcoming with waitlist places, past with attended and no-show", async () => {
    const attended = await publishedActivity(
      t,
      organizer,
      { startsAt: at(-50).toISOString(), endsAt: at(-49).toISOString() },
      at(-100),
    );
    const missed = await publishedActivity(
      t,
      organizer,
      { startsAt: at(-30).toISOString(), endsAt: at(-29).toISOString() },
      at(-100),
    );
    const upcoming = await publishedActivity(t, organizer, { capacity: 1 });
    const a1 = await register(ann, { activityId: attended }, at(-60));
    await register(ann, { activityId: missed }, at(-60));
    await register(bo, { activityId: upcoming });
    await register(ann, { activityId: upcoming });
    await t.caller(organizer, at(-50)).activities.checkIn({ registrationId: a1.registration.id });
    const list = await t.caller(ann, NOW).registrations.mine();
    expect(list.upcoming).toHaveLength(1);
    expect(list.upcoming[0]).toMatchObject({
      activity: { id: upcoming, locationName: "Central Library", phase: "upcoming" },
      registration: { status: "waitlisted", waitlistPosition: 1 },
    });
    expect(list.past.map((p) => [p.activity.id, p.registration.attendance])).toEqual([
      [missed, "no_show"],
      [attended, "attended"],
    ]);
    const page1 = await t.caller(ann, NOW).registrations.mine({ limit: 1 });
    expect(page1.past).toHaveLength(1);
    const page2 = await t
      .caller(ann, NOW)
      .registrations.mine({ limit: 1, cursor: page1.nextCursor! });
    expect(page2.past.map((p) => p.activity.id)).toEqual([attended]);
    expect(page2.nextCursor).toBeNull();
    // Organizers without a member record simply have none.
    const admin = await t.person("Ada Admin", "admin");
    expect(await t.caller(admin, NOW).registrations.mine()).toEqual({
      upcoming: [],
      past: [],
      nextCursor: null,
    });
  });

  it("never overbooks: 60 members at once on 5 seats → exactly 5 confirmed, 55 waitlisted, no errors", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 5 });
    const members: User[] = [];
    for (let i = 0; i < 60; i++) members.push(await makeMember(h.db, `Reader ${i}`));
    // On PostgreSQL the second half comes through a second pool, like a second API instance.
    const second = h.url ? await createDb({ databaseUrl: h.url, migrate: false }) : null;
    try {
      const callers = members.map((m, i) =>
        i % 2 === 1 && second
          ? appRouter.createCaller(
              createContextInner({
                db: second.db,
                actor: m,
                services: t.services,
                logger: silentLogger,
                now: NOW,
              }),
            )
          : t.caller(m, NOW),
      );
      const results = await Promise.allSettled(
        callers.map((c) => c.registrations.register({ activityId: id })),
      );
      const rejected = results.filter((r) => r.status === "rejected");
      expect(rejected).toEqual([]);
      const statuses = results.map((r) =>
        r.status === "fulfilled" ? r.value.registration.status : "error",
      );
      expect(statuses.filter((s) => s === "confirmed")).toHaveLength(5);
      expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(55);
      const [seats] = await queryRows<{ n: number }>(
        h.db,
        sql`select coalesce(sum(party_size), 0)::int as n from registration where activity_id = ${id} and status = 'confirmed'`,
      );
      expect(seats!.n).toBe(5);
      // Double clicks from one member across both pools: one registration.
      const twice = await Promise.allSettled([
        t.caller(members[0]!, NOW).registrations.register({ activityId: id }),
        (second
          ? appRouter.createCaller(
              createContextInner({
                db: second.db,
                actor: members[0]!,
                services: t.services,
                now: NOW,
              }),
            )
          : t.caller(members[0]!, NOW)
        ).registrations.register({ activityId: id }),
      ]);
      expect(twice.every((r) => r.status === "rejected")).toBe(true);
    } finally {
      await second?.close();
    }
  });

  it("tells each of many simultaneous registrations its true waitlist place, behind those already waiting", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 2, maxPartySize: 2 });
    // Two wait already; then 20 register at once, a millisecond apart, in batches.
    const early = [await makeMember(h.db, "Early 0"), await makeMember(h.db, "Early 1")];
    const crowd: User[] = [];
    for (let i = 0; i < 20; i++) crowd.push(await makeMember(h.db, `Crowd ${i}`));
    await register(ann, { activityId: id }, at(0.1));
    await register(bo, { activityId: id }, at(0.1));
    for (const [i, m] of early.entries()) {
      const r = await register(m, { activityId: id }, at(0.2 + i / 100));
      expect(r.registration.waitlistPosition).toBe(i + 1);
    }
    const ms = (i: number) => new Date(at(0.5).getTime() + i);
    // A request stamped amid the crowd's instants but written first (as another instance
    // may): the crowd stamped before it goes before it.
    const straggler = await makeMember(h.db, "Straggler");
    expect((await register(straggler, { activityId: id }, ms(19))).registration).toMatchObject({
      waitlistPosition: 3,
    });
    const results = await Promise.all(
      crowd.map((m, i) => register(m, { activityId: id, partySize: 1 + (i % 2) }, ms(2 * i))),
    );
    const expected = (i: number) => (2 * i < 19 ? 3 + i : 4 + i);
    expect(results.map((r) => r.registration.waitlistPosition)).toEqual(
      crowd.map((_, i) => expected(i)),
    );
    // And the roster agrees, place by place.
    const roster = await t.caller(organizer, at(1)).activities.registrations({ activityId: id });
    const places = new Map(roster.items.map((i) => [i.name, i.waitlistPosition]));
    crowd.forEach((_, i) => {
      expect(places.get(`Crowd ${i}`)).toBe(expected(i));
    });
    expect(places.get("Straggler")).toBe(13);
    // Five at the very same instant: served by id in byte order. (Each is told its place as
    // it stands when its batch commits; a tie with a smaller id in a later batch moves it.)
    const tied: User[] = [];
    for (let i = 0; i < 5; i++) tied.push(await makeMember(h.db, `Tie ${i}`));
    const tiedResults = await Promise.all(
      tied.map((m) => register(m, { activityId: id }, ms(100))),
    );
    const after = await t.caller(organizer, at(1)).activities.registrations({ activityId: id });
    const finalPlaces = new Map(after.items.map((i) => [i.name, i.waitlistPosition]));
    const idOrder = tiedResults
      .map((r, i) => ({ id: r.registration.id, name: `Tie ${i}` }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(idOrder.map((r) => finalPlaces.get(r.name))).toEqual([24, 25, 26, 27, 28]);
    // Nobody is told a place behind where the roster puts them.
    tiedResults.forEach((r, i) => {
      expect(r.registration.waitlistPosition).toBeLessThanOrEqual(finalPlaces.get(`Tie ${i}`)!);
    });
  });

  it("lets one of two simultaneous registrations of the same member through, on one instance or two", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 50 });
    // Two instances racing are caught by the unique index; one instance by its own queue.
    const second = h.url ? await createDb({ databaseUrl: h.url, migrate: false }) : null;
    try {
      for (let round = 0; round < 8; round++) {
        const who = await makeMember(h.db, `Double ${round}`);
        const other = second
          ? appRouter.createCaller(
              createContextInner({ db: second.db, actor: who, services: t.services, now: NOW }),
            )
          : t.caller(who, NOW);
        const results = await Promise.allSettled([
          t.caller(who, NOW).registrations.register({ activityId: id }),
          other.registrations.register({ activityId: id }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(rejected.reason).toMatchObject({ code: "CONFLICT", ...code("ALREADY_REGISTERED") });
      }
      const [count] = await queryRows<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from registration where activity_id = ${id}`,
      );
      expect(count!.n).toBe(8);
    } finally {
      await second?.close();
    }
  });

  it("retries a failed batch one by one, so one bad request fails alone", async () => {
    const id = await publishedActivity(t, organizer);
    const request = (who: User | { memberId: string }) => ({
      activityId: id,
      applicant: {
        kind: "member" as const,
        membershipStatus: "active" as const,
        alreadyRegistered: false,
      },
      holder: { memberId: "memberId" in who ? who.memberId : "" },
      guest: null,
      partySize: 1,
      registrant: registrantOf({ guestEmail: "nobody@example.org" }),
      payload: {},
      manageTokenHash: null,
      now: NOW,
    });
    const cy = await makeMember(h.db, "Cy Wu");
    // The first starts a batch at once; the next two wait and form the second batch,
    // where a member who does not exist breaks the insert.
    const results = await Promise.allSettled([
      submitRegistration(h.db, request(ann as User & { memberId: string })),
      submitRegistration(h.db, request(cy)),
      submitRegistration(h.db, request({ memberId: "no-such-member" })),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const seats = await t.caller(organizer, NOW).activities.get({ id });
    expect(seats.confirmedSeats).toBe(2);
  });

  it("registers for a whole series in one step, skipping what is over or booked", async () => {
    const created = await t.caller(organizer, NOW).activities.createSeries({
      series: { title: "Middlemarch club" },
      template: { kind: "reading_club", title: "Middlemarch", locationId: "central", capacity: 2 },
      repeat: {
        frequency: "weekly",
        count: 4,
        startsAt: at(-2).toISOString(),
        endsAt: at(-1).toISOString(),
      },
      publish: false,
    } as never);
    await t
      .caller(organizer, at(-3))
      .activities.publish({ id: created.activities[0]!.id, series: true });
    const [, second, third] = created.activities;
    await register(bo, { activityId: third!.id });
    await register(ann, { activityId: third!.id });
    const result = await t
      .caller(ann, NOW)
      .registrations.registerSeries({ seriesId: created.series.id });
    expect(result.registrations.map((r) => [r.activityId, r.status])).toEqual([
      [second!.id, "confirmed"],
      [created.activities[3]!.id, "confirmed"],
    ]);
    expect(result.skipped.map((s) => s.code).sort()).toEqual([
      "ACTIVITY_ENDED",
      "ALREADY_REGISTERED",
    ]);
    await expect(
      t.caller(ann, NOW).registrations.registerSeries({ seriesId: created.series.id }),
    ).rejects.toMatchObject(code("ALREADY_REGISTERED"));
    const mail = await outbox("registration_confirmed");
    const seriesMail = mail.filter((m) => m.payload.seriesTitle === "Middlemarch club");
    expect(seriesMail.length).toBeGreaterThan(0);
    expect(seriesMail[0]!.payload.sessions).toHaveLength(2);
    await expect(
      t.caller(ann, NOW).registrations.registerSeries({ seriesId: "missing" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists registrations in the member's data export and forgets guest details with the account", async () => {
    const id = await publishedActivity(t, organizer);
    await register(ann, { activityId: id });
    const nonMember = { ...(await makeMember(h.db, "Gil Guest", "none")), memberId: undefined };
    await register(nonMember, {
      activityId: id,
      guest: { name: "Gil Guest", email: nonMember.email },
    });
    const mine = await t.caller(ann, NOW).me.exportData();
    expect(mine.registrations).toEqual([
      expect.objectContaining({
        activity: "On reading slowly",
        status: "confirmed",
        asGuest: false,
      }),
    ]);
    const theirs = await t.caller(nonMember, NOW).me.exportData();
    expect(theirs.registrations).toEqual([
      expect.objectContaining({ status: "confirmed", asGuest: true }),
    ]);
    await t.caller(nonMember, NOW).me.deleteAccount({ confirmEmail: nonMember.email });
    const left = await queryRows<{
      guest_name: string | null;
      guest_email: string | null;
      party_size: number;
    }>(
      h.db,
      sql`select guest_name, guest_email, party_size from registration where member_id is null`,
    );
    expect(left).toEqual([{ guest_name: null, guest_email: null, party_size: 1 }]);
  });

  it("limits guest registrations per address, not members'", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(await publishedActivity(t, organizer, { title: `Talk ${i}`, capacity: 100 }));
    const guestAt = (n: number, ip: string) =>
      t.caller(anonymous, NOW, ip).registrations.register({
        activityId: ids[n % 3]!,
        guest: { name: `Guest ${n}`, email: `guest${n}@example.org` },
      } as never);
    for (let n = 0; n < 20; n++) await guestAt(n, "198.51.100.7");
    await expect(guestAt(20, "198.51.100.7")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await guestAt(21, "198.51.100.8");
    await register(ann, { activityId: ids[0]! });
  });
});
