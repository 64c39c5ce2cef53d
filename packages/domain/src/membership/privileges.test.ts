import { describe, expect, it } from "vitest";
import { MEMBERSHIP_STATUSES } from "./membership.js";
import { privilegesFor } from "./privileges.js";

describe("privilegesFor", () => {
  it.each([
    [
      "active",
      { publicActivities: true, membersOnlyActivities: true, requestLoans: true, renewLoans: true },
    ],
    [
      "grace",
      {
        publicActivities: true,
        membersOnlyActivities: true,
        requestLoans: false,
        renewLoans: true,
      },
    ],
    [
      "expired",
      {
        publicActivities: true,
        membersOnlyActivities: false,
        requestLoans: false,
        renewLoans: false,
      },
    ],
    [
      "pending",
      {
        publicActivities: true,
        membersOnlyActivities: false,
        requestLoans: false,
        renewLoans: false,
      },
    ],
    [
      "suspended",
      {
        publicActivities: false,
        membersOnlyActivities: false,
        requestLoans: false,
        renewLoans: false,
      },
    ],
  ] as const)("%s", (status, expected) => {
    expect(privilegesFor(status)).toMatchObject(expected);
  });

  it("always lets a book come home", () => {
    for (const status of MEMBERSHIP_STATUSES) expect(privilegesFor(status).returnBooks).toBe(true);
  });
});
