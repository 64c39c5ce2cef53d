import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import {
  type CheckInAttendee,
  type CheckInDecisionInput,
  CheckInInputSchema,
  checkInDecisionTime,
  checkInNeedsSeatCounts,
  decideCheckIn,
  OFFLINE_CHECKIN_MAX_AGE_MS,
  OFFLINE_CHECKIN_MAX_SKEW_MS,
  occupancy,
  WalkInInputSchema,
  walkInSeats,
} from "./check-in.js";

const member: CheckInAttendee = { kind: "member", membershipStatus: "active", cardVersion: 2 };
const confirmed = { id: "r1", status: "confirmed" as const, partySize: 2, checkedInAt: null };
const base: CheckInDecisionInput = {
  activity: activity({ capacity: 10, maxPartySize: 3 }),
  kioskLocationId: "central",
  attendee: member,
  registration: confirmed,
  previousCheckIn: null,
  counts: { checkedInSeats: 0, heldSeats: 2 },
  now: plusMinutes(START, -30),
};
const decide = (overrides: Partial<CheckInDecisionInput>) =>
  decideCheckIn({ ...base, ...overrides });

describe("decideCheckIn outcomes", () => {
  it("CHECKED_IN: a confirmed registration, whole party", () => {
    expect(decide({})).toEqual({
      ok: true,
      value: { outcome: "CHECKED_IN", checkedInAt: base.now, seats: 2, registrationId: "r1" },
    });
  });

  it("CHECKED_IN late while seats remain after the no-show release", () => {
    expect(
      decide({ now: plusMinutes(START, 20), counts: { checkedInSeats: 8, heldSeats: 2 } }),
    ).toMatchObject({ ok: true, value: { outcome: "CHECKED_IN" } });
  });

  it("ALREADY_CHECKED_IN returns the first time and counts nothing (registration)", () => {
    const first = plusMinutes(START, -50);
    expect(decide({ registration: { ...confirmed, checkedInAt: first } })).toEqual({
      ok: true,
      value: { outcome: "ALREADY_CHECKED_IN", checkedInAt: first, seats: 0, registrationId: "r1" },
    });
  });

  it("ALREADY_CHECKED_IN for a re-sent client id, even after the window closed", () => {
    const first = plusMinutes(START, -50);
    expect(
      decide({
        registration: null,
        previousCheckIn: { checkedInAt: first },
        now: plusMinutes(START, 500),
      }),
    ).toMatchObject({
      ok: true,
      value: { outcome: "ALREADY_CHECKED_IN", checkedInAt: first, registrationId: null },
    });
  });

  it("WALK_IN_ACCEPTED: a member without registration, a free seat", () => {
    expect(decide({ registration: null, counts: { checkedInSeats: 5, heldSeats: 4 } })).toEqual({
      ok: true,
      value: { outcome: "WALK_IN_ACCEPTED", checkedInAt: base.now, seats: 1, registrationId: null },
    });
  });

  it("WALK_IN_ACCEPTED: a guest walking in with companions; unlimited capacity", () => {
    expect(
      decide({
        attendee: { kind: "walk_in_guest" },
        registration: null,
        partySize: 3,
        activity: activity({ capacity: null, maxPartySize: 3 }),
      }),
    ).toMatchObject({ ok: true, value: { outcome: "WALK_IN_ACCEPTED", seats: 3 } });
  });

  it("WALK_IN_ACCEPTED into seats released by no-shows", () => {
    const full = { checkedInSeats: 6, heldSeats: 4 };
    expect(decide({ registration: null, counts: full, now: plusMinutes(START, 14) })).toMatchObject(
      {
        code: "NOT_REGISTERED_AND_FULL",
      },
    );
    expect(decide({ registration: null, counts: full, now: plusMinutes(START, 15) })).toMatchObject(
      {
        ok: true,
        value: { outcome: "WALK_IN_ACCEPTED" },
      },
    );
  });

  it("a waitlisted member walking in takes a free seat and confirms their registration", () => {
    expect(
      decide({
        registration: { ...confirmed, status: "waitlisted", partySize: 1 },
        counts: { checkedInSeats: 0, heldSeats: 0 },
      }),
    ).toMatchObject({
      ok: true,
      value: { outcome: "WALK_IN_ACCEPTED", registrationId: "r1", seats: 1 },
    });
  });

  it("a guest with a registration id checks in like a member", () => {
    expect(decide({ attendee: { kind: "guest" } })).toMatchObject({
      ok: true,
      value: { outcome: "CHECKED_IN" },
    });
  });

  it("opens exactly 60 minutes before the start", () => {
    expect(decide({ now: plusMinutes(START, -60) }).ok).toBe(true);
  });
});

