import { describe, expect, it } from "vitest";
import { addDays } from "../shared/calendar.js";
import { daysOverdue, isOverdue, loanDueDate, loanPeriodDays } from "./due-date.js";
import { loanReminderDue, loanReminderDueDates, loanReminderSchedule } from "./reminders.js";
import { meetsTrust, trustScore } from "./trust.js";

describe("due dates", () => {
  it("min(owner, tier) days after the hand-over day in the association's zone", () => {
    expect(loanPeriodDays(21, null)).toBe(21);
    expect(loanPeriodDays(21, 30)).toBe(21);
    expect(loanPeriodDays(21, 14)).toBe(14);
    expect(loanDueDate(new Date("2025-03-01T17:00:00Z"), "Asia/Shanghai", 21, null)).toBe(
      "2025-03-23",
    );
    expect(loanDueDate(new Date("2025-03-01T17:00:00Z"), "Europe/Paris", 21, null)).toBe(
      "2025-03-22",
    );
  });

  it("overdue the day after the due date, only while on loan", () => {
    const l = { state: "on_loan", dueDate: "2025-03-20" };
    expect(isOverdue(l, "2025-03-20")).toBe(false);
    expect(isOverdue(l, "2025-03-21")).toBe(true);
    expect(isOverdue({ ...l, state: "returned" }, "2025-04-01")).toBe(false);
    expect(daysOverdue(l, "2025-03-27")).toBe(7);
    expect(daysOverdue(l, "2025-03-01")).toBe(0);
  });
});

describe("reminders: 3 days before, on the day, 7 days after", () => {
  it("schedule", () => {
    expect(loanReminderSchedule("2025-03-20")).toEqual([
      { kind: "loan_due_soon", date: "2025-03-17" },
      { kind: "loan_due_today", date: "2025-03-20" },
      { kind: "loan_overdue", date: "2025-03-27" },
    ]);
  });

  it.each([
    ["2025-03-16", null],
    ["2025-03-17", "loan_due_soon"],
    // A missed day catches up (the outbox's dedupe key stops a second copy)…
    ["2025-03-18", "loan_due_soon"],
    ["2025-03-19", "loan_due_soon"],
    ["2025-03-20", "loan_due_today"],
    ["2025-03-22", "loan_due_today"],
    // …but at most two days late, and never an earlier kind once a later one has come.
    ["2025-03-23", null],
    ["2025-03-27", "loan_overdue"],
    ["2025-03-29", "loan_overdue"],
    ["2025-03-30", null],
  ])("on %s → %s", (today, kind) => {
    expect(loanReminderDue({ state: "on_loan", dueDate: "2025-03-20" }, today)).toBe(kind);
  });

  it("asks the job for every due date whose reminder may be due today", () => {
    const dates = loanReminderDueDates("2025-03-29");
    for (const due of ["2025-03-20", "2025-03-22", "2025-04-01", "2025-03-29", "2025-03-31"]) {
      expect(dates).toContain(due);
    }
    expect(dates).toHaveLength(9);
    // Every loan the rule would remind today is among them.
    for (let d = 0; d < 40; d++) {
      const due = addDays("2025-03-10", d);
      if (loanReminderDue({ state: "on_loan", dueDate: due }, "2025-03-29")) {
        expect(dates).toContain(due);
      }
    }
  });

  it("nothing for loans not on loan", () => {
    expect(loanReminderDue({ state: "returned", dueDate: "2025-03-20" }, "2025-03-20")).toBeNull();
    expect(loanReminderDue({ state: "on_loan", dueDate: null }, "2025-03-20")).toBeNull();
  });
});

describe("trust", () => {
  it("counts successful returns only", () => {
    expect(
      trustScore([
        { state: "returned" },
        { state: "lost" },
        { state: "given" },
        { state: "returned" },
      ]),
    ).toBe(2);
    expect(meetsTrust(0, null)).toBe(true);
    expect(meetsTrust(1, 2)).toBe(false);
    expect(meetsTrust(2, 2)).toBe(true);
  });
});
