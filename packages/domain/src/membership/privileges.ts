/** What each membership status allows (DESIGN §2.1 "Privileges"). */
import type { MembershipStatus } from "./membership.js";

/** What a member may do in a given status. */
export interface Privileges {
  /** Register for and walk into activities open to the public. */
  readonly publicActivities: boolean;
  /** Register for and walk into members-only activities. */
  readonly membersOnlyActivities: boolean;
  /** Make new loan requests and join copy queues. */
  readonly requestLoans: boolean;
  /** Renew loans already on loan. */
  readonly renewLoans: boolean;
  /** Return borrowed books (always allowed: a book must be able to come home). */
  readonly returnBooks: boolean;
  /** Offer own copies for sharing. */
  readonly shareBooks: boolean;
}

const NONE_BUT_RETURNS: Privileges = {
  publicActivities: false,
  membersOnlyActivities: false,
  requestLoans: false,
  renewLoans: false,
  returnBooks: true,
  shareBooks: false,
};

const PUBLIC_ONLY: Privileges = { ...NONE_BUT_RETURNS, publicActivities: true };

/** Privileges by status. Frozen; safe to share. */
export const PRIVILEGES_BY_STATUS: Readonly<Record<MembershipStatus, Privileges>> = Object.freeze({
  active: {
    publicActivities: true,
    membersOnlyActivities: true,
    requestLoans: true,
    renewLoans: true,
    returnBooks: true,
    shareBooks: true,
  },
  // Grace: activities yes, new loan requests no, returns and renewals yes.
  grace: {
    publicActivities: true,
    membersOnlyActivities: true,
    requestLoans: false,
    renewLoans: true,
    returnBooks: true,
    shareBooks: true,
  },
  // Expired / pending: public activities only, no borrowing.
  expired: PUBLIC_ONLY,
  pending: PUBLIC_ONLY,
  // A member who left is a member of the public again.
  cancelled: PUBLIC_ONLY,
  // Suspended: nothing but returning books.
  suspended: NONE_BUT_RETURNS,
});

/**
 * Privileges of a member in `status`.
 *
 * @example privilegesFor("grace").requestLoans // false
 */
export function privilegesFor(status: MembershipStatus): Privileges {
  return PRIVILEGES_BY_STATUS[status];
}
