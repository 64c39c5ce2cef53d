// memberships.*: tiers, applying, renewing, leaving, the member card, and the organizers'
// approvals, payments, suspensions, lists, CSV import and export. Rules: @readers/domain.
import { randomUUID } from "node:crypto";
import {
  addMemberEvent,
  bumpCardVersion,
  currentMembership,
  findTierByName,
  getMemberByEmail,
  getMemberById,
  getMemberByNumber,
  getMemberByUserId,
  getTier,
  getUserById,
  insertMember,
  insertMembership,
  insertPayment,
  linkImportedMember,
  listMemberEvents,
  listMembers,
  listPayments,
  listTiers,
  lockMember,
  lockMembership,
  MEMBER_SORTS,
  type MembershipRow,
  nextMemberNumber,
  saveTier,
  setTierArchived,
  type TierRow,
  type Tx,
  toTier,
  updateMember,
  updateMembership,
} from "@readers/db";
import {
  activationPeriod,
  decideLeaving,
  decideMembershipApplication,
  decideMembershipApproval,
  decideMembershipRenewal,
  decideReinstatement,
  decideSuspension,
  decodeCardPayload,
  formatMemberNumber,
  IdSchema,
  MEMBERSHIP_STATUSES,
  MembershipApplyInputSchema,
  MembershipIdInputSchema,
  MembershipRenewInputSchema,
  MembershipSuspendInputSchema,
  RecordPaymentInputSchema,
  SEARCH_TEXT_MAX_LENGTH,
  TierInputSchema,
  verifyCardPayload,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditAction } from "../audit.ts";
import { cardHmac, cardPayload, qrSvg } from "../members/card.ts";
import { exportMembersCsv, importMembersCsv, MEMBER_CSV_MAX_BYTES } from "../members/csv.ts";
import { facts, membershipView, memberView, todayIn } from "../members/views.ts";
import { enqueueNotification } from "../notifications/notify.ts";
import type { Context } from "../trpc/context.ts";
import { onConflict } from "../trpc/db-errors.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import {
  adminProcedure,
  memberProcedure,
  organizerProcedure,
  publicProcedure,
} from "../trpc/init.ts";

/** Admin lists: a page is at most this many rows. */
export const MEMBER_PAGE_MAX = 100;

