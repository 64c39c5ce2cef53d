import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each file opens PGlite (~700 MB, ~3 s); two at a time fit the 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    provide: { databaseUrl: process.env.DATABASE_URL ?? null },
  },
});
