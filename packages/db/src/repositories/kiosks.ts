// Kiosk devices (pairing, revocation, authentication) and the idempotency record of the
// requests they make.
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { kioskDevice, kioskRequest, location } from "../schema/index.ts";

export type KioskDeviceRow = typeof kioskDevice.$inferSelect;

/** A device as the admin's list shows it. */
export type KioskDeviceView = KioskDeviceRow & { locationName: string };

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

/**
 * Records that a device was seen. Written at most once a minute per device, so a busy kiosk
 * does not turn every check-in into an extra write.
 */
export async function touchKiosk(db: Database, id: string, now: Date): Promise<void> {
  await db
    .update(kioskDevice)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(kioskDevice.id, id),
        sql`(${kioskDevice.lastSeenAt} is null or ${kioskDevice.lastSeenAt} < ${new Date(now.getTime() - 60_000)})`,
      ),
    );
}

export async function insertKioskDevice(
  db: Database | Tx,
  row: typeof kioskDevice.$inferInsert,
): Promise<KioskDeviceRow> {
  const [created] = await db.insert(kioskDevice).values(row).returning();
  return created!;
}

/** Every device, active ones first, by name. */
export async function listKioskDevices(db: Database | Tx): Promise<KioskDeviceView[]> {
  return selectDevices(db);
}

export async function getKioskDevice(
  db: Database | Tx,
  id: string,
): Promise<KioskDeviceView | null> {
  return (await selectDevices(db, id))[0] ?? null;
}

async function selectDevices(db: Database | Tx, id?: string): Promise<KioskDeviceView[]> {
  const rows = await db
    .select({ device: kioskDevice, locationName: location.name })
    .from(kioskDevice)
    .innerJoin(location, eq(location.id, kioskDevice.locationId))
    .where(id === undefined ? undefined : eq(kioskDevice.id, id))
    .orderBy(sql`${kioskDevice.revokedAt} is not null`, asc(kioskDevice.name), asc(kioskDevice.id));
  return rows.map((r) => ({ ...r.device, locationName: r.locationName }));
}

/** Revokes a device: its token stops working at once and any pending pairing code too. */
export async function revokeKioskDevice(
  db: Database | Tx,
  id: string,
  now: Date,
): Promise<KioskDeviceRow | null> {
  const [row] = await db
    .update(kioskDevice)
    .set({ revokedAt: sql`coalesce(${kioskDevice.revokedAt}, ${now})`, pairingCodeHash: null })
    .where(eq(kioskDevice.id, id))
    .returning();
  return row ?? null;
}

/**
 * Redeems a pairing code in one statement: only an unexpired, unrevoked code matches, and
 * clearing it in the same UPDATE means two kiosks racing with one code cannot both win.
 */
export async function redeemPairingCode(
  db: Database | Tx,
  codeHash: string,
  tokenHash: string,
  now: Date,
): Promise<KioskDeviceRow | null> {
  const [row] = await db
    .update(kioskDevice)
    .set({
      tokenHash,
      pairingCodeHash: null,
      pairingExpiresAt: null,
      pairedAt: now,
      lastSeenAt: now,
    })
    .where(
      and(
        eq(kioskDevice.pairingCodeHash, codeHash),
        gt(kioskDevice.pairingExpiresAt, now),
        isNull(kioskDevice.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** The stored answer to a kiosk request already handled, if any. */
export async function findKioskRequest(
  db: Database | Tx,
  deviceId: string,
  clientId: string,
): Promise<{ kind: string; subjectId: string | null; result: unknown } | null> {
  const rows = await db
    .select({
      kind: kioskRequest.kind,
      subjectId: kioskRequest.subjectId,
      result: kioskRequest.result,
    })
    .from(kioskRequest)
    .where(and(eq(kioskRequest.deviceId, deviceId), eq(kioskRequest.clientId, clientId)));
  return rows[0] ?? null;
}

/** Records a kiosk request's answer (inside the transaction that acted on it). */
export async function saveKioskRequest(
  tx: Tx,
  row: {
    deviceId: string;
    clientId: string;
    kind: string;
    subjectId: string | null;
    result: unknown;
    now: Date;
  },
): Promise<void> {
  await tx.insert(kioskRequest).values({
    deviceId: row.deviceId,
    clientId: row.clientId,
    kind: row.kind,
    subjectId: row.subjectId,
    result: row.result as object,
    createdAt: row.now,
  });
}

/**
 * Forgets kiosk request answers older than `before`. An offline kiosk's queue is decided at
 * the server's time once older than a day (`checkInDecisionTime`), so a week of answers
 * covers every re-send that still matters. Returns how many were deleted.
 */
export async function pruneKioskRequests(db: Database, before: Date): Promise<number> {
  const rows = await db
    .delete(kioskRequest)
    .where(lt(kioskRequest.createdAt, before))
    .returning({ clientId: kioskRequest.clientId });
  return rows.length;
}
