// What an activity page tells a reader before they act, from the same domain rules the API
// applies: whether registering now confirms them or puts them on the waitlist, and whether
// cancelling now counts as late. The server decides again; this only explains.
import {
  type Applicant,
  cancellationCutoffAt,
  decideRegistration,
  decideRegistrationCancellation,
  type MembershipStatus,
  type RegistrationActivity,
} from "@readers/domain";
import type { trpc } from "./trpc.ts";

export type ActivityPage = Awaited<ReturnType<typeof trpc.activities.list.query>>;
export type ActivityListItem = ActivityPage["items"][number];
export type ActivityDetail = Awaited<ReturnType<typeof trpc.activities.get.query>>;
export type RegistrationView = NonNullable<ActivityDetail["myRegistration"]>;

/** The activity fields the registration rules read, with instants as Dates. */
export function ruleActivity(
  view: Pick<
    ActivityListItem,
    | "status"
    | "startsAt"
    | "endsAt"
    | "capacity"
    | "audience"
    | "registration"
    | "opensAt"
    | "closesAt"
    | "maxPartySize"
    | "waitlistEnabled"
    | "cancellationCutoffMinutes"
  >,
): RegistrationActivity & { cancellationCutoffMinutes: number } {
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    status: view.status,
    startsAt: new Date(view.startsAt),
    endsAt: new Date(view.endsAt),
    capacity: view.capacity,
    audience: view.audience,
    registration: view.registration,
    opensAt: date(view.opensAt),
    closesAt: date(view.closesAt),
    maxPartySize: view.maxPartySize,
    waitlistEnabled: view.waitlistEnabled,
    cancellationCutoffMinutes: view.cancellationCutoffMinutes,
  };
}

/** The largest party one registration may bring: the activity's limit, never more than the room. */
export function partySizeLimit(view: Pick<ActivityListItem, "maxPartySize" | "capacity">): number {
  return view.capacity === null ? view.maxPartySize : Math.min(view.maxPartySize, view.capacity);
}

export type RegistrationPreview =
  | { kind: "confirmed" }
  | { kind: "waitlisted"; penalty: boolean }
  | { kind: "refused"; code: string };

/**
 * What registering `partySize` now would do, per decideRegistration with the seats the
 * page last saw. A member is judged by their membership status; a guest as a guest.
 */
export function registrationPreview(
  view: ActivityListItem,
  applicant:
    | { kind: "member"; membershipStatus: MembershipStatus; noShowPenaltyUntil: string | null }
    | { kind: "guest" },
  partySize: number,
  now: Date,
): RegistrationPreview {
  const who: Applicant =
    applicant.kind === "member"
      ? {
          kind: "member",
          membershipStatus: applicant.membershipStatus,
          noShowPenaltyUntil: applicant.noShowPenaltyUntil
            ? new Date(applicant.noShowPenaltyUntil)
            : null,
          alreadyRegistered: false,
        }
      : { kind: "guest", alreadyRegistered: false };
  const result = decideRegistration({
    activity: ruleActivity(view),
    counts: { confirmedSeats: view.confirmedSeats },
    applicant: who,
    partySize,
    now,
  });
  if (!result.ok) return { kind: "refused", code: result.code };
  return result.value.status === "confirmed"
    ? { kind: "confirmed" }
    : { kind: "waitlisted", penalty: result.value.reason === "no_show_penalty" };
}

export type CancellationNotice =
  /** Free until `cutoff`. */
  | { kind: "free"; cutoff: Date }
  /** After the cutoff: counts as a late cancellation. */
  | { kind: "late"; cutoff: Date }
  /** A waitlist place: nothing is late about giving it up. */
  | { kind: "waitlist" }
  | { kind: "refused"; code: string };

/** What cancelling now means, per decideRegistrationCancellation and cancellationCutoffAt. */
export function cancellationNotice(
  view: ActivityListItem,
  registration: Pick<RegistrationView, "status" | "checkedInAt" | "partySize">,
  now: Date,
): CancellationNotice {
  const activity = ruleActivity(view);
  const decision = decideRegistrationCancellation({
    activity,
    registration: {
      status: registration.status,
      checkedInAt: registration.checkedInAt ? new Date(registration.checkedInAt) : null,
      partySize: registration.partySize,
    },
    now,
  });
  if (!decision.ok) return { kind: "refused", code: decision.code };
  if (registration.status === "waitlisted") return { kind: "waitlist" };
  const cutoff = cancellationCutoffAt(activity);
  return decision.value.late ? { kind: "late", cutoff } : { kind: "free", cutoff };
}
