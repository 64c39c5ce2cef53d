// The append-only audit log of organizer/admin actions.
import { desc, eq, lt } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { auditLog, user } from "../schema/index.ts";

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, "id">;

/** Write inside the transaction of the action it records, so neither exists without the other. */
export async function recordAudit(tx: Database | Tx, entry: NewAuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** Newest first, with the actor's current name; `before` is the id of the last entry of the previous page. */
export async function listAudit(
  db: Database,
  page: { limit: number; before?: number },
): Promise<(AuditEntry & { actorName: string | null })[]> {
  const rows = await db
    .select({ entry: auditLog, actorName: user.name })
    .from(auditLog)
    .leftJoin(user, eq(user.id, auditLog.actorId))
    .where(page.before === undefined ? undefined : lt(auditLog.id, page.before))
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.entry, actorName: r.actorName }));
}
