// The public face: what the README promises is exported from the package root.
import { describe, expect, it } from "vitest";
import * as domain from "./index.js";

describe("@readers/domain public API", () => {
  it.each([
    "ok",
    "err",
    "membershipStatus",
    "privilegesFor",
    "decideMembershipRenewal",
    "memberNumberFromSequence",
    "isValidMemberNumber",
    "signCardPayload",
    "verifyCardPayload",
    "decideRegistration",
    "decideRegistrationCancellation",
    "planWaitlistPromotion",
    "decideSeriesRegistration",
    "seriesCompletion",
    "decideCheckIn",
    "searchAttendees",
    "normalizeIsbn",
    "loanTransition",
    "decideLoanRequest",
    "decideLoanRenewal",
    "planQueueAdvance",
    "loanReminderDue",
    "planNotifications",
    "can",
    "actionsAllowed",
    "dateInZone",
  ])("exports the function %s", (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe("function");
  });

  it.each([
    "DEFAULT_TIER_SETTINGS",
    "DEFAULT_MEMBERSHIP_SETTINGS",
    "DEFAULT_ACTIVITY_SETTINGS",
    "DEFAULT_NO_SHOW_SETTINGS",
    "DEFAULT_SERIES_SETTINGS",
    "DEFAULT_BOOK_SHARING_SETTINGS",
    "ACTIONS",
    "DOMAIN_CODES",
    "domainCodeHttpKind",
    "LOAN_TRANSITIONS",
    "ActivitySchema",
    "TierSchema",
    "CopySchema",
    "LoanSchema",
  ])("exports %s", (name) => {
    expect((domain as Record<string, unknown>)[name]).toBeDefined();
  });
});
