import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import {
  changedActivityFields,
  decideActivityCancellation,
  decideActivityUpdate,
  decidePublication,
} from "./activity-status.js";

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

describe("decideActivityUpdate", () => {
  const current = activity();
  const update = (patch: Parameters<typeof activity>[0], now = before, confirmedSeats = 10) =>
    decideActivityUpdate({ current, next: { ...current, ...patch }, confirmedSeats, now });

  it("lists what changed, and tells registrants only of time or venue", () => {
    expect(update({ title: "New title", featuredBooks: ["Walden"] })).toEqual({
      ok: true,
      value: {
        changed: ["title", "featuredBooks"],
        notifyRegistrants: false,
        promoteWaitlist: false,
      },
    });
    expect(update({ locationId: "campus" })).toMatchObject({
      value: { changed: ["locationId"], notifyRegistrants: true },
    });
    expect(
      update({ startsAt: plusMinutes(START, 30), endsAt: plusMinutes(START, 120) }),
    ).toMatchObject({ value: { changed: ["startsAt", "endsAt"], notifyRegistrants: true } });
    expect(update({})).toMatchObject({ value: { changed: [], notifyRegistrants: false } });
  });

  it("promotes the waitlist when seats are added before the start", () => {
    expect(update({ capacity: 40 })).toMatchObject({ value: { promoteWaitlist: true } });
    expect(update({ capacity: null })).toMatchObject({ value: { promoteWaitlist: true } });
    expect(update({ capacity: 20 })).toMatchObject({ value: { promoteWaitlist: false } });
    const draft = { ...current, status: "draft" as const };
    expect(
      decideActivityUpdate({
        current: draft,
        next: { ...draft, capacity: 40 },
        confirmedSeats: 0,
        now: before,
      }),
    ).toMatchObject({ value: { promoteWaitlist: false, notifyRegistrants: false } });
  });

  it("refuses a capacity below the confirmed seats", () => {
    expect(update({ capacity: 9 })).toMatchObject({
      ok: false,
      code: "CAPACITY_BELOW_CONFIRMED",
      confirmedSeats: 10,
    });
    expect(update({ capacity: 10 })).toMatchObject({ ok: true });
  });

  it("keeps the schedule of an activity that is over, but lets its text be fixed", () => {
    expect(update({ title: "Typo fixed" }, after)).toMatchObject({ ok: true });
    expect(update({ capacity: 50 }, after)).toMatchObject({ ok: false, code: "ACTIVITY_ENDED" });
    expect(
      update({ startsAt: plusMinutes(before, -120), endsAt: plusMinutes(before, -30) }),
    ).toMatchObject({ ok: false, code: "ACTIVITY_ENDED" });
  });

  it("refuses editing a cancelled activity", () => {
    const cancelled = { ...current, status: "cancelled" as const };
    expect(
      decideActivityUpdate({ current: cancelled, next: cancelled, confirmedSeats: 0, now: before }),
    ).toMatchObject({ ok: false, code: "INVALID_ACTIVITY_STATUS" });
  });

  it("compares dates and lists by value", () => {
    expect(
      changedActivityFields(current, {
        ...current,
        startsAt: new Date(current.startsAt.getTime()),
        featuredBooks: [],
        partnerNames: ["Library friends"],
      }),
    ).toEqual(["partnerNames"]);
  });
});
