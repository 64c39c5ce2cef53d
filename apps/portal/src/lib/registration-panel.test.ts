import { describe, expect, it } from "vitest";
import { activeStanding, activityDetail, registration } from "../../test/fakes.ts";
import { panelState } from "./registration-panel.ts";

describe("registration panel", () => {
  it.each([
    [
      "an anonymous visitor on a public activity",
      activityDetail(),
      false,
      { kind: "guest", signedIn: false },
    ],
    [
      "an account without membership on a public one",
      activityDetail(),
      true,
      { kind: "guest", signedIn: true },
    ],
    [
      "an anonymous visitor on a members-only one",
      activityDetail({ audience: "members" }),
      false,
      { kind: "signInForMembers" },
    ],
    [
      "an account without membership on a members-only one",
      activityDetail({ audience: "members" }),
      true,
      { kind: "becomeMember" },
    ],
    [
      "an active member",
      activityDetail({ myStanding: activeStanding }),
      true,
      { kind: "member", status: "active" },
    ],
    [
      "an expired member on a members-only one",
      activityDetail({
        audience: "members",
        myStanding: { membershipStatus: "expired", noShowPenaltyUntil: null },
      }),
      true,
      { kind: "membershipInactive", status: "expired" },
    ],
    [
      "an expired member on a public one",
      activityDetail({ myStanding: { membershipStatus: "expired", noShowPenaltyUntil: null } }),
      true,
      { kind: "member", status: "expired" },
    ],
    [
      "someone already registered",
      activityDetail({ myRegistration: registration() }),
      true,
      { kind: "registered" },
    ],
    [
      "a walk-in exhibition",
      activityDetail({ registrationState: "walk_in_only" }),
      false,
      { kind: "walkIn" },
    ],
    [
      "a cancelled activity",
      activityDetail({ status: "cancelled", registrationState: "unavailable" }),
      false,
      { kind: "cancelled" },
    ],
    [
      "an activity not open yet",
      activityDetail({ registrationState: "not_yet_open", opensAt: "2030-01-01T00:00:00.000Z" }),
      false,
      { kind: "notYetOpen", opensAt: "2030-01-01T00:00:00.000Z" },
    ],
  ] as const)("shows %s the right block", (_case, detail, signedIn, expected) => {
    expect(panelState(detail, signedIn)).toEqual(expected);
  });
});
