/** One permission table for every procedure and role, and the `can` that reads it. */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { ACTIONS, type Action } from "./actions.js";

/** Roles of people who sign in. */
export const USER_ROLES = ["member", "organizer", "admin"] as const;
/** A signed-in user's role. */
export type UserRole = (typeof USER_ROLES)[number];

/** Every row of the permission matrix: nobody signed in, the three user roles, kiosks. */
export const ACTOR_ROLES = ["anonymous", ...USER_ROLES, "kiosk"] as const;
/** A role in the permission matrix. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Who is calling: the permission subject, keyed by the matrix row it reads. */
export type Actor =
  | { readonly role: "anonymous" }
  | {
      readonly role: UserRole;
      readonly userId: string;
      /** The caller's member record, needed for ownership checks; absent for accounts without one. */
      readonly memberId?: string | null;
    }
  /** A paired kiosk device, bound to one location. */
  | { readonly role: "kiosk"; readonly locationId: string; readonly deviceId?: string };

/**
 * `true`: allowed. `"own"`: allowed on resources the actor's member owns.
 * `"own_or_association"`: also on resources the association owns.
 */
export type Access = true | "own" | "own_or_association";

/** Who may call one procedure; a role not listed may not. */
export type PermissionRule = Readonly<Partial<Record<ActorRole, Access>>>;

/** A resource whose ownership matters: `ownerMemberId` `null` means the association. */
export interface OwnedResource {
  readonly ownerMemberId: string | null;
}

const PUBLIC: PermissionRule = { anonymous: true, member: true, organizer: true, admin: true };
const SIGNED_IN: PermissionRule = { member: true, organizer: true, admin: true };
const STAFF: PermissionRule = { organizer: true, admin: true };
const ADMIN: PermissionRule = { admin: true };
const KIOSK: PermissionRule = { kiosk: true };
const OWNER_OR_STAFF: PermissionRule = {
  member: "own",
  organizer: "own_or_association",
  admin: true,
};

/**
 * The permission table. Membership status and loan roles are not here: the rules
 * (`decideRegistration`, `loanTransition`, …) refuse with their own codes.
 */
export const PERMISSIONS: Readonly<Record<Action, PermissionRule>> = {
  "me.get": PUBLIC,
  "me.setLocale": SIGNED_IN,
  "me.updateProfile": SIGNED_IN,
  "me.exportData": SIGNED_IN,
  "me.deleteAccount": SIGNED_IN,
  "memberships.tiers": PUBLIC,
  "memberships.apply": SIGNED_IN,
  "memberships.renew": SIGNED_IN,
  "memberships.card": SIGNED_IN,
  "memberships.reportLostCard": SIGNED_IN,
  "memberships.leave": SIGNED_IN,
  "memberships.get": STAFF,
  // A volunteer at the desk checks a card by scanning it.
  "memberships.verifyCard": STAFF,
  "memberships.saveTier": ADMIN,
  "memberships.archiveTier": ADMIN,
  "memberships.list": STAFF,
  "memberships.approve": STAFF,
  "memberships.suspend": STAFF,
  "memberships.reinstate": STAFF,
  "memberships.recordPayment": STAFF,
  "memberships.import": STAFF,
  "memberships.export": STAFF,
  "activities.list": PUBLIC,
  "activities.get": PUBLIC,
  "activities.previewDescription": STAFF,
  "activities.create": STAFF,
  "activities.update": STAFF,
  "activities.publish": STAFF,
  "activities.cancel": STAFF,
  "activities.createSeries": STAFF,
  "activities.registrations": STAFF,
  "activities.attendance": STAFF,
  "activities.updateSeries": STAFF,
  "activities.rosterCsv": STAFF,
  // Manual check-in on the organizer's roster; kiosks use kiosk.checkIn.
  "activities.checkIn": STAFF,
  "activities.undoCheckIn": STAFF,
  "activities.moveFromWaitlist": STAFF,
  // Anonymous callers are guests of public activities.
  "registrations.register": PUBLIC,
  // Guests cancel through their manage link; the API checks its token.
  "registrations.cancel": { anonymous: true, member: "own", organizer: true, admin: true },
  "registrations.mine": SIGNED_IN,
  // Whoever holds a guest's manage link may see and cancel that one registration.
  "registrations.manage": PUBLIC,
  "registrations.registerSeries": SIGNED_IN,
  // The secret address of one's personal calendar feed.
  "registrations.feedToken": SIGNED_IN,
  "registrations.regenerateFeedToken": SIGNED_IN,
  "kiosk.pair": ADMIN,
  "kiosk.revoke": ADMIN,
  "kiosk.devices": ADMIN,
  // The PIN that opens a kiosk's "Needs staff" list: admins set it, kiosks check it.
  "kiosk.staffPin": ADMIN,
  "kiosk.setStaffPin": ADMIN,
  "kiosk.unlockStaff": KIOSK,
  // The kiosk has no token yet; the one-time code is the secret (short-lived, rate-limited).
  "kioskPairing.activate": PUBLIC,
  "kiosk.today": KIOSK,
  "kiosk.checkIn": KIOSK,
  "kiosk.walkIn": KIOSK,
  "kiosk.searchAttendees": KIOSK,
  "kiosk.occupancy": KIOSK,
  "kiosk.borrow": KIOSK,
  "kiosk.return": KIOSK,
  "books.lookupIsbn": SIGNED_IN,
  "books.addCopy": SIGNED_IN,
  "books.updateCopy": OWNER_OR_STAFF,
  "books.withdrawCopy": OWNER_OR_STAFF,
  "books.search": SIGNED_IN,
  "books.get": SIGNED_IN,
  "books.myCopies": SIGNED_IN,
  // Printing shelf labels is an officer's job.
  "books.label": STAFF,
  // Who may make which loan move is the loan machine's business (`loanTransition`).
  "loans.request": SIGNED_IN,
  "loans.accept": SIGNED_IN,
  "loans.decline": SIGNED_IN,
  "loans.cancel": SIGNED_IN,
  "loans.handOver": SIGNED_IN,
  "loans.renew": SIGNED_IN,
  "loans.return": SIGNED_IN,
  "loans.reportLost": SIGNED_IN,
  "loans.joinQueue": SIGNED_IN,
  "loans.leaveQueue": SIGNED_IN,
  "loans.mine": SIGNED_IN,
  // Only the loan's two parties (or an officer, for the association's copies): checked in the handler.
  "loans.get": SIGNED_IN,
  // Public announcements are public; the API filters members-only ones by caller.
  "announcements.list": PUBLIC,
  "announcements.create": STAFF,
  "announcements.update": STAFF,
  "announcements.publish": STAFF,
  "notifications.list": SIGNED_IN,
  "notifications.markRead": SIGNED_IN,
  "notifications.preferences": SIGNED_IN,
  "notifications.setPreferences": SIGNED_IN,
  "reading.log": SIGNED_IN,
  "reading.myLog": SIGNED_IN,
  "reading.challenges": SIGNED_IN,
  "reading.joinChallenge": SIGNED_IN,
  "reading.progress": SIGNED_IN,
  "partners.list": PUBLIC,
  "partners.create": STAFF,
  "partners.update": STAFF,
  "partners.logExchange": STAFF,
  "reports.overview": STAFF,
  "reports.exportCsv": STAFF,
  // Venues are public: the calendar shows where things happen.
  "locations.list": PUBLIC,
  "locations.save": ADMIN,
  "admin.users": ADMIN,
  "admin.setRole": ADMIN,
  "admin.settings": ADMIN,
  "admin.updateSettings": ADMIN,
  "admin.auditLog": ADMIN,
};

