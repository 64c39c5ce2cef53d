// Demo data: a realistic association (locations, officers and members, some with Chinese
// names, and their welcome notifications), created once on an empty database.
import { randomUUID } from "node:crypto";
import {
  type DbHandle,
  enqueueOutbox,
  findUserByEmail,
  insertLocations,
  insertUserWithPassword,
} from "@readers/db";
import { hashPassword } from "better-auth/crypto";

/** Every demo account shares this password (demo data only). */
export const DEMO_PASSWORD = "readers-demo-2026";

export const DEMO_PEOPLE: {
  name: string;
  email: string;
  role: "member" | "organizer" | "admin";
  locale?: string;
}[] = [
  { name: "Grace Liu", email: "grace@demo.readers.local", role: "admin" },
  { name: "Omar Haddad", email: "omar@demo.readers.local", role: "organizer" },
  { name: "王芳", email: "wangfang@demo.readers.local", role: "organizer", locale: "zh-CN" },
  { name: "Ingrid Svensson", email: "ingrid@demo.readers.local", role: "member" },
  { name: "李明", email: "liming@demo.readers.local", role: "member", locale: "zh-CN" },
  { name: "Kwame Mensah", email: "kwame@demo.readers.local", role: "member" },
  { name: "陈静", email: "chenjing@demo.readers.local", role: "member", locale: "zh-CN" },
  { name: "Lucía Fernández", email: "lucia@demo.readers.local", role: "member" },
  { name: "张伟", email: "zhangwei@demo.readers.local", role: "member", locale: "zh-CN" },
  { name: "Sam O'Connor", email: "sam@demo.readers.local", role: "member" },
  { name: "Priya Natarajan", email: "priya@demo.readers.local", role: "member" },
  { name: "赵丽", email: "zhaoli@demo.readers.local", role: "member", locale: "zh-CN" },
];

export async function seedDemo(handle: DbHandle): Promise<boolean> {
  const db = handle.db;
  if (await findUserByEmail(db, DEMO_PEOPLE[0]!.email)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await insertLocations(tx, [
      { id: "central", name: "Central Library", address: "1 Library Square" },
      { id: "campus", name: "Campus Reading Room", address: "Building C, 2nd floor" },
    ]);
    for (const p of DEMO_PEOPLE) {
      const id = randomUUID();
      await insertUserWithPassword(tx, {
        id,
        name: p.name,
        email: p.email,
        role: p.role,
        locale: p.locale,
        passwordHash,
      });
      await enqueueOutbox(tx, {
        kind: "welcome",
        channel: "in_app",
        userId: id,
        locale: p.locale ?? "en",
        payload: { name: p.name },
      });
    }
  });
  return true;
}
