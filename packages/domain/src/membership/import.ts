/**
 * Importing an existing member list from CSV: validate every row, match members by e-mail
 * and decide per row whether it creates, updates or leaves a member unchanged. Pure: the
 * API parses the CSV, loads the existing members and applies the plan in one transaction.
 */
import { z } from "zod";
import { compareDates, isCalendarDate } from "../shared/calendar.js";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "../shared/limits.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { isValidMemberNumber } from "./member-number.js";
import { PhoneSchema } from "./profile.js";

/** One import is one association's list; more rows than this is a migration project. */
export const MEMBER_IMPORT_MAX_ROWS = 10_000;
/** Every column an import file may have, in the order the export writes them. */
export const MEMBER_IMPORT_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "tier",
  "start_date",
  "end_date",
  "member_number",
] as const;
/** A column of an import file. */
export type MemberImportColumn = (typeof MEMBER_IMPORT_COLUMNS)[number];
/** Columns an export adds for people to read; an import accepts and ignores them (round trips). */
export const MEMBER_EXPORT_ONLY_COLUMNS = ["status", "joined_on"] as const;
/** Columns every import file must have. */
export const MEMBER_IMPORT_REQUIRED_COLUMNS: readonly MemberImportColumn[] = [
  "email",
  "first_name",
  "last_name",
  "tier",
];

/** What is wrong with one cell of an import row. */
export type MemberImportProblemCode =
  | "REQUIRED"
  | "TOO_LONG"
  | "INVALID_EMAIL"
  | "DUPLICATE_IN_FILE"
  | "UNKNOWN_TIER"
  | "INVALID_DATE"
  | "DATES_TOGETHER"
  | "END_BEFORE_START"
  | "INVALID_PHONE"
  | "INVALID_MEMBER_NUMBER"
  | "MEMBER_NUMBER_TAKEN"
  | "MEMBER_NUMBER_CHANGED"
  | "WRONG_CELL_COUNT"
  | "EMAIL_UNCONFIRMED";

/** One problem: the column and a stable code the UI translates. */
export interface MemberImportProblem {
  readonly column: MemberImportColumn;
  readonly code: MemberImportProblemCode;
}

/** The values of a valid row. */
export interface MemberImportValues {
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string | null;
  readonly tierId: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly memberNumber: string | null;
}

/** The decision for one data row (`line` counts the header as line 1). */
export type MemberImportRowPlan =
  | {
      readonly line: number;
      readonly action: "error";
      readonly email: string;
      readonly problems: readonly MemberImportProblem[];
    }
  | {
      readonly line: number;
      readonly action: "create" | "update" | "unchanged";
      readonly email: string;
      readonly values: MemberImportValues;
      /** The existing member an update or unchanged row refers to. */
      readonly memberId: string | null;
    };

/** The whole plan with counts. */
export interface MemberImportPlan {
  readonly rows: readonly MemberImportRowPlan[];
  readonly counts: {
    readonly create: number;
    readonly update: number;
    readonly unchanged: number;
    readonly error: number;
  };
}

/** What the planner needs to know of a member already in the database. */
export interface ExistingMemberForImport {
  readonly memberId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string | null;
  readonly memberNumber: string;
  /** The current membership's tier and period, if any. */
  readonly tierId: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  /**
   * The member is linked to an account whose e-mail is not confirmed: the address may not
   * be theirs, so an import must not write someone's details onto it.
   */
  readonly unconfirmedAccount?: boolean;
}

/** Refusals of the whole file (nothing is planned). */
export type MemberImportRefusal =
  | Refusal<"IMPORT_COLUMNS_INVALID", { missing: string[]; unknown: string[]; duplicate: string[] }>
  | Refusal<"IMPORT_TOO_MANY_ROWS", { max: number; rows: number }>
  | Refusal<"IMPORT_EMPTY">;

const EmailCell = z.string().max(EMAIL_MAX_LENGTH).pipe(z.email());

/**
 * Plans an import. `header` and `rows` are the parsed CSV cells; `tiers` maps tier names
 * (matched without regard to case) to ids; `existing` lists members by lower-cased e-mail;
 * `memberNumberOwners` maps member numbers in use to their member's e-mail.
 */
