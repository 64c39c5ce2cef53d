import { describe, expect, it } from "vitest";
import {
  type ExistingMemberForImport,
  MEMBER_IMPORT_MAX_ROWS,
  planMemberImport,
} from "./import.js";
import { memberNumberFromSequence } from "./member-number.js";

const header = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "tier",
  "start_date",
  "end_date",
  "member_number",
];
const tiers = [
  { id: "t-std", name: "Standard" },
  { id: "t-stu", name: "Student" },
];
const n1 = memberNumberFromSequence(1);
const n2 = memberNumberFromSequence(2);
const ann: ExistingMemberForImport = {
  memberId: "m-ann",
  email: "ann@example.org",
  firstName: "Ann",
  lastName: "Lee",
  phone: null,
  memberNumber: n1,
  tierId: "t-std",
  startDate: "2026-01-01",
  endDate: "2026-12-31",
};
const plan = (rows: string[][], h = header) =>
  planMemberImport({
    header: h,
    rows,
    tiers,
    existing: new Map([[ann.email, ann]]),
    memberNumberOwners: new Map([[n1, ann.email]]),
  });

describe("planMemberImport", () => {
  it("creates new members, updates changed ones and leaves identical ones alone", () => {
    const result = plan([
      [
        "bo@example.org",
        "Bo",
        "Chen",
        "+86 138 0000 0000",
        "student",
        "2026-09-01",
        "2027-08-31",
        "",
      ],
      ["ANN@example.org", "Ann", "Lee", "", "Standard", "", "", n1],
      ["", "", "", "", "", "", "", ""],
    ]);
    expect(result.ok && result.value.counts).toEqual({
      create: 1,
      update: 0,
      unchanged: 1,
      error: 0,
    });
    expect(result.ok && result.value.rows[0]).toMatchObject({
      line: 2,
      action: "create",
      values: {
        email: "bo@example.org",
        tierId: "t-stu",
        phone: "+86 138 0000 0000",
        startDate: "2026-09-01",
      },
    });
    const changed = plan([["ann@example.org", "Ann", "Lee-Park", "", "Standard", "", "", ""]]);
    expect(changed.ok && changed.value.rows[0]).toMatchObject({
      action: "update",
      memberId: "m-ann",
    });
  });

  it.each([
    [["", "Bo", "Chen", "", "Standard", "", "", ""], "email", "REQUIRED"],
    [["not-an-email", "Bo", "Chen", "", "Standard", "", "", ""], "email", "INVALID_EMAIL"],
    [["bo@example.org", "", "Chen", "", "Standard", "", "", ""], "first_name", "REQUIRED"],
    [
      ["bo@example.org", "B".repeat(121), "Chen", "", "Standard", "", "", ""],
      "first_name",
      "TOO_LONG",
    ],
    [["bo@example.org", "Bo", "", "", "Standard", "", "", ""], "last_name", "REQUIRED"],
    [["bo@example.org", "Bo", "Chen", "call me", "Standard", "", "", ""], "phone", "INVALID_PHONE"],
    [["bo@example.org", "Bo", "Chen", "", "", "", "", ""], "tier", "REQUIRED"],
    [["bo@example.org", "Bo", "Chen", "", "Gold", "", "", ""], "tier", "UNKNOWN_TIER"],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "2026-02-30", "2026-12-31", ""],
      "start_date",
      "INVALID_DATE",
    ],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "2026-01-01", "31/12/2026", ""],
      "end_date",
      "INVALID_DATE",
    ],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "2026-01-01", "", ""],
      "end_date",
      "DATES_TOGETHER",
    ],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "2026-12-01", "2026-01-01", ""],
      "end_date",
      "END_BEFORE_START",
    ],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "", "", "12345678"],
      "member_number",
      "INVALID_MEMBER_NUMBER",
    ],
    [
      ["bo@example.org", "Bo", "Chen", "", "Standard", "", "", n1],
      "member_number",
      "MEMBER_NUMBER_TAKEN",
    ],
    [
      ["ann@example.org", "Ann", "Lee", "", "Standard", "", "", n2],
      "member_number",
      "MEMBER_NUMBER_CHANGED",
    ],
  ])("reports %j as %s %s", (row, column, code) => {
    const result = plan([row]);
    expect(result.ok).toBe(true);
    const [first] = result.ok ? result.value.rows : [];
    expect(first).toMatchObject({ action: "error", line: 2 });
    expect(first?.action === "error" && first.problems).toContainEqual({ column, code });
  });

  it("flags the second row with the same e-mail or member number", () => {
    const result = plan([
      ["bo@example.org", "Bo", "Chen", "", "Standard", "", "", n2],
      ["BO@example.org", "Bo", "Chen", "", "Standard", "", "", ""],
      ["cy@example.org", "Cy", "Wu", "", "Standard", "", "", n2],
    ]);
    expect(result.ok && result.value.rows.map((r) => r.action)).toEqual([
      "create",
      "error",
      "error",
    ]);
    expect(result.ok && result.value.counts.error).toBe(2);
  });

  it("refuses a header without the required columns or with unknown ones", () => {
    expect(plan([["x"]], ["email", "name", "tier"])).toMatchObject({
      ok: false,
      code: "IMPORT_COLUMNS_INVALID",
      missing: ["first_name", "last_name"],
      unknown: ["name"],
    });
  });

  it("refuses a header naming a column twice, and rows whose cells do not line up", () => {
    expect(
      plan(
        [["a@b.org", "x@y.org", "A", "B", "Standard"]],
        ["email", "email", "first_name", "last_name", "tier"],
      ),
    ).toMatchObject({
      ok: false,
      code: "IMPORT_COLUMNS_INVALID",
      duplicate: ["email"],
    });
    const shifted = plan([["bo@example.org", "Bo", "Chen", "Jr", "", "Standard", "", "", ""]]);
    expect(shifted.ok && shifted.value.rows[0]).toMatchObject({
      action: "error",
      problems: expect.arrayContaining([{ column: "email", code: "WRONG_CELL_COUNT" }]),
    });
  });

  it("never writes onto a member whose account has not confirmed the address", () => {
    const result = planMemberImport({
      header,
      rows: [["ann@example.org", "Ann", "Lee-Park", "", "Standard", "", "", ""]],
      tiers,
      existing: new Map([[ann.email, { ...ann, unconfirmedAccount: true }]]),
      memberNumberOwners: new Map(),
    });
    expect(result.ok && result.value.rows[0]).toMatchObject({
      action: "error",
      problems: [{ column: "email", code: "EMAIL_UNCONFIRMED" }],
    });
  });

  it("refuses an empty file and one with too many rows", () => {
    expect(plan([["", "", "", "", "", "", "", ""]])).toMatchObject({
      ok: false,
      code: "IMPORT_EMPTY",
    });
    const many = Array.from({ length: MEMBER_IMPORT_MAX_ROWS + 1 }, (_, i) => [
      `m${i}@example.org`,
      "A",
      "B",
      "",
      "Standard",
      "",
      "",
      "",
    ]);
    expect(plan(many)).toMatchObject({
      ok: false,
      code: "IMPORT_TOO_MANY_ROWS",
      rows: MEMBER_IMPORT_MAX_ROWS + 1,
    });
  });

  it("ignores the columns an export adds, so an export imports back", () => {
    const result = plan(
      [
        [
          "ann@example.org",
          "Ann",
          "Lee",
          "",
          "Standard",
          "2026-01-01",
          "2026-12-31",
          n1,
          "active",
          "2025-12-01",
        ],
      ],
      [...header, "status", "joined_on"],
    );
    expect(result.ok && result.value.rows[0]).toMatchObject({ action: "unchanged" });
  });

  it("accepts the columns in any order and without the optional ones", () => {
    const result = plan(
      [["Standard", "Lee", "Dee", "dee@example.org"]],
      ["tier", "last_name", "first_name", "email"],
    );
    expect(result.ok && result.value.rows[0]).toMatchObject({
      action: "create",
      values: { firstName: "Dee", lastName: "Lee", phone: null },
    });
  });
});
