// The sanctioned building blocks for procedures. Every procedure declares the action it
// performs (`.meta({ action })`) and the domain's can() table decides who may call it; the
// typed procedure kinds below narrow the caller for the handler.
import { hitRateLimit } from "@readers/db";
import { type Action, can } from "@readers/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { Actor, Context } from "./context.ts";
import { DomainRefusal } from "./errors.ts";

export interface Meta {
  /** The permission this procedure needs, from the domain's action list. */
  action: Action;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      // Unexpected errors may carry SQL and parameters: the details go to the log (onError),
      // the caller gets a plain sentence.
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        message: internal ? "Something went wrong on our side. Please try again." : shape.message,
        data: {
          ...shape.data,
          // Stack traces stay in the logs.
          stack: undefined,
          domainCode:
            cause instanceof DomainRefusal
              ? cause.domainCode
              : cause instanceof ZodError
                ? zodDomainCode(cause)
                : null,
          details: cause instanceof DomainRefusal ? cause.details : null,
          // Field-level messages for forms: { fieldErrors: { email: ["..."] } }.
          zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        },
      };
    },
  });

/**
 * A domain code carried by a validation error (a schema such as `IsbnSchema` that stands
 * for a rule puts it in its issue's params), so bad input reads like the rule's refusal.
 */
function zodDomainCode(error: ZodError): string | null {
  for (const issue of error.issues) {
    const code = (issue as { params?: { domainCode?: unknown } }).params?.domainCode;
    if (typeof code === "string") return code;
  }
  return null;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps our caller to the domain's permission subject. */
export function permissionSubject(actor: Actor) {
  switch (actor.kind) {
    case "anonymous":
      return { role: "anonymous" as const };
    case "kiosk":
      return { role: "kiosk" as const, locationId: actor.locationId };
    case "user":
      return { role: actor.role, userId: actor.userId };
  }
}

const authorize = t.middleware(({ ctx, meta, path, next }) => {
  if (!meta?.action) {
    // A procedure without an action is a programming error: refuse rather than allow.
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `procedure ${path} declares no action`,
    });
  }
  if (!can(permissionSubject(ctx.actor), meta.action)) {
    throw new TRPCError({
      code: ctx.actor.kind === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN",
      message: ctx.actor.kind === "anonymous" ? "Sign in first." : "You may not do this.",
    });
  }
  return next();
});

/** Anyone, including anonymous visitors, as far as the action's can() row allows. */
export const publicProcedure = t.procedure.use(authorize);

type UserActor = Extract<Actor, { kind: "user" }>;
const requireUser = (roles: readonly UserActor["role"][]) =>
  t.middleware(({ ctx, next }) => {
    if (ctx.actor.kind !== "user")
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
    if (!roles.includes(ctx.actor.role))
      throw new TRPCError({ code: "FORBIDDEN", message: "You may not do this." });
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  });

/** A signed-in person (any role). */
export const memberProcedure = publicProcedure.use(requireUser(["member", "organizer", "admin"]));
/** An association officer or an admin. */
export const organizerProcedure = publicProcedure.use(requireUser(["organizer", "admin"]));
/** An admin. */
export const adminProcedure = publicProcedure.use(requireUser(["admin"]));
/** A paired kiosk device (bearer token); no person's session can call these. */
export const kioskProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "kiosk")
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Kiosk token required." });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * Limits how often one client may call a procedure: per account when signed in, per
 * network address otherwise (guest registrations, kiosk name search). Counted in the
 * database, so several API instances share one count.
 */
export function rateLimit(options: {
  name: string;
  max: number;
  windowMs: number;
  /** Count only callers without an account (guests); signed-in people are accountable. */
  anonymousOnly?: boolean;
}) {
  return t.middleware(async ({ ctx, next }) => {
    if (options.anonymousOnly && ctx.actor.kind !== "anonymous") return next();
    const who =
      ctx.actor.kind === "user"
        ? `user:${ctx.actor.userId}`
        : ctx.actor.kind === "kiosk"
          ? `kiosk:${ctx.actor.deviceId}`
          : `ip:${ctx.ip ?? "unknown"}`;
    const { allowed, retryAfterMs } = await hitRateLimit(
      ctx.db,
      `${options.name}:${who}`,
      ctx.now,
      options.windowMs,
      options.max,
    );
    if (!allowed) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `Too many attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`,
      });
    }
    return next();
  });
}
