// What the API shows of an activity and a registration: the stored facts plus what the
// domain computes from them (phase, registration state, seats left, attendance, cutoffs),
// instants as ISO strings.
import type { ActivityRow, RegistrationRow, SeatTally } from "@readers/db";
import { toActivity } from "@readers/db";
import {
  type Activity,
  activityPhase,
  cancellationCutoffAt,
  checkInOpensAt,
  decideRegistrationCancellation,
  registrationAttendance,
  registrationClosesAt,
  registrationState,
} from "@readers/domain";
import { renderMarkdown } from "./markdown.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export interface ActivityExtras {
  location: { id: string; name: string; address: string | null } | null;
  series: { id: string; title: string } | null;
  tally: SeatTally;
  now: Date;
  publicUrl: string;
}

/** Links to an activity: the portal page, the shareable Open Graph page, its calendar file. */
export function activityLinks(publicUrl: string, id: string) {
  return {
    url: `${publicUrl}/activities/${id}`,
    shareUrl: `${publicUrl}/a/${id}`,
    icsUrl: `${publicUrl}/feeds/activities/${id}.ics`,
  };
}

/** An activity in a listing: everything but the description, with live seat counts. */
export function activityListView(row: ActivityRow, extras: ActivityExtras) {
  const a = toActivity(row);
  const { tally } = extras;
  return {
    id: a.id,
    seriesId: a.seriesId,
    series: extras.series,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    locationId: a.locationId,
    location: extras.location,
    capacity: a.capacity,
    audience: a.audience,
    registration: a.registration,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    maxPartySize: a.maxPartySize,
    cancellationCutoffMinutes: a.cancellationCutoffMinutes,
    checkInOpensMinutesBefore: a.checkInOpensMinutesBefore,
    noShowAfterMinutes: a.noShowAfterMinutes,
    waitlistEnabled: a.waitlistEnabled,
    featuredBooks: a.featuredBooks,
    partnerNames: a.partnerNames,
    featuredBookIds: a.featuredBookIds,
    partnerIds: a.partnerIds,
    status: a.status,
    phase: activityPhase(a, extras.now),
    registrationState: registrationState(a, extras.now),
    registrationClosesAt: registrationClosesAt(a).toISOString(),
    cancellationCutoffAt: cancellationCutoffAt(a).toISOString(),
    checkInOpensAt: checkInOpensAt(a).toISOString(),
    publishedAt: iso(row.publishedAt),
    cancelledAt: iso(row.cancelledAt),
    cancellationReason: row.cancellationReason,
    confirmedSeats: tally.confirmedSeats,
    /** null = unlimited. Never negative. */
    seatsLeft: a.capacity === null ? null : Math.max(0, a.capacity - tally.confirmedSeats),
    /** Parties on the waitlist. */
    waitlistCount: tally.waitlistedParties,
    waitlistSeats: tally.waitlistedSeats,
    ...activityLinks(extras.publicUrl, a.id),
  };
}

export type ActivityListView = ReturnType<typeof activityListView>;

/** One activity in full: its Markdown source and the sanitised HTML rendered from it. */
export function activityDetailView(row: ActivityRow, extras: ActivityExtras) {
  return {
    ...activityListView(row, extras),
    /** Markdown as written (for the edit form); never insert it as HTML. */
    description: row.description,
    /** Rendered and sanitised on the server: safe to insert as HTML. */
    descriptionHtml: renderMarkdown(row.description),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A registration as its holder sees it: status, place on the waitlist, whether cancelling is late. */
export function registrationView(
  reg: RegistrationRow,
  activity: Activity,
  now: Date,
  waitlistPosition: number | null = null,
) {
  const cancellation = decideRegistrationCancellation({
    activity,
    registration: {
      status: reg.status as "confirmed",
      checkedInAt: reg.checkedInAt,
      partySize: reg.partySize,
    },
    now,
  });
  return {
    id: reg.id,
    activityId: reg.activityId,
    kind: reg.memberId ? ("member" as const) : ("guest" as const),
    status: reg.status as "confirmed" | "waitlisted" | "cancelled",
    partySize: reg.partySize,
    createdAt: reg.createdAt.toISOString(),
    promotedAt: iso(reg.promotedAt),
    cancelledAt: iso(reg.cancelledAt),
    lateCancellation: reg.lateCancellation,
    checkedInAt: iso(reg.checkedInAt),
    checkedInSeats: reg.checkedInAt ? (reg.checkedInSeats ?? reg.partySize) : null,
    /** 1-based; null unless waitlisted. */
    waitlistPosition: reg.status === "waitlisted" ? waitlistPosition : null,
    attendance: registrationAttendance(reg, activity, now),
    /** Whether the holder may cancel now, and whether that would count as late. */
    cancellation: cancellation.ok
      ? { allowed: true as const, late: cancellation.value.late, refusal: null }
      : { allowed: false as const, late: false, refusal: cancellation.code },
  };
}

export type RegistrationView = ReturnType<typeof registrationView>;

/** The short form of an activity carried in notifications and "my activities". */
export function activityBrief(row: ActivityRow, locationName: string | null, now: Date) {
  const a = toActivity(row);
  return {
    id: a.id,
    title: a.title,
    kind: a.kind,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    locationId: a.locationId,
    locationName,
    status: a.status,
    phase: activityPhase(a, now),
    seriesId: a.seriesId,
  };
}
