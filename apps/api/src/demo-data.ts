// Demo data: a realistic association (locations, officers and members, some with Chinese
// names, and their welcome notifications, a dozen activities with registrations, and
// shared books with loans), created once on an empty database.
import { randomUUID } from "node:crypto";
import {
  type DbHandle,
  enqueueOutbox,
  findUserByEmail,
  getAssociationSettings,
  insertLocations,
  insertMember,
  insertMembership,
  insertUserWithPassword,
  nextMemberNumber,
  saveTier,
} from "@readers/db";
import { addDays, dateInZone, splitDisplayName } from "@readers/domain";
import { hashPassword } from "better-auth/crypto";
import { seedDemoActivities } from "./activities/demo.ts";
import { seedDemoBooks } from "./books/demo.ts";

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

/** The association's tiers: a paid standard year, a student year ending with the academic year, a free friend tier. */
const DEMO_TIERS = [
  {
    id: "standard",
    name: "Standard",
    term: { kind: "rolling" as const, months: 12 },
    feeCents: 5000,
    requiresApproval: false,
  },
  {
    id: "student",
    name: "Student",
    term: { kind: "fixed" as const, endMonth: 8, endDay: 31 },
    feeCents: 2000,
    requiresApproval: true,
  },
  {
    id: "friend",
    name: "Friend of the library",
    term: { kind: "rolling" as const, months: 12 },
    feeCents: 0,
    requiresApproval: false,
  },
];

/**
 * Each demo member's situation, by days relative to today: active members, one in grace,
 * one expired, one waiting for approval, so every screen has something to show.
 */
const SITUATIONS: { tier: string; start?: number; end?: number; pending?: boolean }[] = [
  { tier: "standard", start: -200, end: 164 },
  { tier: "student", start: -60, end: 120 },
  { tier: "friend", start: -10, end: 354 },
  { tier: "standard", start: -340, end: 24 }, // expiry reminder due soon
  { tier: "standard", start: -380, end: -15 }, // grace
  { tier: "friend", start: -800, end: -435 }, // expired
  { tier: "student", pending: true }, // waiting for approval
  { tier: "standard", start: -30, end: 334 },
  { tier: "friend", start: -5, end: 359 },
];

export async function seedDemo(handle: DbHandle, now = new Date()): Promise<boolean> {
  const db = handle.db;
  if (await findUserByEmail(db, DEMO_PEOPLE[0]!.email)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await insertLocations(tx, [
      { id: "central", name: "Central Library", address: "1 Library Square" },
      { id: "campus", name: "Campus Reading Room", address: "Building C, 2nd floor" },
    ]);
    for (const tier of DEMO_TIERS) {
      await saveTier(
        tx,
        { ...tier, graceDays: 30, loanLimit: 3, loanDays: 21, maxRenewals: 1, holdLimit: 3 },
        now,
      );
    }
    const timezone = (await getAssociationSettings(tx))?.timezone ?? "UTC";
    const today = dateInZone(now, timezone);
    let situation = 0;
    const memberIds: string[] = [];
    let organizerId = "";
    for (const p of DEMO_PEOPLE) {
      const id = randomUUID();
      if (p.role === "organizer" && !organizerId) organizerId = id;
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
      // Members (everyone but the officers) hold a membership in one of the situations.
      if (p.role !== "member") continue;
      const s = SITUATIONS[situation++ % SITUATIONS.length]!;
      const { firstName, lastName } = splitDisplayName(p.name);
      const memberId = randomUUID();
      memberIds.push(memberId);
      await insertMember(tx, {
        id: memberId,
        userId: id,
        email: p.email,
        memberNumber: await nextMemberNumber(tx),
        firstName,
        lastName,
        directoryConsent: situation % 2 === 0,
        createdAt: now,
        updatedAt: now,
      });
      const tier = DEMO_TIERS.find((t) => t.id === s.tier)!;
      await insertMembership(tx, {
        id: randomUUID(),
        memberId,
        tierId: tier.id,
        appliedAt: now,
        approvedAt: s.pending ? null : now,
        paidAt: s.pending ? null : now,
        startDate: s.start === undefined ? null : addDays(today, s.start),
        endDate: s.end === undefined ? null : addDays(today, s.end),
      });
    }
    await seedDemoActivities(tx, { now, timezone, memberIds, organizerId });
    await seedDemoBooks(tx, { now, timezone, memberIds });
  });
  return true;
}
