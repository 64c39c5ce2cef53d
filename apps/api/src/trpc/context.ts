// Request context: an inner part tests build directly (createContextInner) and an HTTP part
// that resolves the caller from the session cookie or a kiosk's bearer token.
import { createHash } from "node:crypto";
import { type Database, findKioskByTokenHash, getUserById, touchKiosk } from "@readers/db";
import type { Auth } from "../auth.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import type { Services } from "../services.ts";

export type Role = "member" | "organizer" | "admin";

export type Actor =
  | { kind: "anonymous" }
  | { kind: "user"; userId: string; role: Role; email: string; name: string }
  | { kind: "kiosk"; deviceId: string; locationId: string };

export interface ContextInner {
  db: Database;
  actor: Actor;
  services: Services;
  logger: Logger;
  /** The request's clock: one instant per request, injectable in tests. */
  now: Date;
  ip: string | null;
}

export function createContextInner(
  input: Pick<ContextInner, "db" | "actor" | "services"> & Partial<ContextInner>,
): ContextInner {
  return {
    ...input,
    logger: input.logger ?? silentLogger,
    now: input.now ?? new Date(),
    ip: input.ip ?? null,
  };
}

export function hashKioskToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const ROLES: readonly Role[] = ["member", "organizer", "admin"];
const asRole = (r: unknown): Role => (ROLES.includes(r as Role) ? (r as Role) : "member");

/** Who is calling: a kiosk by bearer token, a person by session cookie, or nobody. */
export async function resolveActor(
  db: Database,
  auth: Auth,
  headers: Headers,
  now: Date,
): Promise<Actor> {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const device = await findKioskByTokenHash(db, hashKioskToken(bearer));
    if (!device) return { kind: "anonymous" };
    await touchKiosk(db, device.id, now);
    return { kind: "kiosk", deviceId: device.id, locationId: device.locationId };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  // The role is read from our table, not the session cache, so a demotion applies at once.
  const row = await getUserById(db, session.user.id);
  if (!row) return { kind: "anonymous" };
  return { kind: "user", userId: row.id, role: asRole(row.role), email: row.email, name: row.name };
}

export async function createContext(opts: {
  db: Database;
  auth: Auth;
  services: Services;
  logger: Logger;
  headers: Headers;
  ip: string | null;
}): Promise<ContextInner> {
  const now = new Date();
  const actor = await resolveActor(opts.db, opts.auth, opts.headers, now);
  return { db: opts.db, actor, services: opts.services, logger: opts.logger, now, ip: opts.ip };
}

export type Context = ContextInner;
