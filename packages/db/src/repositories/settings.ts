// Association settings (one row) and generated instance secrets.
import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { associationSettings, instanceSecret } from "../schema/index.ts";

export type AssociationSettings = typeof associationSettings.$inferSelect;

export async function getAssociationSettings(
  db: Database | Tx,
): Promise<AssociationSettings | null> {
  const rows = await db.select().from(associationSettings).where(eq(associationSettings.id, 1));
  return rows[0] ?? null;
}

/**
 * Creates the settings row if there is none. Returns whether this call created it, so the
 * caller knows it is the first start (several instances may race; exactly one wins).
 */
export async function ensureAssociationSettings(
  db: Database | Tx,
  defaults: { name: string; timezone: string; defaultLocale?: string },
): Promise<{ created: boolean; settings: AssociationSettings }> {
  const inserted = await db
    .insert(associationSettings)
    .values({ id: 1, ...defaults })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) return { created: true, settings: inserted[0] };
  const existing = await getAssociationSettings(db);
  return { created: false, settings: existing! };
}

export async function updateAssociationSettings(
  db: Database | Tx,
  patch: Partial<Omit<typeof associationSettings.$inferInsert, "id">>,
): Promise<AssociationSettings> {
  const rows = await db
    .update(associationSettings)
    .set(patch)
    .where(eq(associationSettings.id, 1))
    .returning();
  return rows[0]!;
}

/**
 * Sets one key of the settings' `rules` (tunable defaults of the domain's rules) in place:
 * the other keys stay as they are, whoever wrote them.
 */
export async function setAssociationRule(
  db: Database | Tx,
  key: string,
  value: unknown,
): Promise<void> {
  await db
    .update(associationSettings)
    .set({
      rules: sql`${associationSettings.rules} || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(associationSettings.id, 1));
}

/** A named secret's value, or null when there is none. */
export async function getSecret(db: Database | Tx, name: string): Promise<string | null> {
  const rows = await db.select().from(instanceSecret).where(eq(instanceSecret.name, name));
  return rows[0]?.value ?? null;
}

/** Sets a named secret (replacing it), or removes it with `null`. */
export async function setSecret(db: Database | Tx, name: string, value: string | null) {
  if (value === null) {
    await db.delete(instanceSecret).where(eq(instanceSecret.name, name));
    return;
  }
  await db
    .insert(instanceSecret)
    .values({ name, value })
    .onConflictDoUpdate({ target: instanceSecret.name, set: { value } });
}

/** Reads a named secret, creating it with `generate()` if absent (first writer wins). */
export async function getOrCreateSecret(
  db: Database,
  name: string,
  generate: () => string,
): Promise<string> {
  await db.insert(instanceSecret).values({ name, value: generate() }).onConflictDoNothing();
  const rows = await db.select().from(instanceSecret).where(eq(instanceSecret.name, name));
  return rows[0]!.value;
}
