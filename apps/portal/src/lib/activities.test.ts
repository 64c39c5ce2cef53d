import { describe, expect, it } from "vitest";
import { activityItem, hoursFromNow, registration } from "../../test/fakes.ts";
import { cancellationNotice, partySizeLimit, registrationPreview } from "./activities.ts";

const member = {
  kind: "member" as const,
  membershipStatus: "active" as const,
  noShowPenaltyUntil: null,
};

describe("registration preview (decideRegistration in the browser)", () => {
  it("confirms while seats are left and waitlists a party that does not fit", () => {
    const now = new Date();
    const activity = activityItem({ capacity: 12, confirmedSeats: 10, maxPartySize: 4 });
    expect(registrationPreview(activity, member, 2, now)).toEqual({ kind: "confirmed" });
    expect(registrationPreview(activity, member, 3, now)).toEqual({
      kind: "waitlisted",
      penalty: false,
    });
  });

  it("says why not: members only for guests, full without waitlist, a penalty", () => {
    const now = new Date();
    expect(
      registrationPreview(activityItem({ audience: "members" }), { kind: "guest" }, 1, now),
    ).toEqual({ kind: "refused", code: "MEMBERS_ONLY" });
    expect(
      registrationPreview(
        activityItem({ capacity: 10, confirmedSeats: 10, waitlistEnabled: false }),
        member,
        1,
        now,
      ),
    ).toEqual({ kind: "refused", code: "ACTIVITY_FULL" });
    expect(
      registrationPreview(
        activityItem(),
        { ...member, noShowPenaltyUntil: hoursFromNow(24 * 10) },
        1,
        now,
      ),
    ).toEqual({ kind: "waitlisted", penalty: true });
    expect(
      registrationPreview(
        activityItem({ audience: "members" }),
        { ...member, membershipStatus: "expired" },
        1,
        now,
      ),
    ).toEqual({ kind: "refused", code: "MEMBERSHIP_INACTIVE" });
  });

  it("never offers a party larger than the room", () => {
    expect(partySizeLimit({ maxPartySize: 6, capacity: 4 })).toBe(4);
    expect(partySizeLimit({ maxPartySize: 6, capacity: null })).toBe(6);
  });
});

describe("cancellation notice (decideRegistrationCancellation in the browser)", () => {
  it("is free before the cutoff and late after it", () => {
    const now = new Date();
    const later = activityItem({ startsAt: hoursFromNow(5) });
    expect(cancellationNotice(later, registration(), now)).toEqual({
      kind: "free",
      cutoff: new Date(Date.parse(later.startsAt) - 120 * 60_000),
    });
    const soon = activityItem({ startsAt: hoursFromNow(1) });
    expect(cancellationNotice(soon, registration(), now).kind).toBe("late");
  });

  it("never calls giving up a waitlist place late, and refuses once started", () => {
    const now = new Date();
    const soon = activityItem({ startsAt: hoursFromNow(1) });
    expect(cancellationNotice(soon, registration({ status: "waitlisted" }), now)).toEqual({
      kind: "waitlist",
    });
    const started = activityItem({ startsAt: hoursFromNow(-0.5), endsAt: hoursFromNow(1) });
    expect(cancellationNotice(started, registration(), now)).toEqual({
      kind: "refused",
      code: "ACTIVITY_STARTED",
    });
  });
});
