// notifications.*: a member's in-app inbox (delivered by the outbox worker).
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@readers/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { memberProcedure } from "../trpc/init.ts";

/** Page size cap: a phone screen's worth, and a bounded query. */
export const NOTIFICATIONS_PAGE_MAX = 50;

export const notificationsRouter = {
  list: memberProcedure
    .meta({ action: "notifications.list" })
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(20),
          before: z.number().int().positive().optional(),
          unreadOnly: z.boolean().default(false),
        })
        .default({ limit: 20, unreadOnly: false }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listNotifications(ctx.db, ctx.actor.userId, {
        ...input,
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          kind: r.kind,
          payload: r.payload,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
        nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
    }),
  unreadCount: memberProcedure.meta({ action: "notifications.list" }).query(async ({ ctx }) => ({
    count: await countUnreadNotifications(ctx.db, ctx.actor.userId),
  })),
  markRead: memberProcedure
    .meta({ action: "notifications.markRead" })
    .input(
      z.union([
        z.object({ ids: z.array(z.number().int().positive()).min(1).max(200) }),
        z.object({ all: z.literal(true) }),
      ]),
    )
    .mutation(async ({ ctx, input }) => ({
      updated: await markNotificationsRead(
        ctx.db,
        ctx.actor.userId,
        "all" in input ? "all" : input.ids,
        ctx.now,
      ),
    })),
} satisfies TRPCRouterRecord;
