import { describe, expect, it } from "vitest";
import { checkDateRange, listInput, readFilters } from "./activity-filters.ts";

describe("calendar filters in the address", () => {
  it("read what they know and drop the rest", () => {
    expect(
      readFilters(
        {
          view: "month",
          kind: "reading_club",
          audience: "members",
          from: "2025-03-01",
          to: "2025-02-30",
          q: "  poetry ",
          month: "2025-13",
          status: "secret",
        },
        "2025-03-04",
      ),
    ).toEqual({
      view: "month",
      kind: "reading_club",
      audience: "members",
      status: undefined,
      from: "2025-03-01",
      to: undefined,
      q: "poetry",
      month: "2025-03",
    });
    expect(readFilters({ view: "agenda", kind: "concert" }, "2025-03-04")).toMatchObject({
      view: "list",
      kind: undefined,
    });
  });

  it("turn the days into instants of the association's zone, the last day included", () => {
    const filters = readFilters(
      { from: "2025-03-01", to: "2025-03-31", kind: "lecture" },
      "2025-03-04",
    );
    expect(listInput(filters, "Asia/Shanghai", 20)).toEqual({
      kind: "lecture",
      audience: undefined,
      status: undefined,
      text: undefined,
      from: "2025-02-28T16:00:00.000Z",
      to: "2025-03-31T16:00:00.000Z",
      limit: 20,
    });
  });

  it("ask nothing while the range is the wrong way round", () => {
    const filters = readFilters({ from: "2025-03-10", to: "2025-03-01" }, "2025-03-04");
    expect(checkDateRange(filters.from, filters.to)).toEqual({ key: "activities.rangeInvalid" });
    expect(listInput(filters, "UTC", 20)).toBeUndefined();
    expect(checkDateRange("2025-03-01", "2025-03-01")).toBeUndefined();
  });
});