describe("decideCheckIn refusals", () => {
  it.each([
    ["UNKNOWN_MEMBER", { attendee: { kind: "unknown" as const } }],
    ["CARD_REVOKED", { attendee: { ...member, presentedCardVersion: 1 } }],
    ["MEMBERSHIP_SUSPENDED", { attendee: { ...member, membershipStatus: "suspended" as const } }],
    ["ACTIVITY_NOT_PUBLISHED", { activity: activity({ status: "draft" }) }],
    ["ACTIVITY_CANCELLED", { activity: activity({ status: "cancelled" }) }],
    ["WRONG_LOCATION", { kioskLocationId: "east-wing" }],
    ["CHECKIN_NOT_OPEN", { now: plusMinutes(START, -61) }],
    ["CHECKIN_CLOSED", { now: plusMinutes(START, 90) }],
    ["SEAT_RELEASED", { now: plusMinutes(START, 16), counts: { checkedInSeats: 9, heldSeats: 2 } }],
    [
      "NOT_REGISTERED_AND_FULL",
      { registration: null, counts: { checkedInSeats: 2, heldSeats: 8 } },
    ],
    [
      "NOT_REGISTERED_AND_FULL",
      {
        registration: { ...confirmed, status: "cancelled" as const },
        counts: { checkedInSeats: 10, heldSeats: 0 },
      },
    ],
    [
      "MEMBERS_ONLY",
      {
        attendee: { kind: "walk_in_guest" as const },
        registration: null,
        activity: activity({ audience: "members" }),
      },
    ],
    [
      "MEMBERSHIP_INACTIVE",
      {
        attendee: { ...member, membershipStatus: "expired" as const },
        registration: null,
        activity: activity({ audience: "members" }),
      },
    ],
    ["PARTY_TOO_LARGE", { registration: null, partySize: 4 }],
  ])("%s", (code, overrides) => {
    expect(decide(overrides as Partial<CheckInDecisionInput>)).toMatchObject({ ok: false, code });
  });

  it("WRONG_LOCATION says where the activity is; CHECKIN_NOT_OPEN says when", () => {
    expect(decide({ kioskLocationId: "east-wing" })).toMatchObject({ locationId: "central" });
    expect(decide({ now: plusMinutes(START, -120) })).toMatchObject({
      opensAt: plusMinutes(START, -60),
    });
  });

  it("a current card is accepted", () => {
    expect(decide({ attendee: { ...member, presentedCardVersion: 2 } }).ok).toBe(true);
  });
});

