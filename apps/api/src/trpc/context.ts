// Request context: an inner part tests build directly (createContextInner) and an HTTP part
// that resolves the caller from the session cookie or a kiosk's bearer token.
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  type Database,
  lookupBatcher,
  session as sessionTable,
  user as userTable,
} from "@readers/db";
import { LOCALES, type Locale, USER_ROLES, type UserRole } from "@readers/domain";
import { eq, sql } from "drizzle-orm";
import type { Auth } from "../auth.ts";
import { kioskByToken } from "../kiosk/device-auth.ts";
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

const asRole = (r: unknown): Role => (USER_ROLES.includes(r as Role) ? (r as Role) : "member");
const asLocale = (l: unknown): Locale => (LOCALES.includes(l as Locale) ? (l as Locale) : "en");

/** Who is calling: a kiosk by bearer token, a person by session cookie, or nobody. */
/** A signed-in person as the caller, from their user row (better-auth's or ours). */
function userActor(u: {
  id: string;
  email: string;
  name: string;
  emailVerified?: boolean | null;
  role?: unknown;
  locale?: unknown;
}): Actor {
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

export async function resolveActor(
  db: Database,
  auth: Auth,
  headers: Headers,
  now: Date,
): Promise<Actor> {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const device = await kioskByToken(db, bearer, now);
    if (!device) return { kind: "anonymous" };
    return { kind: "kiosk", ...device };
  }
  // No cookie cache is configured: the session and user rows are read now, so a role change
  // or a revoked session applies at once. The common case (a valid session not due for
  // refresh) is read in one query; anything else goes through better-auth.
  const fast = await sessionFastPath(db, auth, headers);
  if (fast !== undefined) return fast;
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  return userActor(session.user);
}

/**
 * The session-and-user read, built and prepared once per database handle. Concurrent
 * requests share one query (`lookupBatcher`: nothing cached, each answer read after it was
 * asked), since every signed-in request asks it first.
 */
function sessionLookup(db: Database) {
  const query = db
    .select({ session: sessionTable, user: userTable })
    .from(sessionTable)
    .innerJoin(userTable, eq(userTable.id, sessionTable.userId))
    .where(sql`${sessionTable.token} = any(${sql.placeholder("tokens")})`)
    .prepare("readers_sessions_by_tokens");
  return lookupBatcher(async (tokens: readonly string[]) => {
    const rows = await query.execute({ tokens: [...new Set(tokens)] });
    const byToken = new Map(rows.map((row) => [row.session.token, row]));
    return tokens.map((token) => byToken.get(token) ?? null);
  });
}

const sessionLookups = new WeakMap<Database, ReturnType<typeof sessionLookup>>();

function sessionByToken(db: Database) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = sessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  return lookup;
}

interface SessionSettings {
  tokenCookie: string;
  /** Cookies whose presence leaves the request to better-auth (they change what it does). */
  delegateCookies: string[];
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
  /** Whether this path may be used at all (database sessions, no cookie cache). */
  usable: boolean;
}

const settingsByAuth = new WeakMap<Auth, Promise<SessionSettings>>();

function sessionSettings(auth: Auth): Promise<SessionSettings> {
  let settings = settingsByAuth.get(auth);
  if (!settings) {
    settings = auth.$context.then((c) => {
      const options = c.options as {
        secondaryStorage?: unknown;
        session?: {
          cookieCache?: { enabled?: boolean };
          disableSessionRefresh?: boolean;
          deferSessionRefresh?: boolean;
        };
      };
      return {
        tokenCookie: c.authCookies.sessionToken.name,
        delegateCookies: [c.authCookies.dontRememberToken.name, c.authCookies.sessionData.name],
        secret: c.secret,
        expiresInMs: c.sessionConfig.expiresIn * 1000,
        updateAgeMs: c.sessionConfig.updateAge * 1000,
        usable:
          options.session?.cookieCache?.enabled !== true &&
          !options.secondaryStorage &&
          !options.session?.disableSessionRefresh &&
          !options.session?.deferSessionRefresh,
      };
    });
    settingsByAuth.set(auth, settings);
  }
  return settings;
}

/** The cookies of a `Cookie` header as better-auth reads them (the first of a name wins). */
function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at === -1) continue;
    const key = part.slice(0, at).trim();
    if (cookies.has(key)) continue;
    let value = part.slice(at + 1).trim();
    if (value.codePointAt(0) === 34) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent, as better-auth does
    }
    cookies.set(key, value);
  }
  return cookies;
}

/**
 * better-auth's getSession for the common case, in one query (session joined with its user)
 * instead of two plus its endpoint machinery: the signed session cookie verified as it does,
 * the session row read now (a revoked session fails at once), the user row with it (a role
 * change applies at once). Returns undefined whenever better-auth has more to do (no valid
 * signature, no such session, expired, due for refresh, remember-me or cache cookies):
 * the caller then asks better-auth, which decides as before.
 */
async function sessionFastPath(
  db: Database,
  auth: Auth,
  headers: Headers,
): Promise<Actor | undefined> {
  const header = headers.get("cookie");
  const settings = await sessionSettings(auth);
  if (!settings.usable) return undefined;
  if (!header) return { kind: "anonymous" };
  const cookies = parseCookies(header);
  if (settings.delegateCookies.some((name) => cookies.has(name))) return undefined;
  const value = cookies.get(settings.tokenCookie);
  if (!value) return { kind: "anonymous" };
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return undefined;
  const expected = createHmac("sha256", settings.secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const row = await sessionByToken(db)(token);
  if (!row) return undefined;
  const now = Date.now();
  const expiresAt = row.session.expiresAt.getTime();
  if (expiresAt <= now) return undefined;
  // better-auth moves the expiry on once a session is updateAge old: its write, not ours.
  if (expiresAt - settings.expiresInMs + settings.updateAgeMs <= now) return undefined;
  return userActor(row.user);
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
