import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("has working defaults for a fresh machine", () => {
    const env = loadEnv({}, {});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATA_DIR: "./data",
      LOG_LEVEL: "info",
      TRUST_PROXY: false,
      AUTH_ATTEMPTS_PER_MINUTE: 10,
    });
    expect(loadEnv({ AUTH_ATTEMPTS_PER_MINUTE: "60" }, {}).AUTH_ATTEMPTS_PER_MINUTE).toBe(60);
    expect(() => loadEnv({ AUTH_ATTEMPTS_PER_MINUTE: "0" }, {})).toThrow(
      /AUTH_ATTEMPTS_PER_MINUTE/,
    );
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset and lets overrides win", () => {
    const env = loadEnv(
      { DATA_DIR: "./data-demo" },
      { DATA_DIR: "./data", SMTP_URL: "", PORT: "8080" },
    );
    expect(env).toMatchObject({
      DATA_DIR: "./data-demo",
      PORT: 8080,
      PUBLIC_URL: "http://localhost:8080",
    });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("lists every invalid setting in one readable error", () => {
    expect(() =>
      loadEnv(
        {},
        {
          PORT: "70000",
          DATABASE_URL: "mysql://x",
          AUTH_SECRET: "short",
          ASSOCIATION_TIMEZONE: "Mars/Olympus",
        },
      ),
    ).toThrowError(
      /PORT[\s\S]*DATABASE_URL must start with postgres[\s\S]*AUTH_SECRET must be at least 32[\s\S]*ASSOCIATION_TIMEZONE/,
    );
  });
});