describe("check-in invariants (property)", () => {
  type Person = { id: string; registered: boolean; partySize: number };
  const people = fc.array(
    fc.record({ registered: fc.boolean(), partySize: fc.integer({ min: 1, max: 3 }) }),
    { maxLength: 25 },
  );
  const arrivals = fc.array(
    fc.record({ who: fc.nat(), minute: fc.integer({ min: -60, max: 89 }) }),
    {
      maxLength: 60,
    },
  );

  it("is idempotent, counts each party once, and never seats more than capacity", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), people, arrivals, (capacity, raw, visits) => {
        const a = activity({ capacity, maxPartySize: 3 });
        // Registrations are confirmed within capacity (the registration invariant).
        let booked = 0;
        const persons: Person[] = raw.map((p, i) => {
          const registered = p.registered && booked + p.partySize <= capacity;
          if (registered) booked += p.partySize;
          return { id: `p${i}`, registered, partySize: p.partySize };
        });
        const firstCheckIn = new Map<string, Date>();
        let checkedInSeats = 0;
        const sorted = [...visits].sort((x, y) => x.minute - y.minute);
        for (const visit of sorted) {
          if (persons.length === 0) break;
          const person = persons[visit.who % persons.length] as Person;
          const heldSeats = persons
            .filter((p) => p.registered && !firstCheckIn.has(p.id))
            .reduce((s, p) => s + p.partySize, 0);
          const now = plusMinutes(START, visit.minute);
          const previous = firstCheckIn.get(person.id);
          const decision = decideCheckIn({
            activity: a,
            kioskLocationId: "central",
            attendee: { kind: "member", membershipStatus: "active", cardVersion: 1 },
            registration: person.registered
              ? {
                  id: person.id,
                  status: "confirmed",
                  partySize: person.partySize,
                  checkedInAt: previous ?? null,
                }
              : null,
            previousCheckIn: previous ? { checkedInAt: previous } : null,
            counts: { checkedInSeats, heldSeats },
            partySize: person.partySize,
            now,
          });
          if (!decision.ok) continue;
          if (previous) {
            expect(decision.value).toMatchObject({
              outcome: "ALREADY_CHECKED_IN",
              checkedInAt: previous,
              seats: 0,
            });
          } else {
            expect(decision.value.seats).toBe(person.partySize);
            firstCheckIn.set(person.id, now);
          }
          checkedInSeats += decision.value.seats;
          expect(checkedInSeats).toBeLessThanOrEqual(capacity);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("offline arrivals and what a kiosk may learn", () => {
  it("judges the window when the attendee arrived, but seats at the server's now", () => {
    const during = plusMinutes(START, 10);
    const afterEnd = plusMinutes(START, 200);
    expect(
      decide({ now: afterEnd, occurredAt: during, counts: { checkedInSeats: 0, heldSeats: 2 } }),
    ).toMatchObject({
      ok: true,
      value: { outcome: "CHECKED_IN", checkedInAt: during },
    });
    // Backdating before the no-show deadline does not win back a released seat.
    expect(
      decide({
        now: plusMinutes(START, 30),
        occurredAt: plusMinutes(START, 5),
        counts: { checkedInSeats: 9, heldSeats: 2 },
      }),
    ).toMatchObject({ ok: false, code: "SEAT_RELEASED" });
    // A future occurredAt is the server's now.
    expect(decide({ occurredAt: plusMinutes(START, 500) })).toMatchObject({
      ok: true,
      value: { checkedInAt: base.now },
    });
  });

  it("says nothing of an attendance at another location", () => {
    const first = plusMinutes(START, -40);
    expect(
      decide({
        kioskLocationId: "branch",
        registration: { ...confirmed, checkedInAt: first },
      }),
    ).toMatchObject({ ok: false, code: "WRONG_LOCATION" });
  });
});

describe("checkInNeedsSeatCounts", () => {
  it("is false only where the counts cannot change the answer", () => {
    const a = activity({ capacity: 10 });
    const before = plusMinutes(START, 14);
    expect(checkInNeedsSeatCounts(a, confirmed, before)).toBe(false);
    expect(
      checkInNeedsSeatCounts(a, { ...confirmed, checkedInAt: START }, plusMinutes(START, 60)),
    ).toBe(false);
    expect(checkInNeedsSeatCounts(a, confirmed, plusMinutes(START, 15))).toBe(true);
    expect(checkInNeedsSeatCounts(a, { ...confirmed, status: "waitlisted" }, before)).toBe(true);
    expect(checkInNeedsSeatCounts(a, null, before)).toBe(true);
  });

  it("property: when it says no, any counts give the same decision", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -70, max: 100 }),
        fc.constantFrom("confirmed", "waitlisted"),
        fc.boolean(),
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        fc.nat({ max: 30 }),
        (minute, status, checkedIn, c1, h1, c2, h2) => {
          const now = plusMinutes(START, minute);
          const registration = {
            ...confirmed,
            status: status as "confirmed" | "waitlisted",
            checkedInAt: checkedIn ? plusMinutes(START, -40) : null,
          };
          if (checkInNeedsSeatCounts(base.activity, registration, now)) return;
          const one = decide({ now, registration, counts: { checkedInSeats: c1, heldSeats: h1 } });
          const two = decide({ now, registration, counts: { checkedInSeats: c2, heldSeats: h2 } });
          expect(one).toEqual(two);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("check-in inputs and occupancy", () => {
  it("accepts one credential at a time", () => {
    const ok = (credential: unknown) =>
      CheckInInputSchema.safeParse({ activityId: "a1", clientId: "c-1", credential }).success;
    expect(ok({ qr: "RDR1:12345674:1:abcdefabcdefabcd" })).toBe(true);
    expect(ok({ memberNumber: "1234 5674" })).toBe(true);
    expect(ok({ memberNumber: "1234 5675" })).toBe(false);
    expect(ok({ registrationId: "r1" })).toBe(true);
    expect(ok({ registrationId: "r1", memberNumber: "12345674" })).toBe(false);
    expect(ok({ qr: "x".repeat(201) })).toBe(false);
  });

  it("walk-in input defaults to one person, needs a name, and an e-mail only with consent", () => {
    const parsed = WalkInInputSchema.parse({
      activityId: "a1",
      clientId: "c",
      guest: { name: "Ann" },
    });
    expect(parsed.partySize).toBe(1);
    expect(parsed.guest).toEqual({ name: "Ann", email: null, consent: false });
    const walkIn = (guest: unknown) =>
      WalkInInputSchema.safeParse({ activityId: "a1", clientId: "c", guest });
    expect(walkIn({ name: " " }).success).toBe(false);
    expect(walkIn({ name: "Ann", email: "" }).success).toBe(true);
    expect(walkIn({ name: "Ann", email: "ann@example.org" }).success).toBe(false);
    expect(walkIn({ name: "Ann", email: "not-an-address", consent: true }).success).toBe(false);
    expect(walkIn({ name: "Ann", email: " Ann@Example.org ", consent: true }).data?.guest).toEqual({
      name: "Ann",
      email: "ann@example.org",
      consent: true,
    });
  });

  it("decides an offline check-in at its own time only when that is plausible", () => {
    const now = new Date("2026-05-01T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(checkInDecisionTime(now, undefined)).toBe(now);
    expect(checkInDecisionTime(now, ago(3_600_000))).toEqual(ago(3_600_000));
    expect(checkInDecisionTime(now, ago(OFFLINE_CHECKIN_MAX_AGE_MS + 1))).toBe(now);
    expect(checkInDecisionTime(now, ago(-60_000))).toBe(now);
    expect(checkInDecisionTime(now, ago(-OFFLINE_CHECKIN_MAX_SKEW_MS - 1))).toBe(now);
    expect(
      CheckInInputSchema.parse({
        activityId: "a1",
        clientId: "c",
        credential: { memberNumber: "12345674" },
        occurredAt: "2026-05-01T11:00:00Z",
      }).occurredAt,
    ).toEqual(new Date("2026-05-01T11:00:00Z"));
  });

  it("walk-in seats: held for confirmed registrations until the no-show deadline", () => {
    const a = { capacity: 10, startsAt: new Date("2026-05-01T10:00:00Z"), noShowAfterMinutes: 15 };
    const counts = { checkedInSeats: 4, heldSeats: 3 };
    expect(walkInSeats(a, counts, new Date("2026-05-01T10:14:59Z"))).toBe(3);
    expect(walkInSeats(a, counts, new Date("2026-05-01T10:15:00Z"))).toBe(6);
    expect(walkInSeats(a, { checkedInSeats: 9, heldSeats: 5 }, a.startsAt)).toBe(0);
    expect(walkInSeats({ ...a, capacity: null }, counts, a.startsAt)).toBeNull();
  });

  it("occupancy", () => {
    expect(occupancy(7, 10)).toEqual({ checkedIn: 7, capacity: 10, free: 3 });
    expect(occupancy(12, 10).free).toBe(0);
    expect(occupancy(7, null).free).toBeNull();
  });
});
