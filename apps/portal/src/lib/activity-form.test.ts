import { describe, expect, it } from "vitest";
import {
  type ActivityFacts,
  type ActivityFormValues,
  activityFormValues,
  activityPatch,
  checkActivityForm,
  fromWallTime,
  seriesPatch,
  toWallTime,
} from "./activity-form.ts";

const ZONE = "Asia/Shanghai";

function form(overrides: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return {
    ...activityFormValues(undefined, ZONE),
    title: "Poetry evening",
    startsAt: "2025-03-04T19:00",
    endsAt: "2025-03-04T21:00",
    locationId: "loc1",
    capacity: "30",
    ...overrides,
  };
}

const problems = (values: ActivityFormValues) => {
  const result = checkActivityForm(values, ZONE);
  return result.ok ? {} : result.problems;
};

describe("wall-clock times", () => {
  it("are read and written in the association's zone", () => {
    expect(fromWallTime("2025-03-04T19:00", ZONE)).toEqual(new Date("2025-03-04T11:00:00Z"));
    expect(toWallTime("2025-03-04T11:00:00Z", ZONE)).toBe("2025-03-04T19:00");
    expect(toWallTime(null, ZONE)).toBe("");
    for (const bad of ["", "2025-02-30T10:00", "2025-03-04 19:00", "2025-03-04T24:00"]) {
      expect(fromWallTime(bad, ZONE), bad).toBeUndefined();
    }
  });
});

describe("activity form", () => {
  it("starts a new activity from the domain's defaults", () => {
    expect(activityFormValues(undefined, ZONE)).toMatchObject({
      audience: "public",
      registration: "required",
      capacity: "",
      maxPartySize: "1",
      cancellationCutoffMinutes: "120",
      checkInOpensMinutesBefore: "60",
      noShowAfterMinutes: "15",
      waitlistEnabled: true,
    });
  });

  it("parses a valid form into activities.create input", () => {
    const result = checkActivityForm(
      form({
        capacity: "",
        featuredBooks: " Dream of the Red Chamber \n\n Journey to the West",
        partnerNames: "City Library",
      }),
      ZONE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({
      title: "Poetry evening",
      startsAt: new Date("2025-03-04T11:00:00Z"),
      endsAt: new Date("2025-03-04T13:00:00Z"),
      capacity: null,
      opensAt: null,
      closesAt: null,
      featuredBooks: ["Dream of the Red Chamber", "Journey to the West"],
      partnerNames: ["City Library"],
    });
  });

  it("shows a missing title and an end before the start at once", () => {
    expect(problems(form({ title: " ", endsAt: "2025-03-04T18:00" }))).toEqual({
      title: { key: "validation.titleRequired" },
      endsAt: { key: "validation.endBeforeStart" },
    });
  });

  it("refuses a negative or zero capacity and a party larger than the room", () => {
    expect(problems(form({ capacity: "-5" }))).toEqual({
      capacity: { key: "validation.capacityInvalid", params: { max: 100_000 } },
    });
    expect(problems(form({ capacity: "0" })).capacity?.key).toBe("validation.capacityInvalid");
    expect(problems(form({ capacity: "2", maxPartySize: "4" }))).toEqual({
      maxPartySize: { key: "validation.partyLargerThanCapacity" },
    });
    expect(problems(form({ maxPartySize: "50" }))).toEqual({
      maxPartySize: { key: "validation.wholeNumber", params: { min: 1, max: 20 } },
    });
  });

  it("wants the registration window in order", () => {
    expect(problems(form({ opensAt: "2025-03-04T20:00" }))).toEqual({
      opensAt: { key: "validation.opensAfterCloses" },
    });
    expect(problems(form({ closesAt: "2025-03-04T22:00" }))).toEqual({
      closesAt: { key: "validation.closesAfterEnd" },
    });
    expect(problems(form({ opensAt: "2025-03-01T09:00", closesAt: "2025-03-04T12:00" }))).toEqual(
      {},
    );
  });

  it("names missing times, a missing venue and too many books", () => {
    expect(
      problems(
        form({
          startsAt: "",
          endsAt: "soon",
          locationId: "",
          featuredBooks: Array.from({ length: 21 }, (_, i) => `Book ${i}`).join("\n"),
          cancellationCutoffMinutes: "-1",
        }),
      ),
    ).toEqual({
      startsAt: { key: "validation.dateTimeRequired" },
      endsAt: { key: "validation.dateTimeInvalid" },
      locationId: { key: "validation.venueRequired" },
      featuredBooks: { key: "validation.listTooLong", params: { max: 20 } },
      cancellationCutoffMinutes: {
        key: "validation.wholeNumber",
        params: { min: 0, max: 10_080 },
      },
    });
  });
});

describe("patches", () => {
  const stored: ActivityFacts = {
    kind: "lecture",
    title: "Poetry evening",
    summary: "",
    description: "",
    startsAt: "2025-03-04T11:00:00.000Z",
    endsAt: "2025-03-04T13:00:00.000Z",
    locationId: "loc1",
    capacity: 30,
    audience: "public",
    registration: "required",
    opensAt: null,
    closesAt: null,
    maxPartySize: 1,
    cancellationCutoffMinutes: 120,
    checkInOpensMinutesBefore: 60,
    noShowAfterMinutes: 15,
    waitlistEnabled: true,
    featuredBooks: [],
    partnerNames: [],
  };

  it("send only what changed", () => {
    const values = activityFormValues(stored, ZONE);
    const unchanged = checkActivityForm(values, ZONE);
    expect(unchanged.ok && activityPatch(unchanged.input, stored)).toEqual({});
    const edited = checkActivityForm(
      { ...values, title: "Poetry night", startsAt: "2025-03-04T19:30" },
      ZONE,
    );
    const patch = edited.ok ? activityPatch(edited.input, stored) : undefined;
    expect(patch).toEqual({
      title: "Poetry night",
      startsAt: new Date("2025-03-04T11:30:00Z"),
    });
    expect(seriesPatch(patch ?? {})).toEqual({ title: "Poetry night" });
  });
});
