import { describe, expect, it } from "vitest";
import {
  CODES_BY_AREA,
  DOMAIN_CODES,
  domainCodeHttpKind,
  HTTP_KINDS,
  isDomainCode,
} from "./domain-codes.js";

describe("domain codes", () => {
  it("each area's map has keys equal to values", () => {
    for (const codes of Object.values(CODES_BY_AREA)) {
      for (const [key, value] of Object.entries(codes)) expect(value).toBe(key);
    }
  });

  it("the combined list is exactly the union of the areas, once each", () => {
    const union = new Set(Object.values(CODES_BY_AREA).flatMap((codes) => Object.keys(codes)));
    expect([...DOMAIN_CODES].sort()).toEqual([...union].sort());
    expect(new Set(DOMAIN_CODES).size).toBe(DOMAIN_CODES.length);
  });

  it("every code maps to one of the five tRPC kinds", () => {
    for (const code of DOMAIN_CODES) expect(HTTP_KINDS).toContain(domainCodeHttpKind[code]);
    expect(isDomainCode("ACTIVITY_FULL")).toBe(true);
    expect(isDomainCode("toString")).toBe(false);
  });
});
