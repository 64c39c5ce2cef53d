import { describe, expect, it } from "vitest";
import { ACTIONS, isAction } from "./actions.js";
import {
  ACTOR_ROLES,
  type Actor,
  actionsAllowed,
  authorize,
  can,
  PERMISSIONS,
  permissionMatrix,
} from "./can.js";

const anonymous: Actor = { role: "anonymous" };
const member: Actor = { role: "member", userId: "u1", memberId: "m1" };
const organizer: Actor = { role: "organizer", userId: "u2", memberId: "m2" };
const admin: Actor = { role: "admin", userId: "u3" };
const kiosk: Actor = { role: "kiosk", locationId: "central", deviceId: "k1" };

describe("permission table", () => {
  it("covers every action, and only actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
    expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
    expect(isAction("activities.create")).toBe(true);
    expect(isAction("activities.destroy")).toBe(false);
  });

  it("kiosks may do kiosk.* only (not device management), and members none of kiosk.*", () => {
    const deviceManagement = [
      "kiosk.pair",
      "kiosk.revoke",
      "kiosk.devices",
      "kiosk.staffPin",
      "kiosk.setStaffPin",
    ];
    for (const action of ACTIONS) {
      const kioskOnly = action.startsWith("kiosk.") && !deviceManagement.includes(action);
      expect(can(kiosk, action), action).toBe(kioskOnly);
      if (action.startsWith("kiosk.")) {
        expect(can(member, action), action).toBe(false);
        expect(can(anonymous, action), action).toBe(false);
      }
    }
    expect(can(admin, "kiosk.pair")).toBe(true);
    expect(can(organizer, "kiosk.pair")).toBe(false);
    expect(can(admin, "kiosk.setStaffPin")).toBe(true);
    expect(can(organizer, "kiosk.setStaffPin")).toBe(false);
  });

  it("roles only add rights: anonymous ⊆ member ⊆ organizer ⊆ admin", () => {
    for (const action of ACTIONS) {
      if (can(anonymous, action)) expect(can(member, action), action).toBe(true);
      if (can(member, action)) expect(can(organizer, action), action).toBe(true);
      if (can(organizer, action)) expect(can(admin, action), action).toBe(true);
    }
  });

  it.each([
    [anonymous, "activities.list", true],
    [anonymous, "registrations.register", true],
    [anonymous, "me.get", true],
    [anonymous, "loans.request", false],
    [member, "me.setLocale", true],
    [member, "activities.create", false],
    [member, "memberships.approve", false],
    [member, "notifications.list", true],
    [organizer, "activities.create", true],
    [organizer, "memberships.approve", true],
    [organizer, "admin.setRole", false],
    [admin, "admin.setRole", true],
    [kiosk, "me.get", false],
    [kiosk, "activities.list", false],
  ] as const)("%o → %s: %s", (actor, action, expected) => {
    expect(can(actor, action)).toBe(expected);
  });
});

describe("ownership", () => {
  it("members update only their own copies; organizers also the association's", () => {
    expect(can(member, "books.updateCopy")).toBe(true);
    expect(can(member, "books.updateCopy", { ownerMemberId: "m1" })).toBe(true);
    expect(can(member, "books.updateCopy", { ownerMemberId: "m9" })).toBe(false);
    expect(can(member, "books.updateCopy", { ownerMemberId: null })).toBe(false);
    expect(can(organizer, "books.withdrawCopy", { ownerMemberId: null })).toBe(true);
    expect(can(organizer, "books.withdrawCopy", { ownerMemberId: "m2" })).toBe(true);
    expect(can(organizer, "books.withdrawCopy", { ownerMemberId: "m1" })).toBe(false);
    expect(can(admin, "books.withdrawCopy", { ownerMemberId: "m1" })).toBe(true);
  });

  it("an account without a member record owns nothing", () => {
    const noMember: Actor = { role: "member", userId: "u9", memberId: null };
    expect(can(noMember, "registrations.cancel", { ownerMemberId: null })).toBe(false);
    expect(can(member, "registrations.cancel", { ownerMemberId: "m1" })).toBe(true);
  });
});

describe("authorize, actionsAllowed, matrix", () => {
  it("authorize returns a NOT_PERMITTED refusal", () => {
    expect(authorize(member, "me.get")).toEqual({ ok: true, value: true });
    expect(authorize(member, "admin.users")).toMatchObject({
      ok: false,
      code: "NOT_PERMITTED",
      action: "admin.users",
    });
  });

  it("lists what an actor may do", () => {
    expect(actionsAllowed(kiosk).every((a) => a.startsWith("kiosk."))).toBe(true);
    expect(actionsAllowed(anonymous)).toContain("activities.list");
    expect(actionsAllowed(admin)).toHaveLength(ACTIONS.length - actionsAllowed(kiosk).length);
  });

  it("renders the full matrix", () => {
    const matrix = permissionMatrix();
    expect(Object.keys(matrix)).toHaveLength(ACTIONS.length);
    expect(Object.keys(matrix["books.updateCopy"])).toEqual([...ACTOR_ROLES]);
    expect(matrix["books.updateCopy"]).toEqual({
      anonymous: false,
      member: "own",
      organizer: "own_or_association",
      admin: true,
      kiosk: false,
    });
  });
});
