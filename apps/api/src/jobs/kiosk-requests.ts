// Kiosk request answers (kept so a re-sent client id is a no-op) are not needed forever:
// after a week no kiosk re-sends anything that would be decided by them.
import { type Database, pruneKioskRequests } from "@readers/db";

export const KIOSK_REQUEST_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function runKioskRequestPruning(db: Database, now: Date): Promise<number> {
  return pruneKioskRequests(db, new Date(now.getTime() - KIOSK_REQUEST_RETENTION_MS));
}
