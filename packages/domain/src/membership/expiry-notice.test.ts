import { describe, expect, it } from "vitest";
import { membershipExpiryNoticeDue, membershipExpiryNoticeToSend } from "./expiry-notice.js";

describe("membershipExpiryNoticeDue", () => {
  it.each([
    ["2025-12-01", 30],
    ["2025-12-24", 7],
    ["2025-12-02", null],
    ["2025-12-31", null],
  ])("on %s → %s", (today, expected) => {
    expect(membershipExpiryNoticeDue("2025-12-31", today)).toBe(expected);
  });

  it("has nothing to say without an end date, and honours custom days", () => {
    expect(membershipExpiryNoticeDue(null, "2025-12-01")).toBeNull();
    expect(membershipExpiryNoticeDue("2025-12-31", "2025-12-17", [14])).toBe(14);
  });
});

describe("membershipExpiryNoticeToSend", () => {
  it.each([
    ["2026-03-31", "2026-03-01", { threshold: 30, daysLeft: 30 }],
    ["2026-03-31", "2026-03-03", { threshold: 30, daysLeft: 28 }],
    ["2026-03-31", "2026-03-24", { threshold: 7, daysLeft: 7 }],
    ["2026-03-31", "2026-03-30", { threshold: 7, daysLeft: 1 }],
    ["2026-03-31", "2026-03-31", { threshold: 7, daysLeft: 0 }],
    ["2026-03-31", "2026-02-27", null],
    ["2026-03-31", "2026-04-01", null],
  ])("end %s, today %s", (end, today, expected) => {
    expect(membershipExpiryNoticeToSend(end, today)).toEqual(expected);
  });
  it("needs an end date", () => {
    expect(membershipExpiryNoticeToSend(null, "2026-01-01")).toBeNull();
  });
});
