// Stand-ins for the network modules (lib/trpc.ts, lib/auth.ts), for vi.mock in component
// tests, and sample data shaped like the API's answers.
import { privilegesFor } from "@readers/domain";
import { type Mock, vi } from "vitest";
import type { ActivityDetail, ActivityListItem, RegistrationView } from "../src/lib/activities.ts";
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
  activities: {
    previewDescription: query(),
    list: query(),
    get: query(),
    create: mutation(),
    update: mutation(),
    publish: mutation(),
    cancel: mutation(),
    createSeries: mutation(),
    updateSeries: mutation(),
    registrations: query(),
    rosterCsv: query(),
    attendance: query(),
    checkIn: mutation(),
    undoCheckIn: mutation(),
    moveFromWaitlist: mutation(),
  },
  books: {
    lookupIsbn: query(),
    addCopy: mutation(),
    updateCopy: mutation(),
    withdrawCopy: mutation(),
    search: query(),
    get: query(),
    myCopies: query(),
    label: query(),
  },
  loans: {
    request: mutation(),
    accept: mutation(),
    decline: mutation(),
    cancel: mutation(),
    handOver: mutation(),
    renew: mutation(),
    return: mutation(),
    reportLost: mutation(),
    joinQueue: mutation(),
    leaveQueue: mutation(),
    mine: query(),
    get: query(),
  },
  registrations: {
    register: mutation(),
    cancel: mutation(),
    mine: query(),
    manage: query(),
    registerSeries: mutation(),
    feedToken: query(),
    regenerateFeedToken: mutation(),
  },
  locations: {
    list: query(),
    save: mutation(),
  },
  kiosk: {
    pair: mutation(),
    devices: query(),
    revoke: mutation(),
    staffPin: query(),
    setStaffPin: mutation(),
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
  sendVerificationEmail: vi.fn(),
  changeEmail: vi.fn(),
};

export const association = { name: "Riverside Readers", timezone: "Asia/Shanghai" };

export const member: Account = {
  id: "u1",
  name: "Lin Mei",
  email: "lin@example.org",
  role: "member",
  locale: "en",
  emailVerified: true,
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
  trpc.locations.list.query.mockResolvedValue([venue]);
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
export const ORGANIZER_PRIVILEGES = [
  "memberships.list",
  "memberships.get",
  "memberships.approve",
  "activities.create",
  "activities.update",
  "activities.publish",
  "activities.cancel",
  "activities.createSeries",
  "activities.updateSeries",
  "activities.registrations",
  "activities.rosterCsv",
  "activities.attendance",
  "activities.checkIn",
  "activities.undoCheckIn",
  "activities.moveFromWaitlist",
];
export const ADMIN_PRIVILEGES = [
  ...ORGANIZER_PRIVILEGES,
  "memberships.saveTier",
  "admin.setRole",
  "admin.auditLog",
  "admin.settings",
  "locations.save",
  "kiosk.pair",
  "kiosk.devices",
  "kiosk.revoke",
];

/** A tRPC client error as the client library shapes it: the server's error data on `.data`. */
export function trpcError(
  code: string,
  domainCode: string | null = null,
  details?: Record<string, unknown>,
): Error {
  return Object.assign(new Error(code), { data: { code, domainCode, details } });
}

const HOUR_MS = 60 * 60 * 1000;

/** An instant `hours` from now, as the API sends it. */
export const hoursFromNow = (hours: number): string =>
  new Date(Date.now() + hours * HOUR_MS).toISOString();

export const venue = { id: "loc1", name: "Main library, hall A", address: "1 River Road" };

/** An activity as activities.list shows it: a public lecture in two days, 10 of 30 seats taken. */
export function activityItem(overrides: Partial<ActivityListItem> = {}): ActivityListItem {
  const startsAt = overrides.startsAt ?? hoursFromNow(48);
  const endsAt = overrides.endsAt ?? new Date(Date.parse(startsAt) + 2 * HOUR_MS).toISOString();
  return {
    id: "a1",
    seriesId: null,
    series: null,
    kind: "lecture",
    title: "Reading the classics",
    summary: "An evening on old books.",
    startsAt,
    endsAt,
    locationId: venue.id,
    location: venue,
    capacity: 30,
    audience: "public",
    registration: "required",
    opensAt: null,
    closesAt: null,
    maxPartySize: 1,
    cancellationCutoffMinutes: 120,
    checkInOpensMinutesBefore: 60,
    noShowAfterMinutes: 15,
    waitlistEnabled: true,
    featuredBooks: [],
    partnerNames: [],
    featuredBookIds: [],
    partnerIds: [],
    status: "published",
    phase: "upcoming",
    registrationState: "open",
    registrationClosesAt: startsAt,
    cancellationCutoffAt: new Date(Date.parse(startsAt) - 2 * HOUR_MS).toISOString(),
    checkInOpensAt: new Date(Date.parse(startsAt) - HOUR_MS).toISOString(),
    publishedAt: hoursFromNow(-24),
    cancelledAt: null,
    cancellationReason: null,
    confirmedSeats: 10,
    seatsLeft: 20,
    waitlistCount: 0,
    waitlistSeats: 0,
    url: "http://localhost/activities/a1",
    shareUrl: "http://localhost/a/a1",
    icsUrl: "http://localhost/feeds/activities/a1.ics",
    ...overrides,
  } as ActivityListItem;
}

/** activities.get's answer: the item plus its description, and nothing of the reader's. */
export function activityDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...activityItem(overrides),
    description: "Bring **your** favourite.",
    descriptionHtml: "<p>Bring <strong>your</strong> favourite.</p>",
    createdAt: hoursFromNow(-48),
    updatedAt: hoursFromNow(-24),
    myRegistration: null,
    myStanding: null,
    ...overrides,
  } as ActivityDetail;
}

export function registration(overrides: Partial<RegistrationView> = {}): RegistrationView {
  return {
    id: "r1",
    activityId: "a1",
    kind: "member",
    status: "confirmed",
    partySize: 1,
    createdAt: hoursFromNow(-1),
    promotedAt: null,
    cancelledAt: null,
    lateCancellation: false,
    checkedInAt: null,
    checkedInSeats: null,
    waitlistPosition: null,
    attendance: "expected",
    cancellation: { allowed: true, late: false, refusal: null },
    ...overrides,
  } as RegistrationView;
}

/** A member's standing as activities.get reports it. */
export const activeStanding = { membershipStatus: "active" as const, noShowPenaltyUntil: null };
