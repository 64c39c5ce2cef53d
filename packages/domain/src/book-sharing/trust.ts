/** Trust: how many loans a member has brought back. Copies may ask for a minimum. */

/**
 * A member's trust: the number of their loans (as borrower) that ended `returned`.
 * Lost copies and gifts do not count.
 */
export function trustScore(loansAsBorrower: readonly { readonly state: string }[]): number {
  return loansAsBorrower.filter((loan) => loan.state === "returned").length;
}

/** `true` when `trust` meets a copy's `minTrust` (`null` = anyone). */
export function meetsTrust(trust: number, minTrust: number | null): boolean {
  return minTrust === null || trust >= minTrust;
}
