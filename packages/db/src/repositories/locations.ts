// Library locations (sites where activities happen and kiosks stand).
import { asc } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { location } from "../schema/index.ts";

export type LocationRow = typeof location.$inferSelect;

export async function listLocations(db: Database | Tx): Promise<LocationRow[]> {
  return db.select().from(location).orderBy(asc(location.name));
}

export async function insertLocations(
  db: Database | Tx,
  rows: (typeof location.$inferInsert)[],
): Promise<void> {
  if (rows.length) await db.insert(location).values(rows).onConflictDoNothing();
}

/** Creates or renames a location. */
export async function saveLocation(
  db: Database | Tx,
  row: { id: string; name: string; address: string | null },
): Promise<LocationRow> {
  const rows = await db
    .insert(location)
    .values(row)
    .onConflictDoUpdate({ target: location.id, set: { name: row.name, address: row.address } })
    .returning();
  return rows[0]!;
}
