// Activities end to end through the API: organizers create, edit, publish and cancel
// (bad input refused with clear messages, registrants told of changes), the calendar
// shows each caller what they may see, descriptions are sanitised, series are laid out and
// edited as a whole, and the roster, check-in, waitlist moves, attendance and reminders work.
import { queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { runActivityReminders } from "../src/jobs/activity-reminders.ts";
import {
  activityInput,
  anonymous,
  at,
  makeMember,
  NOW,
  publishedActivity,
  seedPlaces,
  TZ,
  type User,
} from "./activities-fixtures.ts";
import { buildHarness, type Harness, trpcGet } from "./harness.ts";

const code = (domainCode: string) => ({ cause: { domainCode } });

describe.each(testDrivers(inject("databaseUrl")))("activities on $name", (driver) => {
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
  const org = (now = NOW) => t.caller(organizer, now).activities;
  const register = (who: User, activityId: string, partySize = 1, now = NOW) =>
    t.caller(who, now).registrations.register({ activityId, partySize });
  const outbox = (kind: string) =>
    queryRows<{ channel: string; to_email: string | null; payload: Record<string, unknown> }>(
      h.db,
      sql`select channel, to_email, payload from outbox where kind = ${kind} order by id`,
    );

  it("creates a draft with every field, visible to organizers only until published", async () => {
    const created = await org().create(
      activityInput({
        featuredBooks: ["Middlemarch", "Walden"],
        partnerNames: ["City Library Friends"],
        maxPartySize: 2,
        cancellationCutoffMinutes: 60,
        opensAt: at(-1).toISOString(),
      }) as never,
    );
    expect(created).toMatchObject({
      status: "draft",
      phase: "draft",
      featuredBooks: ["Middlemarch", "Walden"],
      partnerNames: ["City Library Friends"],
      location: { id: "central", name: "Central Library" },
      capacity: 10,
      seatsLeft: 10,
      registrationState: "unavailable",
      cancellationCutoffAt: new Date(at(72).getTime() - 60 * 60_000).toISOString(),
      url: `http://localhost:3999/activities/${created.id}`,
    });
    await expect(t.caller(ann, NOW).activities.get({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await t.caller(anonymous, NOW).activities.list()).items).toEqual([]);
    expect((await org().list()).items.map((i) => i.id)).toEqual([created.id]);
    const published = await org().publish({ id: created.id });
    expect(published.activity).toMatchObject({ status: "published", registrationState: "open" });
    expect(published.published).toEqual([created.id]);
    await expect(org().publish({ id: created.id })).rejects.toMatchObject(
      code("INVALID_ACTIVITY_STATUS"),
    );
    const audit = await queryRows<{ action: string }>(
      h.db,
      sql`select action from audit_log order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["activity.create", "activity.publish"]);
  });

  it("refuses bad input with field messages and changes nothing", async () => {
    const bad = async (overrides: Record<string, unknown>, field: string) => {
      const error = await org()
        .create(activityInput(overrides) as never)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      const issues = (error as { cause: { issues: { path: unknown[] }[] } }).cause.issues;
      expect(issues.some((i) => i.path[0] === field)).toBe(true);
    };
    await bad({ capacity: -1 }, "capacity");
    await bad({ capacity: 0 }, "capacity");
    await bad({ endsAt: at(71).toISOString() }, "endsAt");
    await bad({ opensAt: at(73).toISOString() }, "opensAt");
    await bad({ closesAt: at(80).toISOString() }, "closesAt");
    await bad({ maxPartySize: 11 }, "maxPartySize");
    await bad({ title: "" }, "title");
    await bad(
      { featuredBooks: Array.from({ length: 21 }, (_, i) => `Book ${i}`) },
      "featuredBooks",
    );
    await bad(
      { partnerNames: Array.from({ length: 11 }, (_, i) => `Partner ${i}`) },
      "partnerNames",
    );
    await expect(
      org().create(activityInput({ locationId: "mars" }) as never),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const id = await publishedActivity(t, organizer);
    // Cross-field rules hold after merging a patch with what is stored.
    await expect(org().update({ id, endsAt: at(70) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "An activity ends after it starts",
    });
    await expect(org().update({ id, maxPartySize: 20 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const [count] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from activity`,
    );
    expect(count!.n).toBe(1);
    await expect(
      t.caller(ann, NOW).activities.create(activityInput() as never),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("neutralises scripts in Markdown descriptions", async () => {
    const id = await publishedActivity(t, organizer, {
      description:
        '# Welcome\n\n**Bring** a book. <script>alert(\'x\')</script>\n\n[safe](https://example.org) [evil](javascript:alert(1)) <img src=x onerror=alert(1)> <a href="https://x.org" onclick="steal()">x</a>',
    });
    const page = await t.caller(anonymous, NOW).activities.get({ id });
    expect(page.description).toContain("<script>");
    expect(page.descriptionHtml).toContain("<strong>Bring</strong>");
    expect(page.descriptionHtml).toContain('href="https://example.org"');
    for (const danger of ["<script", "alert", "javascript:", "onerror", "onclick", "<img"]) {
      expect(page.descriptionHtml).not.toContain(danger);
    }
    // The organizer's preview is the same sanitised HTML, before saving; members cannot use it.
    const preview = await org().previewDescription({ markdown: page.description });
    expect(preview.html).toBe(page.descriptionHtml);
    await expect(
      t.caller(ann).activities.previewDescription({ markdown: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("edits: time or venue changes tell every registrant, more seats promote, fewer than confirmed are refused", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 2 });
    await register(ann, id);
    await register(bo, id);
    const cy = await makeMember(h.db, "Cy Wu");
    await register(cy, id); // waitlisted
    await org().update({ id, title: "On reading very slowly" });
    expect(await outbox("activity_changed")).toEqual([]);
    await org().update({ id, locationId: "campus", startsAt: at(96), endsAt: at(97) });
    const changed = await outbox("activity_changed");
    // Three registrants, in-app and e-mail each.
    expect(changed).toHaveLength(6);
    expect(changed[0]!.payload).toMatchObject({
      location: "Campus Reading Room",
      previous: { location: "Central Library", startsAt: at(72).toISOString() },
      changed: ["startsAt", "endsAt", "locationId"],
    });
    await expect(org().update({ id, capacity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      ...code("CAPACITY_BELOW_CONFIRMED"),
    });
    const bigger = await org().update({ id, capacity: 3 });
    expect(bigger).toMatchObject({ confirmedSeats: 3, waitlistCount: 0, seatsLeft: 0 });
    expect((await outbox("waitlist_promoted")).length).toBe(2);
    // Once over, only the text may change.
    await org(at(200)).update({ id, summary: "Thanks for coming" });
    await expect(org(at(200)).update({ id, capacity: 30 })).rejects.toMatchObject(
      code("ACTIVITY_ENDED"),
    );
  });

  it("cancels, telling registrants (guests by e-mail) with the reason", async () => {
    const id = await publishedActivity(t, organizer);
    await register(ann, id);
    await t.caller(anonymous, NOW).registrations.register({
      activityId: id,
      guest: { name: "Gus", email: "gus@example.org" },
    });
    const result = await org().cancel({ id, reason: "The speaker is ill." });
    expect(result.activity).toMatchObject({ status: "cancelled", phase: "cancelled" });
    const mail = await outbox("activity_cancelled");
    expect(mail.map((m) => m.to_email ?? m.channel).sort()).toEqual([
      ann.email,
      "gus@example.org",
      "in_app",
    ]);
    expect(mail[0]!.payload.reason).toBe("The speaker is ill.");
    await expect(org().cancel({ id })).rejects.toMatchObject(code("INVALID_ACTIVITY_STATUS"));
    await expect(org().update({ id, title: "x" })).rejects.toMatchObject(
      code("INVALID_ACTIVITY_STATUS"),
    );
    // Still shown as cancelled to the public; a cancelled draft never is.
    expect((await t.caller(anonymous, NOW).activities.get({ id })).phase).toBe("cancelled");
    const draft = await org().create(activityInput() as never);
    await org().cancel({ id: draft.id });
    await expect(t.caller(anonymous, NOW).activities.get({ id: draft.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists by date range, kind, audience and text, with seats, members-only for members, paged", async () => {
    const lecture = await publishedActivity(t, organizer, {
      title: "Poetry of Li Bai",
      capacity: 3,
    });
    const club = await publishedActivity(t, organizer, {
      kind: "reading_club",
      title: "读书会：红楼梦",
      audience: "members",
      startsAt: at(24).toISOString(),
      endsAt: at(25).toISOString(),
    });
    const expo = await publishedActivity(t, organizer, {
      kind: "exhibition",
      title: "Old maps",
      registration: "none",
      capacity: null,
      startsAt: at(-240).toISOString(),
      endsAt: at(240).toISOString(),
    });
    await publishedActivity(
      t,
      organizer,
      {
        title: "Past forum",
        kind: "forum",
        startsAt: at(-50).toISOString(),
        endsAt: at(-49).toISOString(),
      },
      at(-100),
    );
    await register(ann, lecture, 1);
    await register(bo, lecture, 1);
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    // Without a range: what has not ended, by start; anonymous visitors see public ones only.
    expect(ids((await t.caller(anonymous, NOW).activities.list()).items)).toEqual([expo, lecture]);
    const forAnn = (await t.caller(ann, NOW).activities.list()).items;
    expect(ids(forAnn)).toEqual([expo, club, lecture]);
    expect(forAnn.find((i) => i.id === lecture)).toMatchObject({
      confirmedSeats: 2,
      seatsLeft: 1,
      waitlistCount: 0,
      phase: "upcoming",
      registrationState: "open",
    });
    expect(forAnn.find((i) => i.id === expo)).toMatchObject({
      seatsLeft: null,
      phase: "ongoing",
      registrationState: "walk_in_only",
    });
    const list = (input: Record<string, unknown>) =>
      t
        .caller(ann, NOW)
        .activities.list(input as never)
        .then((r) => ids(r.items));
    expect(await list({ kind: "reading_club" })).toEqual([club]);
    expect(await list({ audience: "public" })).toEqual([expo, lecture]);
    expect(await list({ text: "li bai" })).toEqual([lecture]);
    expect(await list({ text: "红楼" })).toEqual([club]);
    expect(await list({ text: "100%_" })).toEqual([]);
    expect(await list({ from: at(-100).toISOString(), to: at(0).toISOString() })).toHaveLength(2);
    // Paging: one at a time, no repeats, no gaps.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.caller(ann, NOW).activities.list({ limit: 1, cursor } as never);
      seen.push(...ids(page.items));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([expo, club, lecture]);
    await expect(
      t.caller(ann, NOW).activities.list({ cursor: "garbage" } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.caller(ann, NOW).activities.list({ limit: 1000 } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Plain JSON over HTTP for non-TypeScript clients.
    // (The HTTP request runs on the real clock: give the range explicitly.)
    const http = await trpcGet(t.app, "activities.list", {
      kind: "lecture",
      from: at(-1000).toISOString(),
      to: at(1000).toISOString(),
    });
    expect(http.status).toBe(200);
    expect(http.body.result.data.items[0]).toMatchObject({
      id: lecture,
      startsAt: at(72).toISOString(),
    });
  });

  it("creates a weekly series in the association's zone and edits all future sessions", async () => {
    const created = await org().createSeries({
      series: { title: "Middlemarch club", completionPercent: 75 },
      template: { kind: "reading_club", title: "Middlemarch", locationId: "central", capacity: 8 },
      repeat: {
        frequency: "weekly",
        count: 4,
        startsAt: "2026-03-10T11:00:00Z", // 19:00 in Shanghai, today
        endsAt: "2026-03-10T12:30:00Z",
      },
      publish: true,
    } as never);
    expect(created.series).toMatchObject({ title: "Middlemarch club", kind: "reading_club" });
    expect(created.activities.map((a) => [a.startsAt, a.status])).toEqual([
      ["2026-03-10T11:00:00.000Z", "published"],
      ["2026-03-17T11:00:00.000Z", "published"],
      ["2026-03-24T11:00:00.000Z", "published"],
      ["2026-03-31T11:00:00.000Z", "published"],
    ]);
    expect(created.activities[0]!.series).toEqual({
      id: created.series.id,
      title: "Middlemarch club",
    });
    const [first, second] = created.activities;
    await register(ann, second!.id);
    // "Edit all" once the first session has begun: only later ones change.
    const edited = await org(new Date("2026-03-10T11:30:00Z")).updateSeries({
      seriesId: created.series.id,
      series: { title: "Middlemarch, slowly" },
      patch: { capacity: 12, locationId: "campus" },
    });
    expect(edited.series.title).toBe("Middlemarch, slowly");
    expect(edited.activities.map((a) => a.id)).toEqual(
      created.activities.slice(1).map((a) => a.id),
    );
    expect(edited.activities.every((a) => a.capacity === 12 && a.locationId === "campus")).toBe(
      true,
    );
    expect((await org().get({ id: first!.id })).capacity).toBe(8);
    // Ann hears of the venue change of the session she booked.
    expect((await outbox("activity_changed")).length).toBe(2);
    // Edit one: just that session.
    await org().update({ id: second!.id, title: "Middlemarch, book II" });
    expect((await org().get({ id: created.activities[2]!.id })).title).toBe("Middlemarch");
    await expect(
      org().updateSeries({ seriesId: created.series.id, patch: { capacity: 0 } } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(org().updateSeries({ seriesId: "missing" } as never)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Cancel this session and every later one.
    const cancelled = await org().cancel({ id: created.activities[2]!.id, series: true });
    expect(cancelled.cancelled).toEqual(
      [created.activities[2]!.id, created.activities[3]!.id].sort(),
    );
  });

  it("shows organizers a roster with names only, exports it, checks in, undoes and moves from the waitlist", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 3, maxPartySize: 2 });
    const a = await register(ann, id, 2, at(0.1));
    const b = await register(bo, id, 2, at(0.2)); // waitlisted: 2 + 2 > 3
    await t.caller(anonymous, at(0.3)).registrations.register({
      activityId: id,
      guest: { name: "=HYPERLINK(evil)", email: "gus@example.org" },
    });
    const roster = await org().registrations({ activityId: id });
    expect(roster.items.map((i) => [i.name, i.kind, i.status, i.waitlistPosition])).toEqual([
      ["Ann Lee", "member", "confirmed", null],
      ["Bo Chen", "member", "waitlisted", 1],
      ["=HYPERLINK(evil)", "guest", "confirmed", null],
    ]);
    expect(roster.items[0]!.memberNumber).toMatch(/^\d{4} \d{4}$|^\d{8}$/);
    const serialized = JSON.stringify(roster);
    for (const secret of [ann.email, bo.email, "gus@example.org"]) {
      expect(serialized).not.toContain(secret);
    }
    await expect(
      t.caller(ann, NOW).activities.registrations({ activityId: id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const csv = await org().rosterCsv({ activityId: id });
    expect(csv.csv.split("\n")[0]).toBe(
      "name,member_number,kind,party_size,status,late_cancellation,attendance,checked_in_at,checked_in_seats,waitlist_position,registered_at",
    );
    expect(csv.csv).toContain("'=HYPERLINK(evil)");
    expect(csv.csv).not.toContain("gus@example.org");

    // Check-in opens 60 minutes before the start.
    await expect(org(at(70)).checkIn({ registrationId: a.registration.id })).rejects.toMatchObject(
      code("CHECKIN_NOT_OPEN"),
    );
    const checked = await org(at(71.5)).checkIn({ registrationId: a.registration.id, seats: 1 });
    expect(checked).toMatchObject({
      outcome: "CHECKED_IN",
      registration: { attendance: "attended", checkedInSeats: 1 },
      occupancy: { checkedInSeats: 1, capacity: 3 },
    });
    expect((await org(at(71.6)).checkIn({ registrationId: a.registration.id })).outcome).toBe(
      "ALREADY_CHECKED_IN",
    );
    const undone = await org(at(71.7)).undoCheckIn({ registrationId: a.registration.id });
    expect(undone).toMatchObject({ changed: true, occupancy: { checkedInSeats: 0 } });
    expect((await org(at(71.7)).undoCheckIn({ registrationId: a.registration.id })).changed).toBe(
      false,
    );
    // Bo's party of 2 does not fit in the 0 free seats; after Gus cancels it does.
    await expect(
      org().moveFromWaitlist({ registrationId: b.registration.id }),
    ).rejects.toMatchObject(code("ACTIVITY_FULL"));
    const gus = roster.items[2]!;
    await t.caller(organizer, NOW).registrations.cancel({ registrationId: gus.registrationId });
    // One seat free: still no room for Bo's party of 2, automatically or by hand.
    await expect(
      org().moveFromWaitlist({ registrationId: b.registration.id }),
    ).rejects.toMatchObject(code("ACTIVITY_FULL"));
    // A fourth seat: the waitlist moves up by itself.
    await org().update({ id, capacity: 4 });
    const roster2 = await org().registrations({ activityId: id });
    expect(roster2.items.find((i) => i.name === "Bo Chen")!.status).toBe("confirmed");
    await expect(
      org().moveFromWaitlist({ registrationId: gus.registrationId }),
    ).rejects.toMatchObject(code("REGISTRATION_ALREADY_CANCELLED"));
  });

  it("moves a chosen party from the waitlist when seats allow (a member waitlisted by the no-show penalty)", async () => {
    const cy = await makeMember(h.db, "Cy Wu");
    for (const hoursAgo of [-500, -400, -300]) {
      const past = await publishedActivity(
        t,
        organizer,
        { startsAt: at(hoursAgo).toISOString(), endsAt: at(hoursAgo + 1).toISOString() },
        at(hoursAgo - 48),
      );
      await register(cy, past, 1, at(hoursAgo - 24));
    }
    const id = await publishedActivity(t, organizer, { capacity: 2 });
    const penalised = await t.caller(cy, NOW).registrations.register({ activityId: id });
    expect(penalised).toMatchObject({
      registration: { status: "waitlisted" },
      waitlistReason: "no_show_penalty",
    });
    const moved = await org().moveFromWaitlist({ registrationId: penalised.registration.id });
    expect(moved).toMatchObject({
      promoted: true,
      registration: { status: "confirmed", name: "Cy Wu" },
    });
    expect((await outbox("waitlist_promoted")).map((m) => m.channel).sort()).toEqual([
      "email",
      "in_app",
    ]);
    expect(
      (await org().moveFromWaitlist({ registrationId: penalised.registration.id })).promoted,
    ).toBe(false);
    await expect(org().moveFromWaitlist({ registrationId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses check-ins that make no sense, and publishing what is over", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 2, maxPartySize: 2 });
    const a = await register(ann, id, 2, at(0.1));
    const b = await register(bo, id, 1, at(0.2)); // waitlisted: full
    const open = at(71.5);
    await expect(
      org(open).checkIn({ registrationId: a.registration.id, seats: 3 }),
    ).rejects.toMatchObject(code("PARTY_TOO_LARGE"));
    // The waitlisted party could only be seated in a free seat: there is none.
    await expect(org(open).checkIn({ registrationId: b.registration.id })).rejects.toMatchObject(
      code("NOT_REGISTERED_AND_FULL"),
    );
    await t.caller(bo, at(1)).registrations.cancel({ registrationId: b.registration.id });
    await expect(org(open).checkIn({ registrationId: b.registration.id })).rejects.toMatchObject(
      code("REGISTRATION_ALREADY_CANCELLED"),
    );
    await org(at(2)).cancel({ id });
    await expect(org(open).checkIn({ registrationId: a.registration.id })).rejects.toMatchObject(
      code("ACTIVITY_CANCELLED"),
    );
    await expect(org().checkIn({ registrationId: "missing" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const late = await org().create(
      activityInput({ startsAt: at(-3).toISOString(), endsAt: at(-2).toISOString() }) as never,
    );
    await expect(org().publish({ id: late.id })).rejects.toMatchObject(code("ACTIVITY_ENDED"));
    await expect(org().cancel({ id: late.id })).rejects.toMatchObject(code("ACTIVITY_ENDED"));
  });

  it("summarises attendance per activity and completion per member for a series", async () => {
    const created = await org(at(-800)).createSeries({
      series: { title: "Poetry evenings" },
      template: { kind: "reading_club", title: "Poetry", locationId: "central", capacity: 5 },
      sessions: [0, 1, 2, 3].map((week) => ({
        startsAt: at(-700 + week * 168).toISOString(),
        endsAt: at(-699 + week * 168).toISOString(),
      })),
      publish: true,
    } as never);
    const sessions = created.activities;
    const book = async (who: User, sessionIndex: number) =>
      (await register(who, sessions[sessionIndex]!.id, 1, at(-750))).registration.id;
    const checkIn = async (registrationId: string, sessionIndex: number) =>
      org(at(-700 + sessionIndex * 168)).checkIn({ registrationId });
    for (const i of [0, 1, 2, 3]) {
      const annReg = await book(ann, i);
      const boReg = await book(bo, i);
      if (i < 3) await checkIn(annReg, i); // Ann: 3 of 4
      if (i < 2) await checkIn(boReg, i); // Bo: 2 of 4
    }
    const report = await org().attendance({ seriesId: created.series.id });
    expect(report.series?.title).toBe("Poetry evenings");
    expect(report.activities[3]!.summary).toMatchObject({
      confirmedParties: 2,
      attendedParties: 0,
      noShowParties: 2,
      noShowRate: 1,
    });
    expect(report.activities[0]!.summary).toMatchObject({ attendedSeats: 2, noShowParties: 0 });
    expect(report.members.map((m) => [m.name, m.attended, m.required, m.completed])).toEqual([
      ["Ann Lee", 3, 3, true],
      ["Bo Chen", 2, 3, false],
    ]);
    const one = await org().attendance({ activityId: sessions[2]!.id });
    expect(one.series).toBeNull();
    expect(one.activities[0]!.summary).toMatchObject({ attendedParties: 1, noShowParties: 1 });
    await expect(org().attendance({ activityId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("sends 24-hour reminders to confirmed registrants once, however many instances run the job", async () => {
    const id = await publishedActivity(t, organizer, { capacity: 1 }, at(-100));
    await register(ann, id, 1, at(-50)); // confirmed long before
    await register(bo, id, 1, at(-50)); // waitlisted: no reminder
    const services = { publicUrl: t.services.publicUrl, timezone: TZ };
    expect(await runActivityReminders(h.db, services, at(47))).toBe(0); // 25 h before
    const [a, b] = await Promise.all([
      runActivityReminders(h.db, services, at(49)),
      runActivityReminders(h.db, services, at(49)),
    ]);
    expect(a + b).toBe(2); // in-app + e-mail for Ann
    expect(await runActivityReminders(h.db, services, at(60))).toBe(0);
    const reminders = await outbox("activity_reminder");
    expect(reminders.map((r) => r.channel).sort()).toEqual(["email", "in_app"]);
    // Moving the activity earns a fresh reminder for the new time.
    await org(at(61)).update({ id, startsAt: at(80), endsAt: at(81) });
    expect(await runActivityReminders(h.db, services, at(62))).toBe(2);
  });
});
