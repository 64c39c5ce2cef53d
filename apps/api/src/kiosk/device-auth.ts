// Kiosk bearer tokens → devices. A kiosk calls often (occupancy, check-ins), so the lookup
// is cached for a few seconds per process, and "last seen" is written at most once a minute.
// Revocation evicts the entry at once on this instance and, through the live bus, on every
// other instance; the TTL bounds the window should a bus message be missed.
import { createHash } from "node:crypto";
import { type Database, findKioskByTokenHash, touchKiosk } from "@readers/db";

/** How long a token lookup is trusted without asking the database again. */
export const KIOSK_AUTH_CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

export interface KioskDevice {
  deviceId: string;
  locationId: string;
}

interface Entry {
  device: KioskDevice;
  until: number;
}

const caches = new WeakMap<Database, Map<string, Entry>>();
/**
 * Bumped by every revocation: a lookup that started before a revocation does not cache
 * what it read (it may be the revoked device, read just before the revocation committed).
 */
const generations = new WeakMap<Database, number>();

function cacheOf(db: Database): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** SHA-256 (hex) of a device token: what the database keeps. */
export function hashKioskToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The active device holding `token`, or null (unknown or revoked tokens are not cached). */
export async function kioskByToken(
  db: Database,
  token: string,
  now: Date,
): Promise<KioskDevice | null> {
  const hash = hashKioskToken(token);
  const cache = cacheOf(db);
  const hit = cache.get(hash);
  if (hit && hit.until > now.getTime()) return hit.device;
  const generation = generations.get(db) ?? 0;
  const row = await findKioskByTokenHash(db, hash);
  if (!row) {
    cache.delete(hash);
    return null;
  }
  const device = { deviceId: row.id, locationId: row.locationId };
  await touchKiosk(db, row.id, now);
  if ((generations.get(db) ?? 0) !== generation) return device;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(hash, { device, until: now.getTime() + KIOSK_AUTH_CACHE_MS });
  return device;
}

/** Forgets a device's cached token (after revocation). */
export function forgetKioskDevice(db: Database, deviceId: string): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
  const cache = cacheOf(db);
  for (const [hash, entry] of cache) if (entry.device.deviceId === deviceId) cache.delete(hash);
}
