/**
 * @packageDocumentation
 * `@readers/domain`: the rules of a readers' association — memberships, activities and
 * registration, kiosk check-in, book sharing, notifications, permissions — as pure
 * functions and zod schemas. No clock, no randomness, no I/O: `now`, ids and settings
 * come in as arguments. Instants are `Date`s; calendar dates are `YYYY-MM-DD` strings.
 * Every rule returns `{ ok: true, value }` or `{ ok: false, code, message, … }`.
 */

export * from "./activities/activity.js";
export * from "./activities/activity-status.js";
export * from "./activities/attendance.js";
export * from "./activities/cancellation.js";
// Activities, registration, waitlist (DESIGN §2.2)
export * from "./activities/codes.js";
export * from "./activities/inputs.js";
export * from "./activities/no-show.js";
export * from "./activities/recurrence.js";
export * from "./activities/registration.js";
export * from "./activities/reminders.js";
export * from "./activities/series.js";
export * from "./activities/waitlist.js";
export * from "./book-sharing/book.js";
// Book sharing (DESIGN §2.4)
export * from "./book-sharing/codes.js";
export * from "./book-sharing/copy-withdrawal.js";
export * from "./book-sharing/due-date.js";
export * from "./book-sharing/isbn.js";
export * from "./book-sharing/loan.js";
export * from "./book-sharing/loan-renewal.js";
export * from "./book-sharing/loan-request.js";
export * from "./book-sharing/queue.js";
export * from "./book-sharing/reminders.js";
export * from "./book-sharing/search.js";
export * from "./book-sharing/settings.js";
export * from "./book-sharing/shelf.js";
export * from "./book-sharing/trust.js";
export * from "./checkin/check-in.js";
// Check-in (DESIGN §2.3)
export * from "./checkin/codes.js";
export * from "./checkin/guest-pass.js";
export * from "./checkin/kiosk.js";
export * from "./checkin/name-search.js";
export * from "./domain-codes.js";
export * from "./membership/card.js";
// Membership (DESIGN §2.1)
export * from "./membership/codes.js";
export * from "./membership/expiry-notice.js";
export * from "./membership/import.js";
export * from "./membership/inputs.js";
export * from "./membership/lifecycle.js";
export * from "./membership/member.js";
export * from "./membership/member-number.js";
export * from "./membership/membership.js";
export * from "./membership/privileges.js";
export * from "./membership/profile.js";
export * from "./membership/renewal.js";
export * from "./membership/settings.js";
export * from "./membership/tier.js";
export * from "./notifications/events.js";
// Notifications (DESIGN §2.5)
export * from "./notifications/kinds.js";
export * from "./notifications/preferences.js";
// Permissions (DESIGN §1 procedures × roles)
export * from "./permissions/actions.js";
export * from "./permissions/can.js";
export * from "./shared/calendar.js";
export * from "./shared/limits.js";
// Shared building blocks
export * from "./shared/result.js";
export * from "./shared/schemas.js";
export * from "./shared/time-zone.js";
