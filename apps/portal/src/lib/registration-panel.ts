// Which registration block an activity page shows a reader, decided from the activity, the
// reader's own registration and who they are (anonymous, an account without membership, a
// member in some status). Pure, so every case is a table test.
import { type MembershipStatus, privilegesFor } from "@readers/domain";
import type { ActivityDetail } from "./activities.ts";

export type PanelState =
  /** A live registration of theirs: its status and a way to cancel. */
  | { kind: "registered" }
  | { kind: "draft" }
  | { kind: "cancelled" }
  | { kind: "ended" }
  | { kind: "walkIn" }
  | { kind: "notYetOpen"; opensAt: string }
  | { kind: "closed" }
  /** Members-only and anonymous: sign in. */
  | { kind: "signInForMembers" }
  /** Members-only and signed in without a member record: become a member. */
  | { kind: "becomeMember" }
  /** The membership's status does not allow this activity. */
  | { kind: "membershipInactive"; status: MembershipStatus }
  /** A member who may register: party size and the register button. */
  | { kind: "member"; status: MembershipStatus }
  /** Anyone else on a public activity: name and e-mail. */
  | { kind: "guest"; signedIn: boolean };

export function panelState(detail: ActivityDetail, signedIn: boolean): PanelState {
  if (detail.myRegistration && detail.myRegistration.status !== "cancelled") {
    return { kind: "registered" };
  }
  switch (detail.registrationState) {
    case "unavailable":
      if (detail.status === "draft") return { kind: "draft" };
      return detail.status === "cancelled" ? { kind: "cancelled" } : { kind: "ended" };
    case "walk_in_only":
      return { kind: "walkIn" };
    case "not_yet_open":
      return { kind: "notYetOpen", opensAt: detail.opensAt ?? detail.startsAt };
    case "closed":
      return { kind: "closed" };
    case "open":
      break;
  }
  const standing = detail.myStanding;
  if (standing) {
    const privileges = privilegesFor(standing.membershipStatus);
    const allowed =
      detail.audience === "members"
        ? privileges.membersOnlyActivities
        : privileges.publicActivities;
    if (allowed) return { kind: "member", status: standing.membershipStatus };
    // A public activity stays open to them as a guest only if their status allows nothing:
    // the API would refuse the member, so say why rather than offer a guest form.
    return { kind: "membershipInactive", status: standing.membershipStatus };
  }
  if (detail.audience === "members") {
    return signedIn ? { kind: "becomeMember" } : { kind: "signInForMembers" };
  }
  return { kind: "guest", signedIn };
}
