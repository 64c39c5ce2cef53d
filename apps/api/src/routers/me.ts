// me.*: who is calling, and their own account settings.
import { setUserLocale } from "@readers/db";
import { actionsAllowed, LocaleSchema } from "@readers/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { memberProcedure, permissionSubject, publicProcedure } from "../trpc/init.ts";

export const meRouter = {
  get: publicProcedure.meta({ action: "me.get" }).query(({ ctx }) => {
    const privileges = actionsAllowed(permissionSubject(ctx.actor));
    // Frontends show dates in the association's zone, not the browser's.
    const association = { name: ctx.services.associationName(), timezone: ctx.services.timezone };
    if (ctx.actor.kind !== "user") return { account: null, member: null, privileges, association };
    const { userId: id, name, email, role, locale } = ctx.actor;
    return {
      account: { id, name, email, role, locale },
      // Membership arrives with the members issue.
      member: null,
      privileges,
      association,
    };
  }),
  setLocale: memberProcedure
    .meta({ action: "me.setLocale" })
    .input(z.object({ locale: LocaleSchema }))
    .mutation(async ({ ctx, input }) => {
      await setUserLocale(ctx.db, ctx.actor.userId, input.locale);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
