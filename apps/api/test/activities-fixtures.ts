// Shared set-up for the activities, registrations and feeds suites: locations, a tier,
// members in a given membership situation (inserted directly: fast enough for 60 at once),
// and activity inputs with sensible defaults.
import { randomUUID } from "node:crypto";
import {
  type Database,
  insertLocations,
  insertMember,
  insertMembership,
  insertUserWithPassword,
  nextMemberNumber,
  saveTier,
  setUserRole,
} from "@readers/db";
import { addDays, dateInZone } from "@readers/domain";
import type { Actor } from "../src/trpc/context.ts";
import type { Harness } from "./harness.ts";

export type User = Extract<Actor, { kind: "user" }>;

export const NOW = new Date("2026-03-10T01:00:00Z"); // 09:00 in Shanghai
export const HOUR = 3_600_000;
export const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);
export const TZ = "Asia/Shanghai";
export const anonymous: Actor = { kind: "anonymous" };

export async function seedPlaces(db: Database): Promise<void> {
  await insertLocations(db, [
    { id: "central", name: "Central Library", address: "1 Library Square" },
    { id: "campus", name: "Campus Reading Room", address: "Building C" },
  ]);
  await saveTier(
    db,
    {
      id: "friend",
      name: "Friend",
      term: { kind: "rolling", months: 12 },
      feeCents: 0,
      graceDays: 30,
      loanLimit: 3,
      loanDays: 21,
      maxRenewals: 1,
      holdLimit: 3,
      requiresApproval: false,
    },
    NOW,
  );
}

export type Situation = "active" | "expired" | "suspended" | "none";

/** A signed-up person with a member record in `situation` (no HTTP, no password hashing). */
export async function makeMember(
  db: Database,
  name: string,
  situation: Situation = "active",
  role: User["role"] = "member",
): Promise<User & { memberId: string }> {
  const userId = randomUUID();
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${userId.slice(0, 6)}@example.org`;
  await insertUserWithPassword(db, { id: userId, name, email, role, passwordHash: "unused" });
  if (role !== "member") await setUserRole(db, userId, role);
  const [firstName = name, lastName = ""] = name.split(" ");
  const memberId = randomUUID();
  await insertMember(db, {
    id: memberId,
    userId,
    email,
    memberNumber: await nextMemberNumber(db),
    firstName,
    lastName,
    createdAt: NOW,
    updatedAt: NOW,
  });
  const today = dateInZone(NOW, TZ);
  if (situation !== "none") {
    const expired = situation === "expired";
    await insertMembership(db, {
      id: randomUUID(),
      memberId,
      tierId: "friend",
      appliedAt: NOW,
      approvedAt: NOW,
      paidAt: NOW,
      startDate: addDays(today, expired ? -500 : -10),
      endDate: addDays(today, expired ? -135 : 355),
      suspendedAt: situation === "suspended" ? NOW : null,
      suspensionReason: situation === "suspended" ? "test" : null,
    });
  }
  return {
    kind: "user",
    userId,
    role,
    email,
    name,
    locale: "en",
    emailVerified: true,
    memberId,
  };
}

/** An activity create input: a lecture at Central in 3 days, 90 minutes, 10 seats. */
export function activityInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "lecture" as const,
    title: "On reading slowly",
    summary: "An evening on slow reading.",
    description: "Bring a book you love.",
    startsAt: at(72).toISOString(),
    endsAt: at(73.5).toISOString(),
    locationId: "central",
    capacity: 10,
    ...overrides,
  };
}

/** Creates and publishes an activity as `organizer`; returns its id. */
export async function publishedActivity(
  t: Harness,
  organizer: User,
  overrides: Record<string, unknown> = {},
  now = NOW,
): Promise<string> {
  const caller = t.caller(organizer, now).activities;
  const created = await caller.create(activityInput(overrides) as never);
  await caller.publish({ id: created.id });
  return created.id;
}
