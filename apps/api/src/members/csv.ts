// Member lists as CSV: import (dry run, then commit, idempotent on e-mail; the plan is the
// domain's planMemberImport) and export (the same columns, so an export imports back).
import { randomUUID } from "node:crypto";
import {
  addMemberEvent,
  currentMembership,
  type Database,
  findUserByEmail,
  importContext,
  insertMember,
  insertMembership,
  listMembers,
  listTiers,
  lockMember,
  lockMemberImports,
  lockMembership,
  memberNumberOwners,
  nextMemberNumber,
  type Tx,
  updateMember,
  updateMembership,
} from "@readers/db";
import {
  MEMBER_EXPORT_ONLY_COLUMNS,
  MEMBER_IMPORT_COLUMNS,
  type MemberImportRowPlan,
  type MembershipStatus,
  periodStartingOn,
  planMemberImport,
} from "@readers/domain";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { auditAction } from "../audit.ts";
import type { Context } from "../trpc/context.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { todayIn } from "./views.ts";

/**
 * 10 000 rows of ~100 characters with room to spare, under the 4 MB body limit; counted in
 * bytes, as a Chinese file takes three per character.
 */
export const MEMBER_CSV_MAX_BYTES = 3_000_000;
/** Rows of the plan sent back besides every row with a problem. */
const SAMPLE_ROWS = 20;

function parseCsv(csv: string): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    // A UTF-8 BOM (Excel) is dropped; rows with too many or too few cells are parsed and
    // then refused one by one by the planner (WRONG_CELL_COUNT).
    records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw domainError({ code: "IMPORT_MALFORMED", message: "The file is not valid CSV.", line });
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

type ImportCounts = { create: number; update: number; unchanged: number; error: number };

