import { describe, expect, it } from "vitest";
import {
  attendeeDisplayName,
  isSearchablePrefix,
  NAME_SEARCH_MAX_RESULTS,
  NameSearchInputSchema,
  normalizeNameForSearch,
  searchAttendees,
  splitPersonName,
} from "./name-search.js";

const people = [
  { id: "1", firstName: "Ada", lastName: "Lovelace" },
  { id: "2", firstName: "José", lastName: "Álvarez" },
  { id: "3", firstName: "Adam", lastName: "Smith" },
  { id: "4", firstName: "Lin", lastName: "Wei" },
  { id: "5", firstName: "Adele", lastName: "Adams" },
  { id: "6", firstName: "小明", lastName: "王" },
];

describe("kiosk name search", () => {
  it("shows first name and initial only", () => {
    expect(attendeeDisplayName("Ada", "Lovelace")).toBe("Ada L.");
    expect(attendeeDisplayName("José", "álvarez")).toBe("José Á.");
    expect(attendeeDisplayName("Prince", "")).toBe("Prince");
  });

  it("normalises accents, case and spaces", () => {
    expect(normalizeNameForSearch("  JOSÉ   Álvarez ")).toBe("jose alvarez");
  });

  it.each([
    ["ada", ["Ada L.", "Adam S.", "Adele A."]],
    ["ad", []],
    ["小明", ["小明 王."]],
    ["王小", ["小明 王."]],
    ["王", []],
    ["jose", ["José Á."]],
    ["alv", ["José Á."]],
    ["wei lin", ["Lin W."]],
    ["ada l", ["Ada L."]],
    ["a", []],
    ["zzz", []],
  ])("%s → %o", (prefix, expected) => {
    expect(searchAttendees(people, prefix).map((m) => m.displayName)).toEqual(expected);
  });

  it("splits a guest's single name field", () => {
    expect(splitPersonName("Mary Ann  Evans ")).toEqual({
      firstName: "Mary Ann",
      lastName: "Evans",
    });
    expect(splitPersonName("Prince")).toEqual({ firstName: "Prince", lastName: "" });
    expect(splitPersonName("王小明")).toEqual({ firstName: "小明", lastName: "王" });
    expect(splitPersonName("  ")).toEqual({ firstName: "", lastName: "" });
  });

  it("returns at most 5 matches", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `${i}`,
      firstName: "Sam",
      lastName: `Q${i}`,
    }));
    expect(searchAttendees(many, "sam")).toHaveLength(NAME_SEARCH_MAX_RESULTS);
  });

  it("input needs 3 letters (2 Han characters) up to 60 characters", () => {
    expect(NameSearchInputSchema.safeParse({ activityId: "a", prefix: " ad " }).success).toBe(
      false,
    );
    expect(NameSearchInputSchema.safeParse({ activityId: "a", prefix: "ada" }).success).toBe(true);
    expect(NameSearchInputSchema.safeParse({ activityId: "a", prefix: "王小" }).success).toBe(true);
    expect(isSearchablePrefix("王")).toBe(false);
    expect(
      NameSearchInputSchema.safeParse({ activityId: "a", prefix: "x".repeat(61) }).success,
    ).toBe(false);
  });
});
