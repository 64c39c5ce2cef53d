import { describe, expect, it } from "vitest";
import { authErrorKey, domainCode, errorDetails, trpcErrorKey } from "./errors.ts";

describe("authErrorKey", () => {
  it("maps better-auth codes to their own messages", () => {
    expect(authErrorKey({ status: 401, code: "INVALID_EMAIL_OR_PASSWORD" })).toBe(
      "errors.auth.INVALID_EMAIL_OR_PASSWORD",
    );
    expect(authErrorKey({ status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" })).toBe(
      "errors.auth.USER_ALREADY_EXISTS",
    );
    expect(authErrorKey({ status: 400, code: "PASSWORD_TOO_SHORT" })).toBe(
      "errors.auth.PASSWORD_TOO_SHORT",
    );
  });

  it("knows rate limits and network failures, and falls back for anything else", () => {
    expect(authErrorKey({ status: 429 })).toBe("errors.tooManyRequests");
    expect(authErrorKey({ status: 0 })).toBe("errors.network");
    expect(authErrorKey({ status: 500, code: "SOMETHING_NEW" })).toBe("errors.generic");
    // Inherited object keys are not codes.
    expect(authErrorKey({ status: 400, code: "toString" })).toBe("errors.generic");
  });
});

describe("trpcErrorKey", () => {
  it("translates tRPC codes, and treats an answer without data as a network failure", () => {
    expect(trpcErrorKey({ data: { code: "UNAUTHORIZED", domainCode: null } })).toBe(
      "errors.unauthorized",
    );
    expect(trpcErrorKey({ data: { code: "INTERNAL_SERVER_ERROR" } })).toBe("errors.generic");
    expect(trpcErrorKey(new TypeError("Failed to fetch"))).toBe("errors.network");
  });
});

describe("domain codes", () => {
  it("have their own texts, and unknown ones fall back to the tRPC code", () => {
    const refusal = {
      data: {
        code: "PRECONDITION_FAILED",
        domainCode: "RENEWAL_TOO_EARLY",
        details: { opensOn: "2025-07-02" },
      },
    };
    expect(trpcErrorKey(refusal)).toBe("errors.domain.RENEWAL_TOO_EARLY");
    expect(domainCode(refusal)).toBe("RENEWAL_TOO_EARLY");
    expect(errorDetails(refusal)).toEqual({ opensOn: "2025-07-02" });
    expect(trpcErrorKey({ data: { code: "CONFLICT", domainCode: "SOMETHING_NEW" } })).toBe(
      "errors.conflict",
    );
    expect(trpcErrorKey({ data: { code: "BAD_REQUEST", domainCode: "hasOwnProperty" } })).toBe(
      "errors.badRequest",
    );
    expect(errorDetails(new Error("x"))).toEqual({});
  });

  it("include the membership and import refusals", () => {
    for (const code of [
      "EMAIL_UNVERIFIED",
      "OWN_MEMBERSHIP",
      "LAST_ADMIN",
      "TIER_CHANGE_NEEDS_APPLICATION",
      "IMPORT_MALFORMED",
    ]) {
      expect(trpcErrorKey({ data: { code: "PRECONDITION_FAILED", domainCode: code } })).toBe(
        `errors.domain.${code}`,
      );
    }
    expect(authErrorKey({ status: 400, code: "EMAIL_ALREADY_VERIFIED" })).toBe(
      "errors.auth.EMAIL_ALREADY_VERIFIED",
    );
  });
});