/**
 * May `actor` call `action` (on `resource`)? Without a resource, an ownership rule
 * (`"own"`) answers whether the role may call the procedure at all; call again with the
 * loaded resource to check ownership.
 *
 * @example can({ role: "kiosk", locationId: "main" }, "kiosk.checkIn") // true
 * @example can({ role: "member", userId: "u1" }, "activities.create") // false
 */
export function can(actor: Actor, action: Action, resource?: OwnedResource): boolean {
  const access = PERMISSIONS[action]?.[actor.role];
  if (access === undefined) return false;
  if (access === true || resource === undefined) return true;
  const memberId = "userId" in actor ? (actor.memberId ?? null) : null;
  if (memberId !== null && resource.ownerMemberId === memberId) return true;
  return access === "own_or_association" && resource.ownerMemberId === null;
}

/** Refusal of {@link authorize}. */
export type PermissionRefusal = Refusal<"NOT_PERMITTED", { action: Action }>;

/** {@link can} as a {@link Result}, for handlers that return domain errors. */
export function authorize(
  actor: Actor,
  action: Action,
  resource?: OwnedResource,
): Result<true, PermissionRefusal> {
  return can(actor, action, resource)
    ? ok(true)
    : err("NOT_PERMITTED", `Not allowed to call ${action}.`, { action });
}

/**
 * Every action the actor's role may call (ownership rules count as allowed): what
 * `me.get` reports as the caller's privileges, and what a UI uses to show or hide menus.
 */
export function actionsAllowed(actor: Actor): Action[] {
  return ACTIONS.filter((action) => can(actor, action));
}

/** Refusal codes of the permissions area. */
export const PERMISSION_CODES = { NOT_PERMITTED: "NOT_PERMITTED" } as const;
/** A permissions refusal code. */
export type PermissionCode = keyof typeof PERMISSION_CODES;

/** The whole role × action matrix, e.g. to render it or to test the API against it. */
export function permissionMatrix(): Record<Action, Record<ActorRole, Access | false>> {
  return Object.fromEntries(
    ACTIONS.map((action) => [
      action,
      Object.fromEntries(ACTOR_ROLES.map((role) => [role, PERMISSIONS[action][role] ?? false])),
    ]),
  ) as Record<Action, Record<ActorRole, Access | false>>;
}
