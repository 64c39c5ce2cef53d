import { describe, expect, it } from "vitest";
import { at } from "../../test/fixtures.js";
import {
  activityReminderAt,
  MarkReadInputSchema,
  type NotificationEvent,
  NotificationListInputSchema,
  notificationRecipients,
  planNotifications,
} from "./events.js";

const m = (memberId: string) => ({ kind: "member" as const, memberId });

describe("who is notified", () => {
  it.each<[NotificationEvent, unknown[]]>([
    [{ kind: "registration_confirmed", activityId: "a", registrant: m("m1") }, [m("m1")]],
    [
      {
        kind: "waitlist_promoted",
        activityId: "a",
        registrant: { kind: "email", email: "g@x.org" },
      },
      [{ kind: "email", email: "g@x.org" }],
    ],
    [
      { kind: "activity_cancelled", activityId: "a", registrants: [m("m1"), m("m2"), m("m1")] },
      [m("m1"), m("m2")],
    ],
    [{ kind: "activity_reminder", activityId: "a", registrants: [m("m3")] }, [m("m3")]],
    [{ kind: "loan_requested", loanId: "l", ownerMemberId: "o" }, [m("o")]],
    [{ kind: "loan_requested", loanId: "l", ownerMemberId: null }, []],
    [{ kind: "loan_accepted", loanId: "l", borrowerId: "b" }, [m("b")]],
    [{ kind: "loan_overdue", loanId: "l", borrowerId: "b", ownerMemberId: "o" }, [m("b"), m("o")]],
    [{ kind: "loan_overdue", loanId: "l", borrowerId: "b", ownerMemberId: null }, [m("b")]],
    [{ kind: "queue_turn", copyId: "c", memberId: "q" }, [m("q")]],
    [{ kind: "queue_ended", copyId: "c", memberId: "q" }, [m("q")]],
    [{ kind: "membership_expiring", memberId: "e", daysLeft: 7 }, [m("e")]],
    [
      { kind: "announcement_published", announcementId: "n", memberIds: ["x", "y"] },
      [m("x"), m("y")],
    ],
    [{ kind: "password_reset", email: "Ada@X.org" }, [{ kind: "email", email: "Ada@X.org" }]],
  ])("%o", (event, expected) => {
    expect(notificationRecipients(event)).toEqual(expected);
  });
});

describe("planNotifications", () => {
  it("one row per recipient and chosen channel", () => {
    const rows = planNotifications(
      {
        kind: "activity_changed",
        activityId: "a",
        registrants: [m("m1"), m("m2"), { kind: "email", email: "g@x.org" }],
      },
      { m2: { activity_changed: { email: false } } },
    );
    expect(rows).toEqual([
      { kind: "activity_changed", channel: "in_app", recipient: m("m1") },
      { kind: "activity_changed", channel: "email", recipient: m("m1") },
      { kind: "activity_changed", channel: "in_app", recipient: m("m2") },
      {
        kind: "activity_changed",
        channel: "email",
        recipient: { kind: "email", email: "g@x.org" },
      },
    ]);
  });

  it("password reset goes by e-mail whatever was chosen", () => {
    expect(planNotifications({ kind: "password_reset", email: "a@x.org" })).toEqual([
      { kind: "password_reset", channel: "email", recipient: { kind: "email", email: "a@x.org" } },
    ]);
  });

  it("reminder 24 hours before; list and mark-read inputs", () => {
    expect(activityReminderAt({ startsAt: at("2025-06-10T18:00:00Z") })).toEqual(
      at("2025-06-09T18:00:00Z"),
    );
    expect(NotificationListInputSchema.parse({})).toEqual({ limit: 20, unreadOnly: false });
    expect(MarkReadInputSchema.safeParse({ all: true }).success).toBe(true);
    expect(MarkReadInputSchema.safeParse({ ids: [] }).success).toBe(false);
    expect(
      MarkReadInputSchema.safeParse({ ids: Array.from({ length: 101 }, (_, i) => `n${i}`) })
        .success,
    ).toBe(false);
  });
});
