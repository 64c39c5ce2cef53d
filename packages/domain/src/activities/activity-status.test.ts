import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import { decideActivityCancellation, decidePublication } from "./activity-status.js";

const before = plusMinutes(START, -60);
const after = plusMinutes(START, 90);

describe("publication and cancellation", () => {
  it("publishes a draft", () => {
    expect(decidePublication(activity({ status: "draft" }), before)).toEqual({
      ok: true,
      value: { status: "published" },
    });
  });
  it.each([
    ["INVALID_ACTIVITY_STATUS", activity({ status: "published" }), before],
    ["INVALID_ACTIVITY_STATUS", activity({ status: "cancelled" }), before],
    ["ACTIVITY_ENDED", activity({ status: "draft" }), after],
  ])("refuses publishing with %s", (code, a, now) => {
    expect(decidePublication(a, now)).toMatchObject({ ok: false, code });
  });

  it("cancels, notifying registrants only if it was published", () => {
    expect(decideActivityCancellation(activity(), before)).toEqual({
      ok: true,
      value: { status: "cancelled", notifyRegistrants: true },
    });
    expect(decideActivityCancellation(activity({ status: "draft" }), before)).toMatchObject({
      value: { notifyRegistrants: false },
    });
  });
  it.each([
    ["INVALID_ACTIVITY_STATUS", activity({ status: "cancelled" }), before],
    ["ACTIVITY_ENDED", activity(), after],
  ])("refuses cancelling with %s", (code, a, now) => {
    expect(decideActivityCancellation(a, now)).toMatchObject({ ok: false, code });
  });
});