export async function importMembersCsv(
  ctx: Context,
  csv: string,
  commit: boolean,
): Promise<{
  committed: boolean;
  counts: ImportCounts;
  rows: Extract<MemberImportRowPlan, { action: "error" }>[];
  sample: { line: number; email: string; action: string }[];
}> {
  const { header, rows } = parseCsv(csv);
  const day = todayIn(ctx.now, ctx.services.timezone);
  const plan = async (db: Database | Tx) => {
    const tiers = await listTiers(db);
    const existing = await importContext(db);
    const result = unwrap(
      planMemberImport({
        header,
        rows,
        tiers,
        existing: new Map(existing.map((m) => [m.email, m])),
        memberNumberOwners: await memberNumberOwners(db),
      }),
    );
    return { plan: result, tiers };
  };
  if (!commit) {
    const { plan: dry } = await plan(ctx.db);
    return summarize(dry.rows, dry.counts, false);
  }
  return ctx.db.transaction(async (tx) => {
    // One import at a time: two concurrent commits of the same file must not both create.
    await lockMemberImports(tx);
    const { plan: final, tiers } = await plan(tx);
    if (final.counts.error > 0) {
      throw domainError({
        code: "IMPORT_HAS_ERRORS",
        message: `${final.counts.error} rows have errors; nothing was imported.`,
      });
    }
    const tierById = new Map(tiers.map((t) => [t.id, t]));
    const actorId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    // Numbers the file gives explicitly: the sequence must not hand them to earlier rows.
    const reserved = new Set(
      final.rows.flatMap((r) =>
        r.action === "create" && r.values.memberNumber ? [r.values.memberNumber] : [],
      ),
    );
    const touched: string[] = [];
    for (const row of final.rows) {
      if (row.action === "error" || row.action === "unchanged") continue;
      const v = row.values;
      const tier = tierById.get(v.tierId)!;
      // Imported members are existing members: settled, with their period or one from today.
      const period =
        v.startDate && v.endDate
          ? { startDate: v.startDate, endDate: v.endDate }
          : periodStartingOn({ term: tier.term }, day);
      // A membership the list vouches for: approved and paid, with the row's period.
      const insertSettled = (memberId: string) =>
        insertMembership(tx, {
          id: randomUUID(),
          memberId,
          tierId: tier.id,
          appliedAt: ctx.now,
          approvedAt: ctx.now,
          paidAt: ctx.now,
          ...period,
        });
      if (row.action === "create") {
        // A confirmed account with this address owns the imported member at once.
        const account = await findUserByEmail(tx, v.email);
        const member = await insertMember(tx, {
          id: randomUUID(),
          userId: account?.emailVerified ? account.id : null,
          email: v.email,
          firstName: v.firstName,
          lastName: v.lastName,
          phone: v.phone,
          memberNumber: v.memberNumber ?? (await nextMemberNumber(tx, reserved)),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const ms = await insertSettled(member.id);
        await addMemberEvent(tx, {
          memberId: member.id,
          membershipId: ms.id,
          kind: "imported",
          at: ctx.now,
          actorId,
          details: { line: row.line },
        });
        touched.push(member.id);
        continue;
      }
      const memberId = row.memberId!;
      // The member may have deleted their account since the plan was made: never write back.
      const locked = await lockMember(tx, memberId);
      if (!locked || locked.erasedAt) continue;
      await updateMember(tx, memberId, {
        firstName: v.firstName,
        lastName: v.lastName,
        phone: v.phone,
        updatedAt: ctx.now,
      });
      const latest = await currentMembership(tx, memberId);
      const current = latest && (await lockMembership(tx, latest.membership.id));
      if (current && !current.membership.cancelledAt) {
        // The list says they are members: settled, with the file's period or the one they have.
        await updateMembership(tx, current.membership.id, {
          tierId: tier.id,
          approvedAt: current.membership.approvedAt ?? ctx.now,
          paidAt: current.membership.paidAt ?? ctx.now,
          ...(v.startDate && v.endDate ? period : current.membership.startDate ? {} : period),
          updatedAt: ctx.now,
        });
      } else {
        await insertSettled(memberId);
      }
      await addMemberEvent(tx, {
        memberId,
        kind: "imported",
        at: ctx.now,
        actorId,
        details: { line: row.line, update: true },
      });
      touched.push(memberId);
    }
    await auditAction(tx, ctx, "members.import", "members", "import", {
      ...final.counts,
      memberIds: touched,
    });
    return summarize(final.rows, final.counts, true);
  });
}

function summarize(rows: readonly MemberImportRowPlan[], counts: ImportCounts, committed: boolean) {
  return {
    committed,
    counts: { ...counts },
    rows: rows.filter(
      (r): r is Extract<MemberImportRowPlan, { action: "error" }> => r.action === "error",
    ),
    sample: rows
      .filter((r) => r.action !== "error")
      .slice(0, SAMPLE_ROWS)
      .map((r) => ({ line: r.line, email: r.email, action: r.action })),
  };
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function safeCell(value: string): string {
  return /^[=@\t\r]/.test(value) || /^[+-][^0-9 (]/.test(value) ? `'${value}` : value;
}

export async function exportMembersCsv(
  ctx: Context,
  filter: { status?: MembershipStatus | "none"; tierId?: string },
): Promise<string> {
  const today = todayIn(ctx.now, ctx.services.timezone);
  const { rows } = await listMembers(ctx.db, {
    ...filter,
    today,
    sort: "memberNumber",
    direction: "asc",
    limit: 1_000_000,
    offset: 0,
  });
  const columns = [...MEMBER_IMPORT_COLUMNS, ...MEMBER_EXPORT_ONLY_COLUMNS];
  const records = rows.map((r) =>
    [
      r.email ?? "",
      r.firstName,
      r.lastName,
      r.phone ?? "",
      r.tierName ?? "",
      r.startDate ?? "",
      r.endDate ?? "",
      r.memberNumber,
      r.status ?? "none",
      todayIn(r.joinedAt, ctx.services.timezone),
    ].map(safeCell),
  );
  return stringify([columns, ...records]);
}
