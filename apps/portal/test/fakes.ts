// Stand-ins for the network modules (lib/trpc.ts, lib/auth.ts), for vi.mock in component
// tests, and sample data shaped like the API's answers.
import { privilegesFor } from "@readers/domain";
import { type Mock, vi } from "vitest";
import type { MembershipView } from "../src/lib/membership.ts";
import type { Account, MemberRecord } from "../src/session.tsx";

const query = () => ({ query: vi.fn() });
const mutation = () => ({ mutate: vi.fn() });

export const trpc = {
  me: {
    get: query(),
    setLocale: mutation(),
    updateProfile: mutation(),
    exportData: query(),
    deleteAccount: mutation(),
  },
  notifications: {
    list: query(),
    unreadCount: query(),
    markRead: mutation(),
  },
  memberships: {
    tiers: query(),
    saveTier: mutation(),
    archiveTier: mutation(),
    apply: mutation(),
    renew: mutation(),
    leave: mutation(),
    card: query(),
    reportLostCard: mutation(),
    list: query(),
    get: query(),
    approve: mutation(),
    recordPayment: mutation(),
    suspend: mutation(),
    reinstate: mutation(),
    import: mutation(),
    export: query(),
  },
  admin: {
    users: query(),
    setRole: mutation(),
    settings: query(),
    updateSettings: mutation(),
    auditLog: query(),
  },
};

export const auth = {
  signUp: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  requestPasswordReset: vi.fn(),
  resetPassword: vi.fn(),
};

export const association = { name: "Riverside Readers", timezone: "Asia/Shanghai" };

export const member: Account = {
  id: "u1",
  name: "Lin Mei",
  email: "lin@example.org",
  role: "member",
  locale: "en",
};

export const standardTier = {
  id: "t1",
  name: "Standard",
  term: { kind: "rolling" as const, months: 12 },
  feeCents: 5000,
  graceDays: 30,
  loanLimit: 3,
  loanDays: 21,
  maxRenewals: 1,
  holdLimit: 3,
  requiresApproval: true,
  archived: false,
};

export const studentTier = {
  ...standardTier,
  id: "t2",
  name: "Student",
  term: { kind: "fixed" as const, endMonth: 8, endDay: 31 },
  feeCents: 0,
  requiresApproval: false,
};

export function membershipView(overrides: Partial<MembershipView> = {}): MembershipView {
  return {
    id: "m1",
    tierId: "t1",
    tierName: "Standard",
    feeCents: 5000,
    requiresApproval: true,
    status: "active",
    startDate: "2025-01-10",
    endDate: "2026-01-09",
    appliedAt: "2025-01-09T02:00:00.000Z",
    approvedAt: "2025-01-10T02:00:00.000Z",
    paidAt: "2025-01-10T02:00:00.000Z",
    suspensionReason: null,
    renewalOpensOn: null,
    canRenew: true,
    privileges: privilegesFor(overrides.status ?? "active"),
    ...overrides,
  } as MembershipView;
}

export function memberRecord(membership: MembershipView | null = membershipView()): MemberRecord {
  return {
    id: "mem1",
    memberNumber: "12345674",
    memberNumberFormatted: "1234 5674",
    firstName: "Mei",
    lastName: "Lin",
    email: "lin@example.org",
    phone: null,
    directoryConsent: false,
    cardVersion: 1,
    userId: "u1",
    joinedAt: "2025-01-09T02:00:00.000Z",
    membership,
  } as MemberRecord;
}

/** Every call answers as an anonymous visitor with nothing unread, until a test says otherwise. */
export function resetFakes(): void {
  for (const group of Object.values(trpc)) {
    for (const procedure of Object.values(group)) {
      for (const fn of Object.values(procedure) as Mock[]) fn.mockReset();
    }
  }
  for (const fn of Object.values(auth)) fn.mockReset();
  trpc.me.get.query.mockResolvedValue({
    account: null,
    member: null,
    privileges: [],
    association,
  });
  trpc.me.setLocale.mutate.mockResolvedValue({ ok: true });
  trpc.notifications.unreadCount.query.mockResolvedValue({ count: 0 });
  trpc.notifications.list.query.mockResolvedValue({ items: [], nextBefore: null });
  trpc.notifications.markRead.mutate.mockResolvedValue({ updated: 0 });
  trpc.memberships.tiers.query.mockResolvedValue([standardTier, studentTier]);
  for (const fn of Object.values(auth)) fn.mockResolvedValue({ ok: true });
}

export interface SignedInOptions {
  member?: MemberRecord | null;
  privileges?: string[];
}

export function signedIn(account: Account = member, unread = 0, options: SignedInOptions = {}) {
  trpc.me.get.query.mockResolvedValue({
    account,
    member: options.member ?? null,
    privileges: options.privileges ?? [],
    association,
  });
  trpc.notifications.unreadCount.query.mockResolvedValue({ count: unread });
}

/** Privileges of an organizer and an admin, as me.get lists them (enough for the nav). */
export const ORGANIZER_PRIVILEGES = ["memberships.list", "memberships.get", "memberships.approve"];
export const ADMIN_PRIVILEGES = [
  ...ORGANIZER_PRIVILEGES,
  "memberships.saveTier",
  "admin.setRole",
  "admin.auditLog",
  "admin.settings",
];

/** A tRPC client error as the client library shapes it: the server's error data on `.data`. */
export function trpcError(
  code: string,
  domainCode: string | null = null,
  details?: Record<string, unknown>,
): Error {
  return Object.assign(new Error(code), { data: { code, domainCode, details } });
}
