// me.*: who is calling, their membership at a glance, and their own data: profile, language,
// a copy of everything we hold about them, and deleting their account.
import {
  addMemberEvent,
  currentMembership,
  deleteUserAccount,
  eraseMember,
  forgetAuditAddresses,
  getMemberByUserId,
  lockAdmins,
  lockMember,
  personalDataOf,
  setUserLocale,
  updateMember,
  updateUserName,
} from "@readers/db";
import {
  actionsAllowed,
  EMAIL_MAX_LENGTH,
  LocaleSchema,
  MemberProfileInputSchema,
  NAME_MAX_LENGTH,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditAction } from "../audit.ts";
import { membershipView, memberView, todayIn } from "../members/views.ts";
import { domainError } from "../trpc/errors.ts";
import { memberProcedure, permissionSubject, publicProcedure } from "../trpc/init.ts";

export const meRouter = {
  get: publicProcedure.meta({ action: "me.get" }).query(async ({ ctx }) => {
    const privileges = actionsAllowed(permissionSubject(ctx.actor));
    // Frontends show dates in the association's zone, not the browser's.
    const association = { name: ctx.services.associationName(), timezone: ctx.services.timezone };
    if (ctx.actor.kind !== "user") return { account: null, member: null, privileges, association };
    const { userId: id, name, email, role, locale, emailVerified } = ctx.actor;
    const member = await getMemberByUserId(ctx.db, id);
    const current = member && (await currentMembership(ctx.db, member.id));
    return {
      account: { id, name, email, role, locale, emailVerified },
      member: member && {
        ...memberView(member),
        membership:
          current &&
          membershipView(current.membership, current.tier, todayIn(ctx.now, ctx.services.timezone)),
      },
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

  updateProfile: memberProcedure
    .meta({ action: "me.updateProfile" })
    .input(
      z.object({
        name: z.string().trim().min(1).max(NAME_MAX_LENGTH).optional(),
        member: MemberProfileInputSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (input.name) await updateUserName(tx, ctx.actor.userId, input.name, ctx.now);
        if (input.member) {
          const member = await getMemberByUserId(tx, ctx.actor.userId);
          if (!member)
            throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
          await lockMember(tx, member.id);
          await updateMember(tx, member.id, { ...input.member, updatedAt: ctx.now });
          await addMemberEvent(tx, {
            memberId: member.id,
            kind: "profile_updated",
            at: ctx.now,
            actorId: ctx.actor.userId,
          });
        }
        return { ok: true as const };
      }),
    ),

  exportData: memberProcedure.meta({ action: "me.exportData" }).query(async ({ ctx }) => ({
    exportedAt: ctx.now.toISOString(),
    association: ctx.services.associationName(),
    ...(await personalDataOf(ctx.db, ctx.actor.userId)),
  })),

  deleteAccount: memberProcedure
    .meta({ action: "me.deleteAccount" })
    .input(z.object({ confirmEmail: z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH) }))
    .mutation(async ({ ctx, input }) => {
      if (input.confirmEmail !== ctx.actor.email.toLowerCase()) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Type the e-mail address of your account to confirm.",
        });
      }
      await ctx.db.transaction(async (tx) => {
        if (ctx.actor.role === "admin") {
          const admins = await lockAdmins(tx);
          if (admins.every((id) => id === ctx.actor.userId)) {
            throw domainError({ code: "LAST_ADMIN", message: "Make someone else an admin first." });
          }
        }
        const member = await getMemberByUserId(tx, ctx.actor.userId);
        if (member) {
          await lockMember(tx, member.id);
          await eraseMember(tx, member.id, ctx.now);
          await addMemberEvent(tx, { memberId: member.id, kind: "account_deleted", at: ctx.now });
          // No address and no actor: the record says only that a member's data was erased.
          await auditAction(
            tx,
            { actor: { kind: "anonymous" }, ip: null },
            "account.delete",
            "member",
            member.id,
          );
        }
        await forgetAuditAddresses(tx, ctx.actor.userId);
        // Sessions, credentials, notifications and queued messages go with the account.
        await deleteUserAccount(tx, ctx.actor.userId, ctx.actor.email);
      });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
