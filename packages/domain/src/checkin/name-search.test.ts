import { describe, expect, it } from "vitest";
import {
  attendeeDisplayName,
  NAME_SEARCH_MAX_RESULTS,
  NameSearchInputSchema,
  normalizeNameForSearch,
  searchAttendees,
} from "./name-search.js";

const people = [
  { id: "1", firstName: "Ada", lastName: "Lovelace" },
  { id: "2", firstName: "José", lastName: "Álvarez" },
  { id: "3", firstName: "Adam", lastName: "Smith" },
  { id: "4", firstName: "Lin", lastName: "Wei" },
  { id: "5", firstName: "Adele", lastName: "Adams" },
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
    ["ad", ["Ada L.", "Adam S.", "Adele A."]],
    ["jose", ["José Á."]],
    ["alv", ["José Á."]],
    ["wei lin", ["Lin W."]],
    ["ada l", ["Ada L."]],
    ["a", []],
    ["zz", []],
  ])("%s → %o", (prefix, expected) => {
    expect(searchAttendees(people, prefix).map((m) => m.displayName)).toEqual(expected);
  });

  it("returns at most 5 matches", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `${i}`,
      firstName: "Sam",
      lastName: `Q${i}`,
    }));
    expect(searchAttendees(many, "sam")).toHaveLength(NAME_SEARCH_MAX_RESULTS);
  });

  it("input needs 2 to 60 characters", () => {
    expect(NameSearchInputSchema.safeParse({ activityId: "a", prefix: " a " }).success).toBe(false);
    expect(NameSearchInputSchema.safeParse({ activityId: "a", prefix: "ad" }).success).toBe(true);
    expect(
      NameSearchInputSchema.safeParse({ activityId: "a", prefix: "x".repeat(61) }).success,
    ).toBe(false);
  });
});
