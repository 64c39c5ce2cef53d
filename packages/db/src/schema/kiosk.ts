// Kiosk devices: a touch screen at a library location, authenticated by a device token
// (stored only as a SHA-256 hash), revocable by an admin.
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { location } from "./association.ts";

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.locationId)],
);
