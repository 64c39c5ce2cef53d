// better-auth: e-mail + password accounts, database sessions, sign-in rate limits shared by
// all instances, and password-reset mail through our notification outbox.
import {
  account,
  type Database,
  enqueueOutbox,
  linkImportedMember,
  rateLimit,
  session,
  syncMemberEmail,
  user,
  verification,
} from "@readers/db";
import {
  EMAIL_MAX_LENGTH,
  LOCALES,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "@readers/domain";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { type Logger, silentLogger } from "./logger.ts";

/** The request header that carries the client address we computed (see app.ts). */
export const CLIENT_IP_HEADER = "x-readers-client-ip";

export interface AuthOptions {
  db: Database;
  secret: string;
  publicUrl: string;
  /** Called after auth queued an outbox message (wakes the outbox worker). */
  onOutboxQueued?: () => void;
  /** better-auth's own messages go to our structured log. */
  logger?: Logger;
  /** Requests per minute per IP on sign-in / sign-up / reset (tests raise it). */
  signInPerMinute?: number;
}

/**
 * The portal's own origin; for a local install also its loopback twin, since people type
 * either http://localhost:3000 or http://127.0.0.1:3000 for the same server.
 */
export function trustedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const twin = { localhost: "127.0.0.1", "127.0.0.1": "localhost" }[url.hostname];
  if (twin) origins.push(`${url.protocol}//${twin}${url.port ? `:${url.port}` : ""}`);
  return origins;
}

/**
 * better-auth checks e-mail format and password length but not the size of a name or the
 * value of our locale field: bound them as every other string of ours is bounded.
 */
export function checkUserFields<T extends Record<string, unknown>>(data: T): T {
  const name = data.name;
  if (
    name !== undefined &&
    (typeof name !== "string" || name.trim() === "" || name.length > NAME_MAX_LENGTH)
  ) {
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_NAME",
      message: `Name must be 1–${NAME_MAX_LENGTH} characters.`,
    });
  }
  const email = data.email;
  if (email !== undefined && (typeof email !== "string" || email.length > EMAIL_MAX_LENGTH)) {
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_EMAIL",
      message: "Invalid e-mail address.",
    });
  }
  const locale = data.locale;
  if (
    locale !== undefined &&
    locale !== null &&
    !(LOCALES as readonly unknown[]).includes(locale)
  ) {
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_LOCALE",
      message: `Locale must be one of ${LOCALES.join(", ")}.`,
    });
  }
  return typeof name === "string" ? { ...data, name: name.trim() } : data;
}

export function createAuth(options: AuthOptions) {
  const perMinute = options.signInPerMinute ?? 10;
  /** Account e-mails (confirm address, reset password) go through the outbox like any other. */
  const accountMail = async (
    kind: "email_verification" | "password_reset",
    u: { id: string; email: string; name: string },
    url: string,
  ) => {
    await enqueueOutbox(options.db, {
      kind,
      channel: "email",
      userId: u.id,
      toEmail: u.email,
      locale: (u as { locale?: string }).locale ?? "en",
      payload: { name: u.name, url },
    });
    options.onOutboxQueued?.();
  };
  return betterAuth({
    appName: "Readers",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: trustedOrigins(options.publicUrl),
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user, session, account, verification, rateLimit },
    }),
    emailVerification: {
      // Confirming the address is not needed to sign in; it is needed to take over a
      // membership that was imported with that address (see linkImportedMember).
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: ({ user: u, url }) => accountMail("email_verification", u, url),
      afterEmailVerification: async (u) => {
        await options.db.transaction((tx) => linkImportedMember(tx, u.id, u.email, new Date()));
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: ({ user: u, url }) => accountMail("password_reset", u, url),
    },
    databaseHooks: {
      user: {
        update: {
          before: async (data) => ({ data: checkUserFields(data) }),
          // A confirmed change of address moves the member record's address along.
          after: async (updated) => {
            await syncMemberEmail(options.db, updated.id, updated.email, new Date());
          },
        },
        create: {
          before: async (data) => ({ data: checkUserFields(data) }),
          // Every new account finds a welcome in its inbox (delivered by the outbox worker).
          after: async (created) => {
            await enqueueOutbox(options.db, {
              kind: "welcome",
              channel: "in_app",
              userId: created.id,
              locale: (created as { locale?: string }).locale ?? "en",
              payload: { name: created.name },
            });
            options.onOutboxQueued?.();
          },
        },
      },
    },
    user: {
      // The new address gets a confirmation link; the change happens when it is opened, so
      // nobody can move an account (and its membership) to an address they do not own.
      changeEmail: { enabled: true },
      additionalFields: {
        // Never settable by the client: roles change only through admin.setRole.
        role: { type: "string", required: false, defaultValue: "member", input: false },
        locale: { type: "string", required: false, defaultValue: "en", input: true },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: perMinute },
        "/sign-up/email": { window: 60, max: perMinute },
        "/request-password-reset": { window: 60, max: Math.max(3, Math.floor(perMinute / 2)) },
      },
    },
    advanced: {
      // app.ts replaces this header on every request with the socket address (or, with
      // TRUST_PROXY, the proxy's X-Forwarded-For), so clients cannot forge their way
      // around the per-IP limits.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: options.publicUrl.startsWith("https://"),
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    logger: {
      log: (level, message) => {
        const log = options.logger ?? silentLogger;
        // A wrong password is routine, not a warning worth an operator's attention.
        (level === "error" ? log.error : level === "warn" ? log.info : log.debug)(
          `auth: ${message}`,
        );
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
