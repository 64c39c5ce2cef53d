import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.ts";

const now = new Date("2026-03-04T12:00:00.000Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relative time", () => {
  it("says how long ago, in whole units, in both languages", () => {
    expect(relativeTime("en", ago(3), now)).toBe("now");
    expect(relativeTime("en", ago(45), now)).toBe("45 seconds ago");
    expect(relativeTime("en", ago(3 * 60 + 20), now)).toBe("3 minutes ago");
    expect(relativeTime("en", ago(2 * 3600), now)).toBe("2 hours ago");
    expect(relativeTime("en", ago(26 * 3600), now)).toBe("yesterday");
    expect(relativeTime("zh-CN", ago(3 * 60), now)).toBe("3分钟前");
  });

  it("counts forward too (a pairing code that expires)", () => {
    expect(relativeTime("en", new Date(now.getTime() + 15 * 60_000), now)).toBe("in 15 minutes");
  });
});
