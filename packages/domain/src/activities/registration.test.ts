import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import type { Activity } from "./activity.js";
import {
  type Applicant,
  decideRegistration,
  RegisterInputSchema,
  RegistrationCancelInputSchema,
  RegistrationSchema,
  registrationState,
} from "./registration.js";

const now = plusMinutes(START, -24 * 60);
const member: Applicant = { kind: "member", membershipStatus: "active", alreadyRegistered: false };
const guest: Applicant = { kind: "guest", alreadyRegistered: false };

function decide(
  overrides: Partial<Activity> = {},
  options: { applicant?: Applicant; confirmedSeats?: number; partySize?: number; at?: Date } = {},
) {
  return decideRegistration({
    activity: activity(overrides),
    counts: { confirmedSeats: options.confirmedSeats ?? 0 },
    applicant: options.applicant ?? member,
    partySize: options.partySize,
    now: options.at ?? now,
  });
}

describe("decideRegistration refusals", () => {
  it.each([
    ["ACTIVITY_NOT_PUBLISHED", () => decide({ status: "draft" })],
    ["ACTIVITY_CANCELLED", () => decide({ status: "cancelled" })],
    ["ACTIVITY_ENDED", () => decide({}, { at: plusMinutes(START, 90) })],
    ["WALK_IN_ONLY", () => decide({ registration: "none" })],
    ["REGISTRATION_NOT_OPEN", () => decide({ opensAt: plusMinutes(now, 1) })],
    ["REGISTRATION_CLOSED", () => decide({}, { at: START })],
    ["REGISTRATION_CLOSED", () => decide({ closesAt: plusMinutes(now, -1) })],
    ["MEMBERS_ONLY", () => decide({ audience: "members" }, { applicant: guest })],
    [
      "MEMBERSHIP_INACTIVE",
      () =>
        decide({ audience: "members" }, { applicant: { ...member, membershipStatus: "expired" } }),
    ],
    [
      "MEMBERSHIP_INACTIVE",
      () => decide({}, { applicant: { ...member, membershipStatus: "suspended" } }),
    ],
    ["ALREADY_REGISTERED", () => decide({}, { applicant: { ...member, alreadyRegistered: true } })],
    [
      "ALREADY_REGISTERED",
      () => decide({}, { applicant: { kind: "guest", alreadyRegistered: true } }),
    ],
    ["INVALID_PARTY_SIZE", () => decide({}, { partySize: 0 })],
    ["INVALID_PARTY_SIZE", () => decide({}, { partySize: 1.5 })],
    ["PARTY_TOO_LARGE", () => decide({}, { partySize: 2 })],
    ["PARTY_TOO_LARGE", () => decide({ capacity: 2, maxPartySize: 4 }, { partySize: 3 })],
    ["ACTIVITY_FULL", () => decide({ waitlistEnabled: false }, { confirmedSeats: 30 })],
    [
      "NO_SHOW_PENALTY",
      () =>
        decide(
          { waitlistEnabled: false },
          { applicant: { ...member, noShowPenaltyUntil: plusMinutes(now, 60) } },
        ),
    ],
  ])("%s", (code, run) => {
    expect(run()).toMatchObject({ ok: false, code });
  });

  it("says when registration opens and where the party limit is", () => {
    const opensAt = plusMinutes(now, 60);
    expect(decide({ opensAt })).toMatchObject({ code: "REGISTRATION_NOT_OPEN", opensAt });
    expect(decide({ maxPartySize: 3 }, { partySize: 4 })).toMatchObject({ maxPartySize: 3 });
  });
});

