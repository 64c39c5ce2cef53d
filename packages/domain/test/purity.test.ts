// The package's promise, checked on its source: no clock, randomness, environment or I/O,
// and no imports but zod and its own relative `.js` modules (so emitted ESM runs in Node).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Doc comments may show callers using the clock; only code counts.
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

const srcDir = resolve(import.meta.dirname, "..", "src");
const sources = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => ({ file, text: withoutComments(readFileSync(join(srcDir, file), "utf8")) }));

const FORBIDDEN: [string, RegExp][] = [
  ["Date.now()", /\bDate\.now\s*\(/],
  ["new Date() without arguments", /new Date\(\s*\)/],
  ["Math.random", /\bMath\.random\b/],
  ["process.*", /\bprocess\./],
  ["fetch", /\bfetch\s*\(/],
  ["crypto", /\bcrypto\./],
  ["console", /\bconsole\./],
];

describe("source purity", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it.each(sources)("$file uses no clock, randomness, environment or I/O", ({ text }) => {
    for (const [name, pattern] of FORBIDDEN) expect(pattern.test(text), name).toBe(false);
  });

  it.each(sources)("$file imports only zod and relative .js modules", ({ text }) => {
    for (const [, specifier] of text.matchAll(/from\s+"([^"]+)"/g)) {
      expect(specifier === "zod" || /^\.\.?\/.*\.js$/.test(specifier as string), specifier).toBe(
        true,
      );
    }
  });
});
