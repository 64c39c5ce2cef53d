// Kiosk devices: a touch screen at a library location, authenticated by a device token
// (stored only as a SHA-256 hash), revocable by an admin. And the requests kiosks made,
// keyed by the kiosk's own client id, so a re-sent (offline-queued) request is a no-op.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { location } from "./association.ts";
import { user } from "./auth.ts";

export const kioskDevice = pgTable(
  "kiosk_device",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    locationId: text()
      .notNull()
      .references(() => location.id),
    /** SHA-256 (hex) of the bearer token; the token itself is shown once and never stored. */
    tokenHash: text().unique(),
    /**
     * SHA-256 (hex) of the one-time pairing code an admin reads to the kiosk; cleared when
     * the kiosk redeems it, so it works once.
     */
    pairingCodeHash: text().unique(),
    pairingExpiresAt: timestamp({ withTimezone: true }),
    pairedAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.locationId)],
);

/**
 * One row per accepted kiosk request (check-in, walk-in, shelf borrow or return), keyed by
 * the client id the kiosk generated. The primary key makes a re-sent request find the
 * first answer instead of acting twice; `result` is that answer, replayed as it was.
 * Refused requests are not stored: the server's decision may differ when retried.
 */
export const kioskRequest = pgTable(
  "kiosk_request",
  {
    deviceId: text()
      .notNull()
      .references(() => kioskDevice.id, { onDelete: "cascade" }),
    clientId: text().notNull(),
    /** checkIn | walkIn | borrow | return. */
    kind: text().notNull(),
    /** The activity (check-ins) or copy (shelf lending) it concerned. */
    subjectId: text(),
    result: jsonb().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.clientId] })],
);
