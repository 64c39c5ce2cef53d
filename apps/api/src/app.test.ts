import { describe, expect, it } from "vitest";
import { clientIp, redactPath } from "./app.ts";

describe("clientIp", () => {
  it("uses the socket unless a proxy is trusted", () => {
    expect(clientIp("1.2.3.4", "10.0.0.9")).toBe("10.0.0.9");
    expect(clientIp(undefined, undefined)).toBeNull();
  });
  it("behind a trusted proxy takes the right-most hop, which the client cannot write", () => {
    expect(clientIp("6.6.6.6, 203.0.113.5", "10.0.0.1", true)).toBe("203.0.113.5");
    expect(clientIp(" ,", "10.0.0.1", true)).toBe("10.0.0.1");
  });
});

describe("redactPath", () => {
  it("keeps reset tokens out of the logs", () => {
    expect(redactPath("/api/auth/reset-password/abcDEF123")).toBe(
      "/api/auth/reset-password/[redacted]",
    );
    expect(redactPath("/trpc/me.get")).toBe("/trpc/me.get");
  });
});
