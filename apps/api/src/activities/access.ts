// Who sees which activity, the organizers' audit trail, and the refusals the routers share.
import type { ActivityRow } from "@readers/db";
import { TRPCError } from "@trpc/server";
import type { Actor } from "../trpc/context.ts";

export const notFound = (what: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });

/** Organizers and admins see and edit everything, drafts included. */
export function isStaff(actor: Actor): boolean {
  return actor.kind === "user" && (actor.role === "organizer" || actor.role === "admin");
}

/**
 * Whether `actor` may see an activity: staff always; others only once it was published
 * (a cancelled one stays visible as cancelled), and members-only ones need a sign-in.
 */
export function canSee(actor: Actor, row: Pick<ActivityRow, "publishedAt" | "audience">): boolean {
  if (isStaff(actor)) return true;
  if (row.publishedAt === null) return false;
  return row.audience === "public" || actor.kind === "user";
}

/** Organizer and admin actions: one audit row in the same transaction. */
export { auditAction as audit } from "../audit.ts";

/** Opaque keyset cursor of a listing ordered by (start, id). */
export function encodeCursor(startsAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([startsAt.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { startsAt: Date; id: string } {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [
      unknown,
      unknown,
    ];
    const date = new Date(String(startsAt));
    if (typeof id === "string" && !Number.isNaN(date.getTime())) return { startsAt: date, id };
  } catch {
    // fall through
  }
  throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid cursor." });
}
