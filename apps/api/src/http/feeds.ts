// Public feeds and sharing: the iCalendar feed of public activities, one activity's .ics,
// a person's secret-token feed of their bookings, and a small server-rendered page with
// Open Graph tags (`/a/:id`) so shared links show a title and summary, then open the portal.
import {
  type ActivityRow,
  calendarFeedOwner,
  type Database,
  getActivity,
  getMemberByUserId,
  listActivities,
  locationsByIds,
  memberRegistrations,
} from "@readers/db";
import type { Hono } from "hono";
import ical, { ICalEventStatus } from "ical-generator";
import { canSee } from "../activities/access.ts";
import { markdownToText } from "../activities/markdown.ts";
import { hashToken } from "../activities/tokens.ts";
import { activityLinks } from "../activities/views.ts";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";

const DAY_MS = 86_400_000;
/** The public feed: a month back (recent changes still sync) and a year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 366;
/** More events than any calendar app wants in one feed. */
const FEED_MAX_EVENTS = 1_000;
/** A personal feed: every upcoming booking and the most recent past ones. */
const PERSONAL_UPCOMING_MAX = 200;
const PERSONAL_PAST_MAX = 50;

const ANONYMOUS = { kind: "anonymous" } as const;

type Place = { name: string; address: string | null } | undefined;

interface FeedEvent {
  row: ActivityRow;
  place: Place;
  /** A waitlisted booking is tentative in the person's calendar. */
  tentative?: boolean;
}

function calendarOf(services: Services, name: string, events: FeedEvent[]): string {
  const host = new URL(services.publicUrl).host;
  const calendar = ical({
    name,
    prodId: { company: "Readers", product: "Activities", language: "EN" },
    ttl: 60 * 60,
  });
  for (const { row, place, tentative } of events) {
    const links = activityLinks(services.publicUrl, row.id);
    const text = [row.summary, markdownToText(row.description), links.url]
      .filter(Boolean)
      .join("\n\n");
    calendar.createEvent({
      id: `activity-${row.id}@${host}`,
      start: row.startsAt,
      end: row.endsAt,
      stamp: row.updatedAt,
      lastModified: row.updatedAt,
      // Calendar apps take a higher sequence as "this event changed".
      sequence: Math.max(0, Math.floor((row.updatedAt.getTime() - row.createdAt.getTime()) / 1000)),
      summary: row.title,
      description: text,
      location: place ? [place.name, place.address].filter(Boolean).join(", ") : null,
      url: links.url,
      status:
        row.status === "cancelled"
          ? ICalEventStatus.CANCELLED
          : tentative
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

function ics(body: string, cache: "public" | "private"): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": cache === "public" ? "public, max-age=300" : "private, no-store",
    },
  });
}

