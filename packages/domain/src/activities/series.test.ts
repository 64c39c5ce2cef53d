import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import {
  decideSeriesRegistration,
  SeriesCreateInputSchema,
  type SeriesSessionState,
  SeriesUpdateInputSchema,
  seriesCompletion,
  seriesSessionInputs,
} from "./series.js";

const WEEK = 7 * 24 * 60;
const session = (n: number, overrides: Partial<SeriesSessionState> = {}): SeriesSessionState => ({
  activityId: `s${n}`,
  activity: activity({
    startsAt: plusMinutes(START, n * WEEK),
    endsAt: plusMinutes(START, n * WEEK + 90),
  }),
  counts: { confirmedSeats: 0 },
  alreadyRegistered: false,
  ...overrides,
});
const member = { kind: "member" as const, membershipStatus: "active" as const };

describe("decideSeriesRegistration", () => {
  const now = plusMinutes(START, WEEK + 60); // session 0 over, session 1 started (closed)

  it("books every remaining session, each confirmed or waitlisted, skipping past ones", () => {
    const sessions = [
      session(0),
      session(1),
      session(2),
      session(3, { counts: { confirmedSeats: 30 } }),
    ];
    expect(decideSeriesRegistration({ sessions, applicant: member, now })).toEqual({
      ok: true,
      value: {
        sessions: [
          { activityId: "s2", status: "confirmed" },
          { activityId: "s3", status: "waitlisted" },
        ],
        skipped: [
          { activityId: "s0", code: "ACTIVITY_ENDED" },
          { activityId: "s1", code: "REGISTRATION_CLOSED" },
        ],
      },
    });
  });

  it("skips cancelled and already booked sessions", () => {
    const cancelled = session(2);
    const sessions = [
      { ...cancelled, activity: { ...cancelled.activity, status: "cancelled" as const } },
      session(3, { alreadyRegistered: true }),
      session(4),
    ];
    expect(decideSeriesRegistration({ sessions, applicant: member, now })).toMatchObject({
      ok: true,
      value: { sessions: [{ activityId: "s4" }] },
    });
  });

  it("refuses the whole series with the first blocking refusal, naming the session", () => {
    const membersOnly = session(3);
    const sessions = [
      session(2),
      { ...membersOnly, activity: { ...membersOnly.activity, audience: "members" as const } },
    ];
    expect(
      decideSeriesRegistration({
        sessions,
        applicant: { ...member, membershipStatus: "expired" },
        now,
      }),
    ).toMatchObject({ ok: false, code: "MEMBERSHIP_INACTIVE", activityId: "s3" });
  });

  it("says ALREADY_REGISTERED or ACTIVITY_ENDED when nothing is left to book", () => {
    expect(
      decideSeriesRegistration({
        sessions: [session(2, { alreadyRegistered: true })],
        applicant: member,
        now,
      }),
    ).toMatchObject({ ok: false, code: "ALREADY_REGISTERED" });
    expect(
      decideSeriesRegistration({ sessions: [session(0)], applicant: member, now }),
    ).toMatchObject({
      ok: false,
      code: "ACTIVITY_ENDED",
    });
  });
});

describe("seriesCompletion", () => {
  const sessions = ["s1", "s2", "s3", "s4"].map((activityId) => ({
    activityId,
    status: "published" as const,
  }));
  it.each([
    [["s1", "s2", "s3"], true, 3],
    [["s1", "s2"], false, 3],
    [["s1", "s2", "s3", "s4", "other"], true, 3],
  ])("attended %o → %s", (attended, completed, required) => {
    expect(seriesCompletion({ sessions, attendedActivityIds: attended })).toMatchObject({
      completed,
      required,
    });
  });

  it("does not count cancelled sessions, and uses exact integer percentages", () => {
    const withCancelled = [...sessions, { activityId: "s5", status: "cancelled" as const }];
    expect(
      seriesCompletion({ sessions: withCancelled, attendedActivityIds: ["s1", "s2", "s3"] }),
    ).toEqual({
      completed: true,
      attended: 3,
      counted: 4,
      required: 3,
    });
    const ten = Array.from({ length: 10 }, (_, i) => ({
      activityId: `x${i}`,
      status: "published" as const,
    }));
    expect(
      seriesCompletion({ sessions: ten, attendedActivityIds: [], completionPercent: 70 }).required,
    ).toBe(7);
    expect(seriesCompletion({ sessions: [], attendedActivityIds: [] }).completed).toBe(false);
  });
});

