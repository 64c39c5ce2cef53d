// Stand-ins for the network modules (lib/trpc.ts, lib/auth.ts), for vi.mock in component tests.
import { vi } from "vitest";
import type { Account } from "../src/session.tsx";

export const trpc = {
  me: {
    get: { query: vi.fn() },
    setLocale: { mutate: vi.fn() },
  },
  notifications: {
    list: { query: vi.fn() },
    unreadCount: { query: vi.fn() },
    markRead: { mutate: vi.fn() },
  },
};

export const auth = {
  signUp: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  requestPasswordReset: vi.fn(),
  resetPassword: vi.fn(),
};

export const member: Account = {
  id: "u1",
  name: "Lin Mei",
  email: "lin@example.org",
  role: "member",
  locale: "en",
};

/** Every call answers as an anonymous visitor with nothing unread, until a test says otherwise. */
export function resetFakes(): void {
  for (const group of [trpc.me, trpc.notifications]) {
    for (const procedure of Object.values(group)) {
      for (const fn of Object.values(procedure)) fn.mockReset();
    }
  }
  for (const fn of Object.values(auth)) fn.mockReset();
  trpc.me.get.query.mockResolvedValue({ account: null, member: null, privileges: [] });
  trpc.me.setLocale.mutate.mockResolvedValue({ ok: true });
  trpc.notifications.unreadCount.query.mockResolvedValue({ count: 0 });
  trpc.notifications.list.query.mockResolvedValue({ items: [], nextBefore: null });
  trpc.notifications.markRead.mutate.mockResolvedValue({ updated: 0 });
  for (const fn of Object.values(auth)) fn.mockResolvedValue({ ok: true });
}

export function signedIn(account: Account = member, unread = 0): void {
  trpc.me.get.query.mockResolvedValue({ account, member: null, privileges: [] });
  trpc.notifications.unreadCount.query.mockResolvedValue({ count: unread });
}

/** A tRPC client error as the client library shapes it: the server's error data on `.data`. */
export function trpcError(code: string, domainCode: string | null = null): Error {
  return Object.assign(new Error(code), { data: { code, domainCode } });
}
