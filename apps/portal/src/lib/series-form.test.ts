import { describe, expect, it } from "vitest";
import { activityFormValues } from "./activity-form.ts";
import { checkSeriesForm, seriesFormValues } from "./series-form.ts";

const ZONE = "Asia/Shanghai";
const template = {
  ...activityFormValues(undefined, ZONE),
  kind: "reading_club" as const,
  title: "Reading club",
  startsAt: "2025-03-04T19:00",
  endsAt: "2025-03-04T20:30",
  locationId: "loc1",
  capacity: "12",
};

describe("series form", () => {
  it("builds a weekly series of N sessions from the first one", () => {
    const result = checkSeriesForm(
      { ...seriesFormValues(), title: "Spring reading club", count: "6" },
      template,
      ZONE,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.series).toMatchObject({
      title: "Spring reading club",
      kind: "reading_club",
      completionPercent: 75,
    });
    expect(result.input.repeat).toMatchObject({
      frequency: "weekly",
      interval: 1,
      count: 6,
      startsAt: new Date("2025-03-04T11:00:00Z"),
    });
    expect(result.input.template).toMatchObject({ capacity: 12, opensAt: null, closesAt: null });
    expect(result.input.sessions).toBeUndefined();
  });

  it("takes explicit dates and words each session's problem", () => {
    const values = {
      ...seriesFormValues(),
      title: "Workshops",
      schedule: "dates" as const,
      sessions: [
        { startsAt: "2025-03-04T19:00", endsAt: "2025-03-04T21:00" },
        { startsAt: "2025-03-11T19:00", endsAt: "2025-03-11T18:00" },
        { startsAt: "", endsAt: "" },
      ],
    };
    const result = checkSeriesForm(values, { ...template, startsAt: "", endsAt: "" }, ZONE);
    expect(result.ok ? undefined : result.problems.sessions).toEqual([
      {},
      { endsAt: { key: "validation.endBeforeStart" } },
      {
        startsAt: { key: "validation.dateTimeRequired" },
        endsAt: { key: "validation.dateTimeRequired" },
      },
    ]);
    const fixed = checkSeriesForm(
      { ...values, sessions: values.sessions.slice(0, 1) },
      { ...template, startsAt: "", endsAt: "" },
      ZONE,
    );
    expect(fixed.ok && fixed.input.sessions).toEqual([
      { startsAt: new Date("2025-03-04T11:00:00Z"), endsAt: new Date("2025-03-04T13:00:00Z") },
    ]);
  });

  it("checks the series' own fields and the repeat rule's limits", () => {
    const result = checkSeriesForm(
      { ...seriesFormValues(), completionPercent: "120", count: "60", interval: "0" },
      template,
      ZONE,
    );
    expect(result.ok ? undefined : result.problems.series).toEqual({
      title: { key: "validation.titleRequired" },
      completionPercent: { key: "validation.wholeNumber", params: { min: 1, max: 100 } },
      interval: { key: "validation.wholeNumber", params: { min: 1, max: 4 } },
      count: { key: "validation.wholeNumber", params: { min: 1, max: 52 } },
    });
  });
});
