// Request context: an inner part tests build directly (createContextInner) and an HTTP part
// that resolves the caller from the session cookie or a kiosk's bearer token.
import { createHash } from "node:crypto";
import { type Database, findKioskByTokenHash, touchKiosk } from "@readers/db";
import { LOCALES, type Locale, USER_ROLES, type UserRole } from "@readers/domain";
import type { Auth } from "../auth.ts";
import type { Logger } from "../logger.ts";
import { silentLogger } from "../logger.ts";
import type { Services } from "../services.ts";

export type Role = UserRole;

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      role: Role;
      email: string;
      name: string;
      locale: Locale;
      /** Confirmed through the link in the verification e-mail. */
      emailVerified: boolean;
    }
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

const asRole = (r: unknown): Role => (USER_ROLES.includes(r as Role) ? (r as Role) : "member");
const asLocale = (l: unknown): Locale => (LOCALES.includes(l as Locale) ? (l as Locale) : "en");

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
  // No cookie cache is configured, so this reads the session and user rows now: a role
  // change or a revoked session applies at once.
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  const u = session.user as typeof session.user & { role?: unknown; locale?: unknown };
  return {
    kind: "user",
    userId: u.id,
    role: asRole(u.role),
    email: u.email,
    name: u.name,
    locale: asLocale(u.locale),
    emailVerified: u.emailVerified === true,
  };
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
  return createContextInner({
    db: opts.db,
    actor,
    services: opts.services,
    logger: opts.logger,
    now,
    ip: opts.ip,
  });
}

export type Context = ContextInner;
