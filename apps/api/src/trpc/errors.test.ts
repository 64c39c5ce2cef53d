import { DOMAIN_CODES, err, ok } from "@readers/domain";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { DomainRefusal, domainCodeToTrpc, domainError, unwrap } from "./errors.ts";

describe("domain code → tRPC code table", () => {
  it("maps every domain code to one of the five wire codes", () => {
    for (const code of DOMAIN_CODES) {
      expect([
        "FORBIDDEN",
        "CONFLICT",
        "BAD_REQUEST",
        "PRECONDITION_FAILED",
        "NOT_FOUND",
      ]).toContain(domainCodeToTrpc[code]);
    }
  });

  it("keeps the domain code and details on the error's cause", () => {
    const error = domainError(err("ACTIVITY_FULL", "No seats left.", { capacity: 2 }) as never);
    expect(error.code).toBe(domainCodeToTrpc.ACTIVITY_FULL);
    expect(getHTTPStatusCodeFromError(error)).toBe(409);
    expect(error.cause).toBeInstanceOf(DomainRefusal);
    expect(error.cause).toMatchObject({ domainCode: "ACTIVITY_FULL", details: { capacity: 2 } });
  });

  it("unwrap returns a value or throws the refusal", () => {
    expect(unwrap(ok(42))).toBe(42);
    expect(() => unwrap(err("MEMBERSHIP_INACTIVE", "Not active.") as never)).toThrowError(
      "Not active.",
    );
  });
});
