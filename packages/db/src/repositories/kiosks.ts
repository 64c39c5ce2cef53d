// Kiosk devices as the API's authentication sees them.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../client.ts";
import { kioskDevice } from "../schema/index.ts";

export type KioskDeviceRow = typeof kioskDevice.$inferSelect;

/** The active (not revoked) device holding this token hash, if any. */
export async function findKioskByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<KioskDeviceRow | null> {
  const rows = await db
    .select()
    .from(kioskDevice)
    .where(and(eq(kioskDevice.tokenHash, tokenHash), isNull(kioskDevice.revokedAt)));
  return rows[0] ?? null;
}

export async function touchKiosk(db: Database, id: string, now: Date): Promise<void> {
  await db.update(kioskDevice).set({ lastSeenAt: now }).where(eq(kioskDevice.id, id));
}
