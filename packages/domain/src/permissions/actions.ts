/** Every public procedure of the API (DESIGN §1), named `router.procedure`. */

/**
 * The actions `can` answers for: exactly the API's procedures. The API tests its router
 * against this list both ways, so a procedure missing from the permission table fails.
 * `kiosk.borrow` and `kiosk.return` are the kiosk's shelf lending (DESIGN: "borrow and
 * return books from the association shelf"); kiosks may call nothing outside `kiosk.*`.
 */
export const ACTIONS = [
  "me.get",
  "me.setLocale",
  "memberships.tiers",
  "memberships.apply",
  "memberships.renew",
  "memberships.card",
  "memberships.reportLostCard",
  "memberships.list",
  "memberships.approve",
  "memberships.suspend",
  "memberships.reinstate",
  "memberships.recordPayment",
  "memberships.import",
  "memberships.export",
  "activities.list",
  "activities.get",
  "activities.create",
  "activities.update",
  "activities.publish",
  "activities.cancel",
  "activities.createSeries",
  "activities.registrations",
  "activities.attendance",
  "registrations.register",
  "registrations.cancel",
  "registrations.mine",
  "kiosk.pair",
  "kiosk.revoke",
  "kiosk.today",
  "kiosk.checkIn",
  "kiosk.walkIn",
  "kiosk.searchAttendees",
  "kiosk.occupancy",
  "kiosk.borrow",
  "kiosk.return",
  "books.lookupIsbn",
  "books.addCopy",
  "books.updateCopy",
  "books.withdrawCopy",
  "books.search",
  "books.get",
  "books.myCopies",
  "loans.request",
  "loans.accept",
  "loans.decline",
  "loans.cancel",
  "loans.handOver",
  "loans.renew",
  "loans.return",
  "loans.reportLost",
  "loans.joinQueue",
  "loans.leaveQueue",
  "loans.mine",
  "announcements.list",
  "announcements.create",
  "announcements.update",
  "announcements.publish",
  "notifications.list",
  "notifications.markRead",
  "notifications.preferences",
  "notifications.setPreferences",
  "reading.log",
  "reading.myLog",
  "reading.challenges",
  "reading.joinChallenge",
  "reading.progress",
  "partners.list",
  "partners.create",
  "partners.update",
  "partners.logExchange",
  "reports.overview",
  "reports.exportCsv",
  "admin.users",
  "admin.setRole",
  "admin.settings",
  "admin.auditLog",
] as const;

/** A procedure name, e.g. `"activities.create"`. */
export type Action = (typeof ACTIONS)[number];

/** `true` when `name` is one of {@link ACTIONS}. */
export function isAction(name: string): name is Action {
  return (ACTIONS as readonly string[]).includes(name);
}
