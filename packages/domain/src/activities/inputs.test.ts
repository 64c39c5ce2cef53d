import { describe, expect, it } from "vitest";
import { ActivityListInputSchema, ActivitySchema } from "./activity.js";
import {
  ActivityCancelInputSchema,
  AttendanceInputSchema,
  ManageTokenInputSchema,
  ManualCheckInInputSchema,
  SeriesRegisterInputSchema,
} from "./inputs.js";

describe("procedure inputs", () => {
  it("defaults and bounds", () => {
    expect(ActivityCancelInputSchema.parse({ id: "a1" })).toEqual({
      id: "a1",
      reason: "",
      series: false,
    });
    expect(ActivityCancelInputSchema.safeParse({ id: "a1", reason: "x".repeat(501) }).success).toBe(
      false,
    );
    expect(SeriesRegisterInputSchema.parse({ seriesId: "s" }).partySize).toBe(1);
    expect(ManualCheckInInputSchema.safeParse({ registrationId: "r", seats: 0 }).success).toBe(
      false,
    );
    expect(ManageTokenInputSchema.safeParse({ token: "x".repeat(129) }).success).toBe(false);
  });

  it("attendance is for one activity or one series", () => {
    expect(AttendanceInputSchema.safeParse({ activityId: "a" }).success).toBe(true);
    expect(AttendanceInputSchema.safeParse({ seriesId: "s" }).success).toBe(true);
    expect(AttendanceInputSchema.safeParse({}).success).toBe(false);
    expect(AttendanceInputSchema.safeParse({ activityId: "a", seriesId: "s" }).success).toBe(false);
  });

  it("list ranges run forwards", () => {
    expect(
      ActivityListInputSchema.safeParse({
        from: "2025-06-01T00:00:00Z",
        to: "2025-05-01T00:00:00Z",
      }).success,
    ).toBe(false);
  });

  it("activities take featured books and partner names as bounded free text", () => {
    const base = {
      id: "a1",
      kind: "lecture",
      title: "T",
      startsAt: "2025-06-10T18:00:00Z",
      endsAt: "2025-06-10T19:00:00Z",
      locationId: "central",
    };
    expect(ActivitySchema.parse(base)).toMatchObject({ featuredBooks: [], partnerNames: [] });
    expect(
      ActivitySchema.parse({
        ...base,
        featuredBooks: ["  Walden  "],
        partnerNames: ["City Library"],
      }),
    ).toMatchObject({ featuredBooks: ["Walden"], partnerNames: ["City Library"] });
    expect(
      ActivitySchema.safeParse({ ...base, featuredBooks: Array.from({ length: 21 }, () => "B") })
        .success,
    ).toBe(false);
    expect(
      ActivitySchema.safeParse({ ...base, partnerNames: Array.from({ length: 11 }, () => "P") })
        .success,
    ).toBe(false);
    expect(ActivitySchema.safeParse({ ...base, featuredBooks: [""] }).success).toBe(false);
  });
});
