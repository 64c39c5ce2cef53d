// Accounts as the API sees them (better-auth owns their creation and passwords).
import { count, eq } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { account, user } from "../schema/index.ts";

export type UserRow = typeof user.$inferSelect;

export async function getUserById(db: Database | Tx, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(user).where(eq(user.id, id));
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Database | Tx, email: string): Promise<UserRow | null> {
  const rows = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return rows[0] ?? null;
}

export async function setUserRole(
  db: Database | Tx,
  id: string,
  role: string,
): Promise<UserRow | null> {
  const rows = await db.update(user).set({ role }).where(eq(user.id, id)).returning();
  return rows[0] ?? null;
}

export async function setUserLocale(db: Database | Tx, id: string, locale: string): Promise<void> {
  await db.update(user).set({ locale }).where(eq(user.id, id));
}

export async function countUsers(db: Database | Tx): Promise<number> {
  const rows = await db.select({ n: count() }).from(user);
  return rows[0]!.n;
}

/**
 * Creates an account with an e-mail + password credential in the caller's transaction
 * (first-start admin, demo data, CSV import). The hash comes from better-auth's hasher so
 * that better-auth can verify it at sign-in.
 */
export async function insertUserWithPassword(
  tx: Database | Tx,
  input: {
    id: string;
    name: string;
    email: string;
    role: string;
    locale?: string;
    passwordHash: string;
  },
): Promise<void> {
  const now = new Date();
  await tx.insert(user).values({
    id: input.id,
    name: input.name,
    email: input.email.toLowerCase(),
    emailVerified: false,
    role: input.role,
    locale: input.locale ?? "en",
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(account).values({
    id: `cred_${input.id}`,
    accountId: input.id,
    providerId: "credential",
    userId: input.id,
    password: input.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}
