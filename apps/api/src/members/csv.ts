// Member lists as CSV: import (dry run, then commit, idempotent on e-mail; the plan is the
// domain's planMemberImport) and export (the same columns, so an export imports back).
import { randomUUID } from "node:crypto";
import {
  addMemberEvent,
  currentMembership,
  findUserByEmail,
  importContext,
  insertMember,
  insertMembership,
  listMembers,
  listTiers,
  nextMemberNumber,
  queryRows,
  recordAudit,
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
import { sql } from "drizzle-orm";
import type { Context } from "../trpc/context.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { todayIn } from "./views.ts";

/** 10 000 rows of ~100 characters, with room to spare; the body limit is 4 MB. */
export const MEMBER_CSV_MAX_LENGTH = 3_000_000;
/** Rows of the plan sent back besides every row with a problem. */
const SAMPLE_ROWS = 20;

function parseCsv(csv: string): { header: string[]; rows: string[][] } {
  let records: string[][];
  try {
    // A UTF-8 BOM (Excel) is dropped; ragged rows are reported per row, not fatal.
    records = parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    });
  } catch (error) {
    throw domainError({
      code: "IMPORT_COLUMNS_INVALID",
      message: `The file is not valid CSV: ${(error as Error).message}`,
      missing: [],
      unknown: [],
    });
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
  const run = async (db: Context["db"]) => {
    const tiers = await listTiers(db);
    const existing = await importContext(db);
    const owners = await queryRows<{ member_number: string; email: string | null }>(
      db,
      sql`select member_number, email from member`,
    );
    const plan = unwrap(
      planMemberImport({
        header,
        rows,
        tiers,
        existing: new Map(existing.map((m) => [m.email, m])),
        memberNumberOwners: new Map(owners.map((o) => [o.member_number, o.email ?? ""])),
      }),
    );
    return { plan, tiers };
  };
  if (!commit) {
    const { plan } = await run(ctx.db);
    return summarize(plan.rows, plan.counts, false);
  }
  return ctx.db.transaction(async (tx) => {
    // One import at a time: two concurrent commits of the same file must not both create.
    await tx.execute(sql`select pg_advisory_xact_lock(7245110002)`);
    const { plan, tiers } = await run(tx as unknown as Context["db"]);
    if (plan.counts.error > 0) {
      throw domainError({
        code: "IMPORT_HAS_ERRORS",
        message: `${plan.counts.error} rows have errors; nothing was imported.`,
      });
    }
    const tierById = new Map(tiers.map((t) => [t.id, t]));
    const actorId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    for (const row of plan.rows) {
      if (row.action === "error" || row.action === "unchanged") continue;
      const v = row.values;
      const tier = tierById.get(v.tierId)!;
      // Imported members are existing members: settled, with their period or one from today.
      const period =
        v.startDate && v.endDate
          ? { startDate: v.startDate, endDate: v.endDate }
          : periodStartingOn({ term: tier.term }, day);
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
          memberNumber: v.memberNumber ?? (await nextMemberNumber(tx)),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const ms = await insertMembership(tx, {
          id: randomUUID(),
          memberId: member.id,
          tierId: tier.id,
          appliedAt: ctx.now,
          approvedAt: ctx.now,
          paidAt: ctx.now,
          ...period,
        });
        await addMemberEvent(tx, {
          memberId: member.id,
          membershipId: ms.id,
          kind: "imported",
          at: ctx.now,
          actorId,
          details: { line: row.line },
        });
        continue;
      }
      const memberId = row.memberId!;
      await updateMember(tx, memberId, {
        firstName: v.firstName,
        lastName: v.lastName,
        phone: v.phone,
        updatedAt: ctx.now,
      });
      const current = await currentMembership(tx, memberId);
      if (current && !current.membership.cancelledAt) {
        await updateMembership(tx, current.membership.id, {
          tierId: tier.id,
          ...(v.startDate && v.endDate ? period : {}),
          updatedAt: ctx.now,
        });
      } else {
        await insertMembership(tx, {
          id: randomUUID(),
          memberId,
          tierId: tier.id,
          appliedAt: ctx.now,
          approvedAt: ctx.now,
          paidAt: ctx.now,
          ...period,
        });
      }
      await addMemberEvent(tx, {
        memberId,
        kind: "imported",
        at: ctx.now,
        actorId,
        details: { line: row.line, update: true },
      });
    }
    await recordAudit(tx, {
      actorId,
      actorKind: ctx.actor.kind === "user" ? ctx.actor.role : ctx.actor.kind,
      action: "members.import",
      targetType: "members",
      targetId: "import",
      details: { ...plan.counts },
      ip: ctx.ip,
    });
    return summarize(plan.rows, plan.counts, true);
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
