// Calendar feeds and share pages over HTTP: the public feed and one activity's .ics parse
// with a real iCalendar parser (ical.js), the personal feed needs its secret token and
// stops working when regenerated, and the Open Graph page renders for anonymous visitors.
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  anonymous,
  makeMember,
  publishedActivity,
  seedPlaces,
  type User,
} from "./activities-fixtures.ts";
import { buildHarness, type Harness } from "./harness.ts";

// The HTTP layer runs on the real clock: put activities around it.
// Whole minutes: iCalendar times have no milliseconds.
const REAL_NOW = Math.floor(Date.now() / 60_000) * 60_000;
const HOUR = 3_600_000;
const around = (hours: number) => new Date(REAL_NOW + hours * HOUR).toISOString();
const soon = { startsAt: around(48), endsAt: around(50) };

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue("status"),
      url: vevent.getFirstPropertyValue("url"),
    };
  });
}

describe.each(testDrivers(inject("databaseUrl")))("feeds on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let organizer: User;
  let ann: User;
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
  });
  const now = () => new Date(REAL_NOW);
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.request(path, { headers });

  it("publishes public activities as iCalendar that a real parser reads", async () => {
    const lecture = await publishedActivity(
      t,
      organizer,
      {
        ...soon,
        title: 'Poetry, "quoted"; with, commas',
        description: "Line one\n\n<script>x</script>",
      },
      now(),
    );
    const cancelled = await publishedActivity(t, organizer, { ...soon, title: "Old maps" }, now());
    await t.caller(organizer, now()).activities.cancel({ id: cancelled });
    await publishedActivity(
      t,
      organizer,
      { ...soon, title: "Members only", audience: "members" },
      now(),
    );
    await t.caller(organizer, now()).activities.create({
      ...soon,
      kind: "forum",
      title: "Draft",
      locationId: "central",
    } as never);

    const res = await get("/feeds/activities.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const parsed = events(await res.text());
    expect(parsed.map((e) => [e.summary, e.status]).sort()).toEqual([
      ["Old maps", "CANCELLED"],
      ['Poetry, "quoted"; with, commas', "CONFIRMED"],
    ]);
    const poetry = parsed.find((e) => e.status === "CONFIRMED")!;
    expect(poetry).toMatchObject({
      start: soon.startsAt,
      end: soon.endsAt,
      location: "Central Library, 1 Library Square",
      url: `http://localhost:3999/activities/${lecture}`,
    });

    const one = await get(`/feeds/activities/${lecture}.ics`);
    expect(one.status).toBe(200);
    expect(events(await one.text()).map((e) => e.uid)).toEqual([
      `activity-${lecture}@localhost:3999`,
    ]);
    expect((await get("/feeds/activities/nope.ics")).status).toBe(404);
  });

  it("serves a personal feed of one's bookings by secret token, until it is regenerated", async () => {
    const booked = await publishedActivity(
      t,
      organizer,
      { ...soon, title: "Booked", capacity: 1 },
      now(),
    );
    const waitlisted = await publishedActivity(
      t,
      organizer,
      { ...soon, title: "Waitlisted", capacity: 1, audience: "members" },
      now(),
    );
    const bo = await makeMember(h.db, "Bo Chen");
    await t.caller(bo, now()).registrations.register({ activityId: waitlisted });
    await t.caller(ann, now()).registrations.register({ activityId: booked });
    await t.caller(ann, now()).registrations.register({ activityId: waitlisted });
    const feed = await t.caller(ann, now()).registrations.feedToken();
    expect(feed.url).toMatch(/^http:\/\/localhost:3999\/feeds\/me\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace("http:", "webcal:"));
    // The same address every time.
    expect((await t.caller(ann, now()).registrations.feedToken()).url).toBe(feed.url);
    const path = new URL(feed.url).pathname;
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(
      events(await res.text())
        .map((e) => [e.summary, e.status])
        .sort(),
    ).toEqual([
      ["Booked", "CONFIRMED"],
      ["Waitlisted", "TENTATIVE"],
    ]);
    const fresh = await t.caller(ann, now()).registrations.regenerateFeedToken();
    expect(fresh.url).not.toBe(feed.url);
    expect((await get(path)).status).toBe(404);
    expect((await get(new URL(fresh.url).pathname)).status).toBe(200);
    expect((await get(`/feeds/me/${"a".repeat(43)}.ics`)).status).toBe(404);
    await expect(t.caller(anonymous, now()).registrations.feedToken()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("renders a share page with Open Graph tags for anonymous visitors, escaping what organizers typed", async () => {
    const id = await publishedActivity(
      t,
      organizer,
      {
        ...soon,
        title: 'Reading <b>"together"</b>',
        summary: "Bring a <script>book</script> & a friend.",
      },
      now(),
    );
    const res = await get(`/a/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain(
      '<meta property="og:title" content="Reading &lt;b&gt;&quot;together&quot;&lt;/b&gt;">',
    );
    expect(html).toContain(
      '<meta property="og:description" content="Bring a &lt;script&gt;book&lt;/script&gt; &amp; a friend.">',
    );
    expect(html).toContain(`<meta property="og:url" content="http://localhost:3999/a/${id}">`);
    expect(html).toContain(`<a href="/activities/${id}">`);
    expect(html).not.toContain("<script");
    // No inline script is needed, so the strict CSP holds.
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const zh = await (await get(`/a/${id}`, { "accept-language": "zh-CN,zh;q=0.9" })).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("查看活动详情");

    const membersOnly = await publishedActivity(
      t,
      organizer,
      { ...soon, audience: "members" },
      now(),
    );
    expect((await get(`/a/${membersOnly}`)).status).toBe(404);
    expect((await get("/a/missing")).status).toBe(404);
    expect((await get(`/feeds/activities/${membersOnly}.ics`)).status).toBe(404);
  });
});