const notFoundText = () =>
  new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain" } });

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** The shareable page of one activity: Open Graph tags, the essentials, a link onwards. */
function sharePage(services: Services, row: ActivityRow, place: Place, zh: boolean): string {
  const links = activityLinks(services.publicUrl, row.id);
  const portalPath = `/activities/${encodeURIComponent(row.id)}`;
  const description = (row.summary || markdownToText(row.description)).slice(0, 300);
  const when = new Intl.DateTimeFormat(zh ? "zh-CN" : "en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: services.timezone,
  }).format(row.startsAt);
  const association = services.associationName();
  const cancelled = row.status === "cancelled";
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(row.title)} · ${e(association)}</title>
<meta name="description" content="${e(description)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${e(association)}">
<meta property="og:title" content="${e(cancelled ? `${zh ? "已取消：" : "Cancelled: "}${row.title}` : row.title)}">
<meta property="og:description" content="${e(description)}">
<meta property="og:url" content="${e(links.shareUrl)}">
<meta name="twitter:card" content="summary">
<link rel="canonical" href="${e(links.url)}">
<link rel="alternate" type="text/calendar" href="${e(links.icsUrl)}">
<meta http-equiv="refresh" content="0; url=${e(portalPath)}">
</head>
<body>
<main>
<h1>${e(row.title)}</h1>
<p>${e(when)}${place ? ` · ${e(place.name)}` : ""}${cancelled ? ` · ${zh ? "已取消" : "Cancelled"}` : ""}</p>
${description ? `<p>${e(description)}</p>` : ""}
<p><a href="${e(portalPath)}">${zh ? "查看活动详情" : "Open the activity page"}</a> · <a href="${e(links.icsUrl)}">${zh ? "加入日历" : "Add to calendar"}</a></p>
</main>
</body>
</html>
`;
}

export function mountFeeds(
  // biome-ignore lint/suspicious/noExplicitAny: mounted on the app whatever its variables
  app: Hono<any>,
  options: { db: Database; services: Services; logger: Logger },
): void {
  const { db, services } = options;

  app.get("/feeds/activities.ics", async () => {
    const now = Date.now();
    const rows = await listActivities(db, {
      from: new Date(now - FEED_PAST_DAYS * DAY_MS),
      to: new Date(now + FEED_FUTURE_DAYS * DAY_MS),
      statuses: ["published", "cancelled"],
      publishedOnly: true,
      audiences: ["public"],
      limit: FEED_MAX_EVENTS,
    });
    const places = await locationsByIds(
      db,
      rows.map((r) => r.locationId),
    );
    const events = rows.map((row) => ({ row, place: places.get(row.locationId) }));
    return ics(calendarOf(services, services.associationName(), events), "public");
  });

  app.get("/feeds/activities/:file{[A-Za-z0-9_-]{1,64}\\.ics}", async (c) => {
    const id = c.req.param("file").replace(/\.ics$/, "");
    const row = await getActivity(db, id);
    if (!row || !canSee(ANONYMOUS, row)) return notFoundText();
    const places = await locationsByIds(db, [row.locationId]);
    return ics(
      calendarOf(services, row.title, [{ row, place: places.get(row.locationId) }]),
      "public",
    );
  });

  app.get("/feeds/me/:file{[A-Za-z0-9_-]{20,128}\\.ics}", async (c) => {
    const token = c.req.param("file").replace(/\.ics$/, "");
    const userId = await calendarFeedOwner(db, hashToken(token));
    const member = userId ? await getMemberByUserId(db, userId) : null;
    if (!userId) return notFoundText();
    const now = new Date();
    const bookings = member
      ? [
          ...(await memberRegistrations(db, member.id, {
            when: "upcoming",
            now,
            limit: PERSONAL_UPCOMING_MAX,
          })),
          ...(await memberRegistrations(db, member.id, {
            when: "past",
            now,
            limit: PERSONAL_PAST_MAX,
          })),
        ].filter((b) => b.registration.status !== "cancelled")
      : [];
    const places = await locationsByIds(
      db,
      bookings.map((b) => b.activity.locationId),
    );
    const events = bookings.map(({ registration, activity }) => ({
      row: activity,
      place: places.get(activity.locationId),
      tentative: registration.status === "waitlisted",
    }));
    return ics(calendarOf(services, services.associationName(), events), "private");
  });

  app.get("/a/:id{[A-Za-z0-9_-]{1,64}}", async (c) => {
    const zh = /^zh\b/i.test(c.req.header("accept-language") ?? "");
    const row = await getActivity(db, c.req.param("id"));
    if (!row || !canSee(ANONYMOUS, row)) {
      return c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><main><h1>${zh ? "找不到该活动" : "Activity not found"}</h1><p><a href="/activities">${zh ? "所有活动" : "All activities"}</a></p></main></body></html>`,
        404,
      );
    }
    const places = await locationsByIds(db, [row.locationId]);
    c.header("cache-control", "public, max-age=300");
    return c.html(sharePage(services, row, places.get(row.locationId), zh));
  });
}