describe("series creation", () => {
  const base = {
    series: { title: "Middlemarch club" },
    template: { kind: "reading_club", title: "Middlemarch", locationId: "central", capacity: 12 },
    sessions: [
      { startsAt: "2025-06-17T18:00:00Z", endsAt: "2025-06-17T19:30:00Z" },
      { startsAt: "2025-06-10T18:00:00Z", endsAt: "2025-06-10T19:30:00Z" },
    ],
  };

  it("expands sessions in time order from the template", () => {
    const parsed = SeriesCreateInputSchema.parse(base);
    expect(parsed.series).toMatchObject({ kind: "reading_club", completionPercent: 75 });
    const sessions = seriesSessionInputs(parsed, "series-1");
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2025-06-10T18:00:00.000Z",
      "2025-06-17T18:00:00.000Z",
    ]);
    expect(sessions[0]).toMatchObject({ seriesId: "series-1", capacity: 12, title: "Middlemarch" });
  });

  it("refuses a session that is not a valid activity, and too many sessions", () => {
    const bad = {
      ...base,
      sessions: [{ startsAt: "2025-06-17T18:00:00Z", endsAt: "2025-06-17T17:00:00Z" }],
    };
    const result = SeriesCreateInputSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["sessions", 0, "endsAt"]);
    const many = { ...base, sessions: Array.from({ length: 53 }, () => base.sessions[0]) };
    expect(SeriesCreateInputSchema.safeParse(many).success).toBe(false);
  });
});

describe("repeated series", () => {
  const base = {
    series: { title: "Poetry evenings" },
    template: { kind: "reading_club", title: "Poetry", locationId: "central" },
    repeat: {
      frequency: "weekly",
      count: 3,
      startsAt: "2025-06-10T11:00:00Z",
      endsAt: "2025-06-10T12:30:00Z",
    },
  };

  it("lays sessions out in the association's zone, drafts by default", () => {
    const parsed = SeriesCreateInputSchema.parse(base);
    expect(parsed.publish).toBe(false);
    const sessions = seriesSessionInputs(parsed, "s", "Asia/Shanghai");
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2025-06-10T11:00:00.000Z",
      "2025-06-17T11:00:00.000Z",
      "2025-06-24T11:00:00.000Z",
    ]);
    expect(sessions[2]).toMatchObject({ seriesId: "s", title: "Poetry" });
    // Without a zone, UTC.
    expect(seriesSessionInputs(parsed, "s")).toHaveLength(3);
  });

  it("needs exactly one of sessions and repeat, and checks the first session", () => {
    expect(
      SeriesCreateInputSchema.safeParse({ ...base, repeat: undefined }).error?.issues[0]?.path,
    ).toEqual(["sessions"]);
    expect(
      SeriesCreateInputSchema.safeParse({
        ...base,
        sessions: [{ startsAt: base.repeat.startsAt, endsAt: base.repeat.endsAt }],
      }).success,
    ).toBe(false);
    const backwards = { ...base, repeat: { ...base.repeat, endsAt: "2025-06-10T10:00:00Z" } };
    expect(SeriesCreateInputSchema.safeParse(backwards).error?.issues[0]?.path).toEqual([
      "repeat",
      "endsAt",
    ]);
    const tooMany = { ...base, repeat: { ...base.repeat, count: 53 } };
    expect(SeriesCreateInputSchema.safeParse(tooMany).success).toBe(false);
  });
});

describe("series update input", () => {
  it("patches only what is sent, never times", () => {
    const parsed = SeriesUpdateInputSchema.parse({
      seriesId: "s1",
      series: { title: "New name" },
      patch: { capacity: 20, startsAt: "2025-06-10T11:00:00Z" },
    });
    expect(parsed.patch).toEqual({ capacity: 20 });
    expect(parsed.series).toEqual({ title: "New name" });
    expect(SeriesUpdateInputSchema.parse({ seriesId: "s1" }).patch).toEqual({});
  });
});
