// In-app notifications a member reads in the portal.
import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Database } from "../client.ts";
import { notification } from "../schema/index.ts";

export type NotificationRow = typeof notification.$inferSelect;

/** Newest first; `before` is the id of the last row of the previous page. */
export async function listNotifications(
  db: Database,
  userId: string,
  page: { limit: number; before?: number; unreadOnly?: boolean },
): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notification)
    .where(
      and(
        eq(notification.userId, userId),
        page.before === undefined ? undefined : lt(notification.id, page.before),
        page.unreadOnly ? isNull(notification.readAt) : undefined,
      ),
    )
    .orderBy(desc(notification.id))
    .limit(page.limit);
}

export async function countUnreadNotifications(db: Database, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return rows[0]!.n;
}

/** Marks the caller's own notifications read; ids of other members are ignored. */
export async function markNotificationsRead(
  db: Database,
  userId: string,
  ids: number[] | "all",
  now: Date,
): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: now })
    .where(
      and(
        eq(notification.userId, userId),
        isNull(notification.readAt),
        ids === "all" ? undefined : inArray(notification.id, ids.length ? ids : [-1]),
      ),
    )
    .returning({ id: notification.id });
  return rows.length;
}