describe("decideRegistration decisions", () => {
  it("confirms when the party fits", () => {
    expect(decide({}, { confirmedSeats: 29 })).toEqual({
      ok: true,
      value: { status: "confirmed", partySize: 1 },
    });
  });

  it("waitlists the whole party when it does not fit", () => {
    expect(decide({ maxPartySize: 3 }, { confirmedSeats: 28, partySize: 3 })).toEqual({
      ok: true,
      value: { status: "waitlisted", partySize: 3 },
    });
  });

  it("confirms any party when capacity is unlimited", () => {
    expect(
      decide({ capacity: null, maxPartySize: 5 }, { confirmedSeats: 10_000, partySize: 5 }),
    ).toMatchObject({
      ok: true,
      value: { status: "confirmed" },
    });
  });

  it("lets guests into public activities and grace members into members-only ones", () => {
    expect(decide({}, { applicant: guest }).ok).toBe(true);
    expect(
      decide({ audience: "members" }, { applicant: { ...member, membershipStatus: "grace" } }).ok,
    ).toBe(true);
    expect(decide({}, { applicant: { ...member, membershipStatus: "expired" } }).ok).toBe(true);
  });

  it("waitlists a member under a no-show penalty even with free seats", () => {
    const penalized: Applicant = { ...member, noShowPenaltyUntil: plusMinutes(now, 60) };
    expect(decide({}, { applicant: penalized })).toEqual({
      ok: true,
      value: { status: "waitlisted", partySize: 1, reason: "no_show_penalty" },
    });
    // Not for unlimited activities, and not once the penalty is over.
    expect(decide({ capacity: null }, { applicant: penalized })).toMatchObject({
      value: { status: "confirmed" },
    });
    expect(decide({}, { applicant: { ...member, noShowPenaltyUntil: now } })).toMatchObject({
      value: { status: "confirmed" },
    });
  });

  it("accepts registrations inside an explicit window", () => {
    expect(decide({ opensAt: plusMinutes(now, -1), closesAt: plusMinutes(now, 1) }).ok).toBe(true);
  });
});

describe("registration schemas", () => {
  it("register input defaults to a party of one and validates guests", () => {
    expect(RegisterInputSchema.parse({ activityId: "a1" })).toEqual({
      activityId: "a1",
      partySize: 1,
    });
    expect(
      RegisterInputSchema.parse({
        activityId: "a1",
        guest: { name: " Li Wei ", email: "LI@example.com" },
      }).guest,
    ).toEqual({ name: "Li Wei", email: "li@example.com" });
    expect(RegisterInputSchema.safeParse({ activityId: "a1", partySize: 21 }).success).toBe(false);
    expect(
      RegisterInputSchema.safeParse({ activityId: "a1", guest: { name: "x", email: "nope" } })
        .success,
    ).toBe(false);
  });

  it("cancel input takes an optional bounded manage token", () => {
    expect(RegistrationCancelInputSchema.parse({ registrationId: "r1" })).toEqual({
      registrationId: "r1",
    });
    expect(
      RegistrationCancelInputSchema.safeParse({
        registrationId: "r1",
        manageToken: "x".repeat(129),
      }).success,
    ).toBe(false);
  });

  it("a registration belongs to a member or a guest, not both", () => {
    const base = {
      id: "r",
      activityId: "a",
      status: "confirmed",
      createdAt: "2025-01-01T00:00:00Z",
    };
    expect(RegistrationSchema.safeParse({ ...base, memberId: "m" }).success).toBe(true);
    expect(
      RegistrationSchema.safeParse({
        ...base,
        memberId: null,
        guest: { name: "G", email: "g@x.org" },
      }).success,
    ).toBe(true);
    expect(RegistrationSchema.safeParse({ ...base, memberId: null }).success).toBe(false);
    expect(
      RegistrationSchema.safeParse({
        ...base,
        memberId: "m",
        guest: { name: "G", email: "g@x.org" },
      }).success,
    ).toBe(false);
  });
});

describe("registrationState", () => {
  const open = plusMinutes(START, -600);
  it.each([
    ["open", activity(), open],
    ["closed", activity(), plusMinutes(START, 10)],
    ["unavailable", activity(), plusMinutes(START, 90)],
    ["unavailable", activity({ status: "draft" }), open],
    ["unavailable", activity({ status: "cancelled" }), open],
    ["walk_in_only", activity({ registration: "none" }), open],
    ["not_yet_open", activity({ opensAt: plusMinutes(START, -300) }), open],
    ["closed", activity({ closesAt: plusMinutes(START, -700) }), open],
  ] as const)("%s", (state, a, now) => {
    expect(registrationState(a, now)).toBe(state);
  });
});
