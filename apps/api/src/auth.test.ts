import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./auth.ts";

describe("trustedOrigins", () => {
  it("trusts the public origin and, locally, its loopback twin", () => {
    expect(trustedOrigins("http://localhost:3000")).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
    ]);
    expect(trustedOrigins("http://127.0.0.1:8080/")).toEqual([
      "http://127.0.0.1:8080",
      "http://localhost:8080",
    ]);
    expect(trustedOrigins("https://readers.example.org/portal")).toEqual([
      "https://readers.example.org",
    ]);
  });
});
