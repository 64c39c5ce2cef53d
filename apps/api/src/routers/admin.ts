// admin.*: accounts and roles, association settings, and the audit log.
import {
  getAssociationSettings,
  getUserById,
  listAudit,
  listUsers,
  lockAdmins,
  recordAudit,
  setAssociationRule,
  setUserRole,
  updateAssociationSettings,
} from "@readers/db";
import {
  BookSharingSettingsSchema,
  EMAIL_MAX_LENGTH,
  IdSchema,
  NAME_MAX_LENGTH,
  SEARCH_TEXT_MAX_LENGTH,
  TimeZoneSchema,
  USER_ROLES,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { bookSharingSettingsOf } from "../services.ts";
import { domainError } from "../trpc/errors.ts";
import { adminProcedure } from "../trpc/init.ts";

export const adminRouter = {
  users: adminProcedure
    .meta({ action: "admin.users" })
    .input(
      z
        .object({
          q: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
          role: z.enum(USER_ROLES).optional(),
          page: z.number().int().min(1).max(100_000).default(1),
          pageSize: z.number().int().min(1).max(100).default(25),
        })
        .default({ page: 1, pageSize: 25 }),
    )
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listUsers(ctx.db, {
        q: input.q,
        role: input.role,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  setRole: adminProcedure
    .meta({ action: "admin.setRole" })
    .input(z.object({ userId: IdSchema, role: z.enum(USER_ROLES) }))
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const target = await getUserById(tx, input.userId);
        if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "Account not found." });
        // The association must never be left without an admin: decide under a lock on every
        // admin row, so two admins demoting each other at once cannot both succeed.
        const admins = await lockAdmins(tx);
        if (
          target.role === "admin" &&
          input.role !== "admin" &&
          admins.filter((id) => id !== target.id).length === 0
        ) {
          throw domainError({ code: "LAST_ADMIN", message: "Make someone else an admin first." });
        }
        await setUserRole(tx, input.userId, input.role);
        await recordAudit(tx, {
          actorId: ctx.actor.userId,
          actorKind: ctx.actor.role,
          action: "user.setRole",
          targetType: "user",
          targetId: input.userId,
          details: { from: target.role, to: input.role },
          ip: ctx.ip,
        });
        return { userId: input.userId, role: input.role };
      }),
    ),

  settings: adminProcedure.meta({ action: "admin.settings" }).query(async ({ ctx }) => {
    const s = await getAssociationSettings(ctx.db);
    return {
      name: s?.name ?? "",
      timezone: s?.timezone ?? ctx.services.timezone,
      contactEmail: s?.contactEmail ?? null,
      bookSharing: bookSharingSettingsOf(s?.rules),
    };
  }),

  updateSettings: adminProcedure
    .meta({ action: "admin.updateSettings" })
    .input(
      z.object({
        name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
        timezone: TimeZoneSchema,
        contactEmail: z.union([z.literal(""), z.email().max(EMAIL_MAX_LENGTH)]).nullish(),
        /** Left as they are when not given. */
        bookSharing: BookSharingSettingsSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const saved = await ctx.db.transaction(async (tx) => {
        if (input.bookSharing) await setAssociationRule(tx, "bookSharing", input.bookSharing);
        const row = await updateAssociationSettings(tx, {
          name: input.name,
          timezone: input.timezone,
          contactEmail: input.contactEmail || null,
          updatedAt: ctx.now,
        });
        await recordAudit(tx, {
          actorId: ctx.actor.userId,
          actorKind: ctx.actor.role,
          action: "settings.update",
          targetType: "settings",
          targetId: "association",
          details: {
            name: input.name,
            timezone: input.timezone,
            ...(input.bookSharing ? { bookSharing: input.bookSharing } : {}),
          },
          ip: ctx.ip,
        });
        return row;
      });
      // Only once committed: a failed save must not leave new values in this instance.
      const bookSharing = bookSharingSettingsOf(saved.rules);
      ctx.services.settingsChanged({ name: saved.name, timezone: saved.timezone, bookSharing });
      return {
        name: saved.name,
        timezone: saved.timezone,
        contactEmail: saved.contactEmail,
        bookSharing,
      };
    }),

  auditLog: adminProcedure
    .meta({ action: "admin.auditLog" })
    .input(
      z
        .object({
          before: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(100).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listAudit(ctx.db, { before: input.before, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorName: r.actorName,
          actorKind: r.actorKind,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          details: r.details,
        })),
        nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    }),
} satisfies TRPCRouterRecord;
