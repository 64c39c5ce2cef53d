// First start on an empty database: the association settings and one admin account, in one
// transaction, so a crash half-way leaves neither and several instances create them once.
import { randomBytes, randomUUID } from "node:crypto";
import {
  type Database,
  ensureAssociationSettings,
  getAssociationSettings,
  getOrCreateSecret,
  insertUserWithPassword,
} from "@readers/db";
import { hashPassword } from "better-auth/crypto";

export interface BootstrapResult {
  /** Set only on the very first start: show it once, it is not stored anywhere in clear. */
  admin?: { email: string; password: string };
}

export async function bootstrap(
  db: Database,
  options: { associationName: string; timezone: string; adminEmail: string },
): Promise<BootstrapResult> {
  // Every later start ends here, without paying for a password hash.
  if (await getAssociationSettings(db)) return {};
  const password = randomBytes(15).toString("base64url");
  // Hash before the transaction: scrypt takes ~100 ms and must not hold the row lock.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { created } = await ensureAssociationSettings(tx, {
      name: options.associationName,
      timezone: options.timezone,
    });
    if (!created) return {};
    await insertUserWithPassword(tx, {
      id: randomUUID(),
      name: "Administrator",
      email: options.adminEmail,
      role: "admin",
      passwordHash,
    });
    return { admin: { email: options.adminEmail, password } };
  });
}

/** The auth secret: from the environment, else generated once and kept in the database. */
export async function resolveAuthSecret(
  db: Database,
  fromEnv: string | undefined,
): Promise<string> {
  return (
    fromEnv ?? getOrCreateSecret(db, "auth_secret", () => randomBytes(48).toString("base64url"))
  );
}
