import { describe, expect, it } from "vitest";
import { membershipExpiryNoticeDue } from "./expiry-notice.js";

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
