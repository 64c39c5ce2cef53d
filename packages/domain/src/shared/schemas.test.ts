import { describe, expect, it } from "vitest";
import {
  CalendarDateSchema,
  EmailSchema,
  IdSchema,
  InstantSchema,
  PageInputSchema,
  PersonNameSchema,
  TimeZoneSchema,
} from "./schemas.js";

describe("shared schemas", () => {
  it("InstantSchema coerces ISO strings with an offset and keeps Dates", () => {
    expect(InstantSchema.parse("2025-03-01T10:00:00+08:00").toISOString()).toBe(
      "2025-03-01T02:00:00.000Z",
    );
    const d = new Date("2025-03-01T10:00:00Z");
    expect(InstantSchema.parse(d)).toBe(d);
  });

  it.each(["2025-03-01T10:00:00", "2025-03-01", "yesterday", 1700000000000])(
    "InstantSchema rejects %s",
    (value) => {
      expect(InstantSchema.safeParse(value).success).toBe(false);
    },
  );

  it("InstantSchema bounds the string", () => {
    expect(InstantSchema.safeParse(`2025-03-01T10:00:00.${"1".repeat(40)}Z`).success).toBe(false);
  });

  it("InstantSchema rejects an invalid Date", () => {
    expect(InstantSchema.safeParse(new Date(Number.NaN)).success).toBe(false);
  });

  it("CalendarDateSchema accepts real dates only", () => {
    expect(CalendarDateSchema.parse("2024-02-29")).toBe("2024-02-29");
    expect(CalendarDateSchema.safeParse("2025-02-29").success).toBe(false);
  });

  it("IdSchema is bounded and plain", () => {
    expect(IdSchema.safeParse("a".repeat(64)).success).toBe(true);
    expect(IdSchema.safeParse("a".repeat(65)).success).toBe(false);
    expect(IdSchema.safeParse("").success).toBe(false);
    expect(IdSchema.safeParse("a/b").success).toBe(false);
  });

  it("EmailSchema trims and lower-cases, and bounds length", () => {
    expect(EmailSchema.parse("  Ada@Example.ORG ")).toBe("ada@example.org");
    expect(EmailSchema.safeParse(`${"a".repeat(250)}@x.org`).success).toBe(false);
    expect(EmailSchema.safeParse("not an email").success).toBe(false);
  });

  it("PersonNameSchema trims and refuses blanks", () => {
    expect(PersonNameSchema.parse(" Ada ")).toBe("Ada");
    expect(PersonNameSchema.safeParse("   ").success).toBe(false);
  });

  it("TimeZoneSchema knows IANA zones", () => {
    expect(TimeZoneSchema.safeParse("Europe/Paris").success).toBe(true);
    expect(TimeZoneSchema.safeParse("Nowhere/Land").success).toBe(false);
  });

  it("PageInputSchema caps the page size and defaults it", () => {
    expect(PageInputSchema.parse({})).toEqual({ limit: 20 });
    expect(PageInputSchema.safeParse({ limit: 101 }).success).toBe(false);
    expect(PageInputSchema.safeParse({ limit: 0 }).success).toBe(false);
  });
});