const notFound = (what: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
const today = (ctx: Context) => todayIn(ctx.now, ctx.services.timezone);

async function requireOwnMember(tx: Tx | Context["db"], userId: string) {
  const member = await getMemberByUserId(tx, userId);
  if (!member)
    throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
  return member;
}

/** Organizer and admin actions, and members' own membership changes: one audit row in the same transaction. */
const audit = auditAction;

/**
 * Organizers do not approve, settle or reinstate their own membership: a second person
 * (another organizer or an admin) does. Admins are trusted with their own.
 */
async function refuseOwnMembership(tx: Tx, ctx: Context, memberId: string): Promise<void> {
  if (ctx.actor.kind !== "user" || ctx.actor.role === "admin") return;
  const member = await getMemberById(tx, memberId);
  if (member?.userId === ctx.actor.userId) {
    throw domainError({
      code: "OWN_MEMBERSHIP",
      message: "Another officer handles your own membership.",
    });
  }
}

async function lockOrThrow(tx: Tx, membershipId: string) {
  const locked = await lockMembership(tx, membershipId);
  if (!locked) throw notFound("Membership");
  return locked;
}

const TierSaveInputSchema = TierInputSchema.extend({ id: IdSchema.optional() });

export const membershipsRouter = {
  // -------------------------------------------------------------------------- tiers
  tiers: publicProcedure
    .meta({ action: "memberships.tiers" })
    .input(
      z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
    )
    .query(async ({ ctx, input }) => {
      const includeArchived =
        input.includeArchived && ctx.actor.kind === "user" && ctx.actor.role === "admin";
      return (await listTiers(ctx.db, { includeArchived })).map(toTier);
    }),

  saveTier: adminProcedure
    .meta({ action: "memberships.saveTier" })
    .input(TierSaveInputSchema)
    .mutation(async ({ ctx, input }) => {
      const id = input.id ?? randomUUID();
      return ctx.db.transaction(async (tx) => {
        const sameName = await findTierByName(tx, input.name);
        if (sameName && sameName.id !== id)
          throw domainError({ code: "TIER_NAME_TAKEN", message: "A tier with this name exists." });
        if (input.id && !(await getTier(tx, input.id))) throw notFound("Tier");
        const row = await onConflict("TIER_NAME_TAKEN", "A tier with this name exists.", () =>
          saveTier(tx, { ...input, id }, ctx.now),
        );
        await audit(tx, ctx, input.id ? "tier.update" : "tier.create", "tier", id, {
          name: input.name,
        });
        return toTier(row);
      });
    }),

  archiveTier: adminProcedure
    .meta({ action: "memberships.archiveTier" })
    .input(z.object({ id: IdSchema, archived: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const row = await setTierArchived(tx, input.id, input.archived, ctx.now);
        if (!row) throw notFound("Tier");
        await audit(tx, ctx, input.archived ? "tier.archive" : "tier.unarchive", "tier", input.id);
        return toTier(row);
      }),
    ),

  // ------------------------------------------------------------------------ members
  apply: memberProcedure
    .meta({ action: "memberships.apply" })
    .input(MembershipApplyInputSchema)
    .mutation(async ({ ctx, input }) => {
      const day = today(ctx);
      // A verified account takes over the member imported with its address (committed on
      // its own: the application below may still be refused, e.g. ALREADY_MEMBER).
      if (ctx.actor.emailVerified) {
        await ctx.db.transaction((tx) =>
          linkImportedMember(tx, ctx.actor.userId, ctx.actor.email, ctx.now),
        );
      }
      const result = await onConflict(
        "ALREADY_MEMBER",
        "There is already a current membership.",
        () =>
          ctx.db.transaction(async (tx) => {
            const tier = await getTier(tx, input.tierId);
            if (!tier || tier.archivedAt) throw notFound("Tier");
            const { userId, email } = ctx.actor;
            let member = await getMemberByUserId(tx, userId);
            if (member) member = await lockMember(tx, member.id);
            if (!member) {
              const sameEmail = await getMemberByEmail(tx, email);
              if (sameEmail?.userId) {
                throw domainError({
                  code: "EMAIL_TAKEN",
                  message: "Another member uses this e-mail.",
                });
              }
              if (sameEmail) {
                // Imported with this address: only a confirmed address may take it over.
                throw domainError({
                  code: "EMAIL_UNVERIFIED",
                  message: "Confirm your e-mail address first (see the e-mail we sent).",
                });
              }
              member = await insertMember(tx, {
                id: randomUUID(),
                userId,
                email,
                memberNumber: await nextMemberNumber(tx),
                firstName: input.profile.firstName,
                lastName: input.profile.lastName,
                createdAt: ctx.now,
                updatedAt: ctx.now,
              });
            }
            member = (await updateMember(tx, member!.id, {
              ...input.profile,
              updatedAt: ctx.now,
            }))!;
            // Locked, so a renewal or an officer's action cannot slip in before we close it.
            const latest = await currentMembership(tx, member.id);
            const current = latest && (await lockMembership(tx, latest.membership.id));
            const decision = unwrap(
              decideMembershipApplication({
                current: current && {
                  membership: facts(current.membership),
                  tier: toTier(current.tier),
                },
                tier: toTier(tier),
                today: day,
              }),
            );
            // An expired membership is closed by the new one (its history stays).
            if (current && !current.membership.cancelledAt) {
              await updateMembership(tx, current.membership.id, {
                cancelledAt: ctx.now,
                updatedAt: ctx.now,
              });
            }
            const created = await insertMembership(tx, {
              id: randomUUID(),
              memberId: member.id,
              tierId: tier.id,
              appliedAt: ctx.now,
              startDate: decision.period?.startDate ?? null,
              endDate: decision.period?.endDate ?? null,
              // Settled at once when the tier asks for neither approval nor a fee, so a later
              // change of the tier's rules does not turn running memberships back to pending.
              ...(decision.period ? { approvedAt: ctx.now, paidAt: ctx.now } : {}),
            });
            await addMemberEvent(tx, {
              memberId: member.id,
              membershipId: created.id,
              kind: "applied",
              at: ctx.now,
              actorId: userId,
              details: { tier: tier.name },
            });
            if (decision.period) {
              await addMemberEvent(tx, {
                memberId: member.id,
                membershipId: created.id,
                kind: "activated",
                at: ctx.now,
                actorId: userId,
                details: { ...decision.period },
              });
            }
            await audit(tx, ctx, "membership.apply", "membership", created.id, {
              memberId: member.id,
              tier: tier.name,
            });
            return { membershipId: created.id, view: membershipView(created, tier, day) };
          }),
      );
      return {
        membershipId: result.membershipId,
        status: result.view.status,
        membership: result.view,
      };
    }),

  renew: memberProcedure
    .meta({ action: "memberships.renew" })
    .input(MembershipRenewInputSchema)
    .mutation(async ({ ctx, input }) => {
      const day = today(ctx);
      return ctx.db.transaction(async (tx) => {
        const member = await requireOwnMember(tx, ctx.actor.userId);
        const current = await currentMembership(tx, member.id);
        if (!current)
          throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
        const { membership, tier: currentTier } = await lockOrThrow(tx, current.membership.id);
        // Another tier has its own approval and fee: that is a new application, not a renewal.
        if (input.tierId && input.tierId !== currentTier.id) {
          throw domainError({
            code: "TIER_CHANGE_NEEDS_APPLICATION",
            message: "To change tier, leave and apply for the new tier.",
          });
        }
        const tier = currentTier;
        const period = unwrap(
          decideMembershipRenewal({
            membership: facts(membership),
            tier: toTier(tier),
            today: day,
          }),
        );
        const updated = await updateMembership(tx, membership.id, {
          tierId: tier.id,
          startDate: period.startDate,
          endDate: period.endDate,
          updatedAt: ctx.now,
        });
        await addMemberEvent(tx, {
          memberId: member.id,
          membershipId: membership.id,
          kind: "renewed",
          at: ctx.now,
          actorId: ctx.actor.userId,
          details: { ...period, tier: tier.name },
        });
        await audit(tx, ctx, "membership.renew", "membership", membership.id, {
          memberId: member.id,
          ...period,
        });
        const view = membershipView(updated, tier, day);
        return {
          status: view.status,
          startDate: view.startDate,
          endDate: view.endDate,
          membership: view,
        };
      });
    }),

  leave: memberProcedure.meta({ action: "memberships.leave" }).mutation(async ({ ctx }) => {
    const day = today(ctx);
    return ctx.db.transaction(async (tx) => {
      const member = await requireOwnMember(tx, ctx.actor.userId);
      const current = await currentMembership(tx, member.id);
      if (!current)
        throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
      const { membership, tier } = await lockOrThrow(tx, current.membership.id);
      unwrap(decideLeaving(membership));
      const updated = await updateMembership(tx, membership.id, {
        cancelledAt: ctx.now,
        updatedAt: ctx.now,
      });
      await addMemberEvent(tx, {
        memberId: member.id,
        membershipId: membership.id,
        kind: "left",
        at: ctx.now,
        actorId: ctx.actor.userId,
      });
      await audit(tx, ctx, "membership.leave", "membership", membership.id, {
        memberId: member.id,
      });
      return { status: membershipView(updated, tier, day).status };
    });
  }),

  card: memberProcedure.meta({ action: "memberships.card" }).query(async ({ ctx }) => {
    const member = await requireOwnMember(ctx.db, ctx.actor.userId);
    const current = await currentMembership(ctx.db, member.id);
    const view = current && membershipView(current.membership, current.tier, today(ctx));
    const payload = await cardPayload(
      member.memberNumber,
      member.cardVersion,
      ctx.services.cardKey,
    );
    return {
      memberNumber: member.memberNumber,
      memberNumberFormatted: memberView(member).memberNumberFormatted,
      name: `${member.firstName} ${member.lastName}`.trim(),
      association: ctx.services.associationName(),
      tierName: view?.tierName ?? null,
      status: view?.status ?? null,
      endDate: view?.endDate ?? null,
      cardVersion: member.cardVersion,
      qrPayload: payload,
      qrSvg: await qrSvg(payload),
    };
  }),

  reportLostCard: memberProcedure
    .meta({ action: "memberships.reportLostCard" })
    .mutation(async ({ ctx }) =>
      ctx.db.transaction(async (tx) => {
        const member = await requireOwnMember(tx, ctx.actor.userId);
        await lockMember(tx, member.id);
        const cardVersion = await bumpCardVersion(tx, member.id, ctx.now);
        await addMemberEvent(tx, {
          memberId: member.id,
          kind: "card_reported_lost",
          at: ctx.now,
          actorId: ctx.actor.userId,
          details: { cardVersion },
        });
        await audit(tx, ctx, "card.reportLost", "member", member.id, { cardVersion });
        return { cardVersion };
      }),
    ),

  verifyCard: organizerProcedure
    .meta({ action: "memberships.verifyCard" })
    .input(z.object({ qr: z.string().min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const decoded = unwrap(decodeCardPayload(input.qr));
      const member = await getMemberByNumber(ctx.db, decoded.memberNumber);
      if (!member || member.erasedAt)
        throw domainError({ code: "UNKNOWN_MEMBER", message: "No member has this number." });
      unwrap(await verifyCardPayload(input.qr, member.cardVersion, cardHmac(ctx.services.cardKey)));
      const current = await currentMembership(ctx.db, member.id);
      return {
        member: memberView(member),
        membership: current && membershipView(current.membership, current.tier, today(ctx)),
      };
    }),

  // --------------------------------------------------------------------- organizers
  list: organizerProcedure
    .meta({ action: "memberships.list" })
    .input(
      z
        .object({
          q: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
          status: z.enum([...MEMBERSHIP_STATUSES, "none"]).optional(),
          tierId: IdSchema.optional(),
          sort: z.enum(MEMBER_SORTS).default("name"),
          direction: z.enum(["asc", "desc"]).default("asc"),
          page: z.number().int().min(1).max(100_000).default(1),
          pageSize: z.number().int().min(1).max(MEMBER_PAGE_MAX).default(25),
        })
        .default({ sort: "name", direction: "asc", page: 1, pageSize: 25 }),
    )
    .query(async ({ ctx, input }) => {
      const { rows, total } = await listMembers(ctx.db, {
        ...input,
        today: today(ctx),
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return {
        items: rows.map((r) => ({
          ...r,
          memberNumberFormatted: formatMemberNumber(r.memberNumber),
          joinedAt: r.joinedAt.toISOString(),
        })),
        total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  get: organizerProcedure
    .meta({ action: "memberships.get" })
    .input(z.object({ memberId: IdSchema }))
    .query(async ({ ctx, input }) => {
      const member = await getMemberById(ctx.db, input.memberId);
      if (!member || member.erasedAt) throw notFound("Member");
      const account = member.userId ? await getUserById(ctx.db, member.userId) : null;
      const current = await currentMembership(ctx.db, member.id);
      return {
        member: memberView(member),
        account: account && {
          userId: account.id,
          role: account.role,
          email: account.email,
          name: account.name,
        },
        membership: current && membershipView(current.membership, current.tier, today(ctx)),
        payments: (await listPayments(ctx.db, member.id)).map((p) => ({
          id: p.id,
          membershipId: p.membershipId,
          amountCents: p.amountCents,
          method: p.method,
          reference: p.reference,
          paidAt: p.paidAt.toISOString(),
          recordedByName: p.recordedByName,
        })),
        events: (await listMemberEvents(ctx.db, member.id)).map((e) => ({
          id: e.id,
          kind: e.kind,
          at: e.at.toISOString(),
          actorName: e.actorName,
          details: e.details,
        })),
      };
    }),

  approve: organizerProcedure
    .meta({ action: "memberships.approve" })
    .input(MembershipIdInputSchema)
    .mutation(({ ctx, input }) =>
      officerAction(ctx, input.membershipId, "approve", async (tx, { membership, tier }, day) => {
        const { period } = unwrap(
          decideMembershipApproval({
            membership: facts(membership),
            tier: toTier(tier),
            now: ctx.now,
            today: day,
          }),
        );
        const updated = await updateMembership(tx, membership.id, {
          approvedAt: ctx.now,
          ...(period ?? {}),
          updatedAt: ctx.now,
        });
        return { updated, event: "approved", period };
      }),
    ),

  recordPayment: organizerProcedure
    .meta({ action: "memberships.recordPayment" })
    .input(RecordPaymentInputSchema)
    .mutation(({ ctx, input }) =>
      officerAction(
        ctx,
        input.membershipId,
        "recordPayment",
        async (tx, { membership, tier }, day) => {
          if (membership.cancelledAt) {
            throw domainError({ code: "MEMBERSHIP_CANCELLED", message: "The member has left." });
          }
          const paidAt = input.paidAt ?? ctx.now;
          await insertPayment(tx, {
            membershipId: membership.id,
            amountCents: input.amountCents,
            method: input.method,
            reference: input.reference,
            paidAt,
            recordedBy: ctx.actor.userId,
          });
          const firstPayment = membership.paidAt === null;
          const period = firstPayment
            ? activationPeriod({ ...facts(membership), paidAt }, toTier(tier), day)
            : null;
          const updated = await updateMembership(tx, membership.id, {
            ...(firstPayment ? { paidAt } : {}),
            ...(period ?? {}),
            updatedAt: ctx.now,
          });
          return {
            updated,
            event: "payment_recorded",
            eventDetails: {
              amountCents: input.amountCents,
              method: input.method,
              reference: input.reference,
            },
            auditDetails: { amountCents: input.amountCents, method: input.method },
            period,
          };
        },
      ),
    ),

  suspend: organizerProcedure
    .meta({ action: "memberships.suspend" })
    .input(MembershipSuspendInputSchema)
    .mutation(({ ctx, input }) =>
      officerAction(ctx, input.membershipId, "suspend", async (tx, { membership }) => {
        unwrap(decideSuspension(membership));
        const updated = await updateMembership(tx, membership.id, {
          suspendedAt: ctx.now,
          suspensionReason: input.reason,
          updatedAt: ctx.now,
        });
        return { updated, event: "suspended", eventDetails: { reason: input.reason } };
      }),
    ),

  reinstate: organizerProcedure
    .meta({ action: "memberships.reinstate" })
    .input(MembershipIdInputSchema)
    .mutation(({ ctx, input }) =>
      officerAction(ctx, input.membershipId, "reinstate", async (tx, { membership, tier }, day) => {
        unwrap(decideReinstatement(membership));
        const lifted = { ...facts(membership), suspendedAt: null };
        // Approved and paid while suspended: the period starts now that the suspension is lifted.
        const period = activationPeriod(lifted, toTier(tier), day);
        const updated = await updateMembership(tx, membership.id, {
          suspendedAt: null,
          suspensionReason: null,
          ...(period ?? {}),
          updatedAt: ctx.now,
        });
        return { updated, event: "reinstated", period };
      }),
    ),

  import: organizerProcedure
    .meta({ action: "memberships.import" })
    .input(
      z.object({
        csv: z
          .string()
          .min(1)
          .refine(
            (csv) => Buffer.byteLength(csv) <= MEMBER_CSV_MAX_BYTES,
            `At most ${MEMBER_CSV_MAX_BYTES} bytes per import.`,
          ),
        commit: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await importMembersCsv(ctx, input.csv, input.commit);
      if (result.committed) ctx.services.notify();
      return result;
    }),

  export: organizerProcedure
    .meta({ action: "memberships.export" })
    .input(
      z
        .object({
          status: z.enum([...MEMBERSHIP_STATUSES, "none"]).optional(),
          tierId: IdSchema.optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const csv = await exportMembersCsv(ctx, input);
      await ctx.db.transaction((tx) =>
        audit(tx, ctx, "members.export", "members", "all", { ...input }),
      );
      return { filename: `members-${today(ctx)}.csv`, csv };
    }),
} satisfies TRPCRouterRecord;

/**
 * What every officer action on a membership shares: in one transaction, lock the row,
 * refuse an organizer's own membership, let `work` decide and write, then record the
 * member's history, any activation, and the audit entry, and answer with the new view.
 */
async function officerAction(
  ctx: Context & { actor: { kind: "user"; userId: string } },
  membershipId: string,
  action: string,
  work: (
    tx: Tx,
    locked: { membership: MembershipRow; tier: TierRow },
    day: string,
  ) => Promise<{
    updated: MembershipRow;
    event: string;
    eventDetails?: Record<string, unknown>;
    auditDetails?: Record<string, unknown>;
    period?: { startDate: string; endDate: string } | null;
  }>,
) {
  const day = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOrThrow(tx, membershipId);
    const { memberId } = locked.membership;
    await refuseOwnMembership(tx, ctx, memberId);
    const done = await work(tx, locked, day);
    await addMemberEvent(tx, {
      memberId,
      membershipId,
      kind: done.event,
      at: ctx.now,
      actorId: ctx.actor.userId,
      ...(done.eventDetails ? { details: done.eventDetails } : {}),
    });
    await afterActivation(tx, ctx, memberId, membershipId, done.period ?? null);
    await audit(tx, ctx, `membership.${action}`, "membership", membershipId, {
      memberId,
      ...done.auditDetails,
    });
    return membershipView(done.updated, locked.tier, day);
  });
}

/** When a membership just got its period: history and the member's notification. */
async function afterActivation(
  tx: Tx,
  ctx: Context,
  memberId: string,
  membershipId: string,
  period: { startDate: string; endDate: string } | null,
): Promise<void> {
  if (!period) return;
  await addMemberEvent(tx, {
    memberId,
    membershipId,
    kind: "activated",
    at: ctx.now,
    actorId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    details: period,
  });
  await enqueueNotification(tx, { kind: "membership_approved", memberId }, { ...period });
  ctx.services.notify();
}
