// me.*: who is calling, and their own account settings.
import { getUserById, setUserLocale } from "@readers/db";
import { actionsAllowed } from "@readers/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { memberProcedure, permissionSubject, publicProcedure } from "../trpc/init.ts";

export const LOCALES = ["en", "zh-CN"] as const;

export const meRouter = {
  get: publicProcedure.meta({ action: "me.get" }).query(async ({ ctx }) => {
    const privileges = actionsAllowed(permissionSubject(ctx.actor));
    // Frontends show dates in the association's zone, not the browser's.
    const association = { name: ctx.services.associationName(), timezone: ctx.services.timezone };
    if (ctx.actor.kind !== "user") return { account: null, member: null, privileges, association };
    const row = await getUserById(ctx.db, ctx.actor.userId);
    return {
      account: row && {
        id: row.id,
        name: row.name,
        email: row.email,
        role: ctx.actor.role,
        locale: (LOCALES as readonly string[]).includes(row.locale)
          ? (row.locale as (typeof LOCALES)[number])
          : "en",
      },
      // Membership arrives with the members issue.
      member: null,
      privileges,
      association,
    };
  }),
  setLocale: memberProcedure
    .meta({ action: "me.setLocale" })
    .input(z.object({ locale: z.enum(LOCALES) }))
    .mutation(async ({ ctx, input }) => {
      await setUserLocale(ctx.db, ctx.actor.userId, input.locale);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
