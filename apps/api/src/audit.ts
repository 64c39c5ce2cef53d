// One way to write the audit log from a procedure: who (from the context), what, on what.
import { recordAudit, type Tx } from "@readers/db";
import type { Context } from "./trpc/context.ts";

export async function auditAction(
  tx: Tx,
  ctx: Pick<Context, "actor" | "ip">,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, {
    actorId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    actorKind: ctx.actor.kind === "user" ? ctx.actor.role : ctx.actor.kind,
    action,
    targetType,
    targetId,
    details,
    ip: ctx.ip,
  });
}