export function planMemberImport(input: {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly tiers: readonly { readonly id: string; readonly name: string }[];
  readonly existing: ReadonlyMap<string, ExistingMemberForImport>;
  readonly memberNumberOwners: ReadonlyMap<string, string>;
}): Result<MemberImportPlan, MemberImportRefusal> {
  const header = input.header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...MEMBER_IMPORT_COLUMNS, ...MEMBER_EXPORT_ONLY_COLUMNS]);
  const missing = MEMBER_IMPORT_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !known.has(h));
  const duplicate = header.filter((h, i) => header.indexOf(h) !== i);
  if (missing.length || unknown.length || duplicate.length) {
    return err("IMPORT_COLUMNS_INVALID", "The header must name each import column once.", {
      missing: [...missing],
      unknown,
      duplicate,
    });
  }
  const dataRows = input.rows.filter((r) => r.some((cell) => cell.trim() !== ""));
  if (dataRows.length === 0) return err("IMPORT_EMPTY", "The file has no data rows.");
  if (dataRows.length > MEMBER_IMPORT_MAX_ROWS) {
    return err("IMPORT_TOO_MANY_ROWS", `At most ${MEMBER_IMPORT_MAX_ROWS} rows per import.`, {
      max: MEMBER_IMPORT_MAX_ROWS,
      rows: dataRows.length,
    });
  }
  const tierByName = new Map(input.tiers.map((t) => [t.name.trim().toLowerCase(), t.id]));
  const seenEmails = new Map<string, number>();
  const seenNumbers = new Map<string, string>();
  const rows: MemberImportRowPlan[] = [];
  input.rows.forEach((cells, index) => {
    if (!cells.some((cell) => cell.trim() !== "")) return;
    const line = index + 2;
    const cell = (c: MemberImportColumn) => {
      const at = header.indexOf(c);
      return at < 0 ? "" : (cells[at] ?? "").trim();
    };
    const problems: MemberImportProblem[] = [];
    // A stray comma in a name shifts every column after it: refuse the row, not guess.
    if (cells.length !== header.length)
      problems.push({ column: "email", code: "WRONG_CELL_COUNT" });
    const email = cell("email").toLowerCase();
    if (!email) problems.push({ column: "email", code: "REQUIRED" });
    else if (!EmailCell.safeParse(email).success)
      problems.push({ column: "email", code: "INVALID_EMAIL" });
    else if (seenEmails.has(email)) problems.push({ column: "email", code: "DUPLICATE_IN_FILE" });
    if (email) seenEmails.set(email, line);
    for (const column of ["first_name", "last_name"] as const) {
      const value = cell(column);
      if (!value) problems.push({ column, code: "REQUIRED" });
      else if (value.length > NAME_MAX_LENGTH) problems.push({ column, code: "TOO_LONG" });
    }
    const phone = cell("phone");
    if (phone && !PhoneSchema.safeParse(phone).success)
      problems.push({ column: "phone", code: "INVALID_PHONE" });
    const tierName = cell("tier");
    const tierId = tierByName.get(tierName.toLowerCase());
    if (!tierName) problems.push({ column: "tier", code: "REQUIRED" });
    else if (!tierId) problems.push({ column: "tier", code: "UNKNOWN_TIER" });
    const startDate = cell("start_date");
    const endDate = cell("end_date");
    if (startDate && !isCalendarDate(startDate))
      problems.push({ column: "start_date", code: "INVALID_DATE" });
    if (endDate && !isCalendarDate(endDate))
      problems.push({ column: "end_date", code: "INVALID_DATE" });
    if (Boolean(startDate) !== Boolean(endDate)) {
      problems.push({ column: startDate ? "end_date" : "start_date", code: "DATES_TOGETHER" });
    } else if (
      startDate &&
      endDate &&
      isCalendarDate(startDate) &&
      isCalendarDate(endDate) &&
      compareDates(endDate, startDate) < 0
    ) {
      problems.push({ column: "end_date", code: "END_BEFORE_START" });
    }
    const memberNumber = cell("member_number").replace(/[\s-]/g, "");
    if (memberNumber) {
      const owner = input.memberNumberOwners.get(memberNumber) ?? seenNumbers.get(memberNumber);
      if (!isValidMemberNumber(memberNumber))
        problems.push({ column: "member_number", code: "INVALID_MEMBER_NUMBER" });
      else if (owner !== undefined && owner !== email)
        problems.push({ column: "member_number", code: "MEMBER_NUMBER_TAKEN" });
      else seenNumbers.set(memberNumber, email);
    }
    if (problems.length) {
      rows.push({ line, action: "error", email, problems });
      return;
    }
    const values: MemberImportValues = {
      email,
      firstName: cell("first_name"),
      lastName: cell("last_name"),
      phone: phone || null,
      tierId: tierId!,
      startDate: startDate || null,
      endDate: endDate || null,
      memberNumber: memberNumber || null,
    };
    const current = input.existing.get(email);
    // A member keeps their number: it is printed on their card.
    if (current && values.memberNumber !== null && values.memberNumber !== current.memberNumber) {
      rows.push({
        line,
        action: "error",
        email,
        problems: [{ column: "member_number", code: "MEMBER_NUMBER_CHANGED" }],
      });
      return;
    }
    if (!current) {
      rows.push({ line, action: "create", email, values, memberId: null });
      return;
    }
    const same =
      current.firstName === values.firstName &&
      current.lastName === values.lastName &&
      current.phone === values.phone &&
      current.tierId === values.tierId &&
      (values.startDate === null ||
        (current.startDate === values.startDate && current.endDate === values.endDate));
    // A row that would change a member whose account has not confirmed the address is
    // refused: the address may not be theirs. An identical row changes nothing and passes.
    if (!same && current.unconfirmedAccount) {
      rows.push({
        line,
        action: "error",
        email,
        problems: [{ column: "email", code: "EMAIL_UNCONFIRMED" }],
      });
      return;
    }
    rows.push({
      line,
      action: same ? "unchanged" : "update",
      email,
      values,
      memberId: current.memberId,
    });
  });
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action]++;
  return ok({ rows, counts });
}
