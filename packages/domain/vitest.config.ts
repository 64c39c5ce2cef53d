import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts"],
      reporter: ["text-summary", "text", "json-summary"],
      // The package is the association's rules: untested lines are unchecked rules.
      thresholds: { lines: 95, statements: 95, functions: 95, branches: 90 },
    },
  },
});
