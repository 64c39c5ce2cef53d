import { describe, expect, it } from "vitest";
import { activity, at, plusMinutes, START } from "../../test/fixtures.js";
import {
  ActivityCreateInputSchema,
  ActivityListInputSchema,
  ActivitySchema,
  ActivityUpdateInputSchema,
  activityPhase,
  cancellationCutoffAt,
  checkInOpensAt,
  DEFAULT_ACTIVITY_SETTINGS,
  noShowAt,
  registrationClosesAt,
} from "./activity.js";

const input = {
  kind: "reading_club",
  title: "Book club: Middlemarch",
  startsAt: "2025-06-10T18:00:00Z",
  endsAt: "2025-06-10T19:30:00Z",
  locationId: "central",
};

describe("activity schemas", () => {
  it("fills every default of DESIGN §2.2", () => {
    const parsed = ActivityCreateInputSchema.parse(input);
    expect(parsed).toMatchObject({
      ...DEFAULT_ACTIVITY_SETTINGS,
      capacity: null,
      opensAt: null,
      closesAt: null,
      summary: "",
      description: "",
      featuredBookIds: [],
      partnerIds: [],
      seriesId: null,
    });
    expect(DEFAULT_ACTIVITY_SETTINGS).toMatchObject({
      maxPartySize: 1,
      cancellationCutoffMinutes: 120,
      checkInOpensMinutesBefore: 60,
      noShowAfterMinutes: 15,
    });
    expect(parsed.startsAt).toBeInstanceOf(Date);
    expect(ActivitySchema.parse({ ...input, id: "a" }).status).toBe("draft");
  });

  it.each([
    ["ends before it starts", { endsAt: "2025-06-10T17:00:00Z" }],
    ["lasts over a year", { endsAt: "2026-06-12T00:00:00Z" }],
    ["closes after the end", { closesAt: "2025-06-10T20:00:00Z" }],
    ["opens after it closes", { opensAt: "2025-06-10T18:30:00Z" }],
    ["party larger than capacity", { capacity: 2, maxPartySize: 3 }],
    ["zero capacity", { capacity: 0 }],
    ["a title too long", { title: "x".repeat(201) }],
    ["an empty title", { title: "  " }],
    ["a description too long", { description: "x".repeat(20_001) }],
    ["too many featured books", { featuredBookIds: Array.from({ length: 21 }, (_, i) => `b${i}`) }],
    ["an unknown kind", { kind: "party" }],
  ])("refuses an activity that %s", (_name, overrides) => {
    expect(ActivityCreateInputSchema.safeParse({ ...input, ...overrides }).success).toBe(false);
  });

  it("update input keeps only the fields sent", () => {
    expect(ActivityUpdateInputSchema.parse({ id: "a1", title: "New" })).toEqual({
      id: "a1",
      title: "New",
    });
    expect(ActivityUpdateInputSchema.safeParse({ title: "New" }).success).toBe(false);
  });

  it("list input bounds text and pages", () => {
    expect(ActivityListInputSchema.parse({ kind: "lecture" })).toMatchObject({
      kind: "lecture",
      limit: 20,
    });
    expect(ActivityListInputSchema.safeParse({ text: "x".repeat(201) }).success).toBe(false);
  });
});

describe("derived times and phase", () => {
  const a = activity();
  it("derives the moments of §2.2", () => {
    expect(registrationClosesAt(a)).toEqual(START);
    expect(registrationClosesAt({ ...a, closesAt: plusMinutes(START, -60) })).toEqual(
      plusMinutes(START, -60),
    );
    expect(noShowAt(a)).toEqual(plusMinutes(START, 15));
    expect(cancellationCutoffAt(a)).toEqual(plusMinutes(START, -120));
    expect(checkInOpensAt(a)).toEqual(plusMinutes(START, -60));
  });

  it.each([
    [{}, plusMinutes(START, -1), "upcoming"],
    [{}, START, "ongoing"],
    [{}, plusMinutes(START, 90), "ended"],
    [{ status: "draft" as const }, START, "draft"],
    [{ status: "cancelled" as const }, at("2030-01-01T00:00:00Z"), "cancelled"],
  ])("%o at %s is %s", (overrides, now, phase) => {
    expect(activityPhase({ ...a, ...overrides }, now)).toBe(phase);
  });
});

describe("update input types", () => {
  it("types each optional field as the field's type", () => {
    const parsed = ActivityUpdateInputSchema.parse({
      id: "a1",
      capacity: null,
      startsAt: "2025-06-10T18:00:00Z",
    });
    const capacity: number | null | undefined = parsed.capacity;
    expect(capacity).toBeNull();
    expect(parsed.startsAt).toBeInstanceOf(Date);
    expect(ActivityUpdateInputSchema.safeParse({ id: "a1", capacity: 0 }).success).toBe(false);
  });
});
