// Builds the API on a test database: the Hono app for HTTP-level tests, callers for router
// tests, and helpers to create people with roles and sign them in.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LiveBus, setUserRole } from "@readers/db";
import type { TestDatabase } from "@readers/db/testing";
import { afterAll } from "vitest";
import { createApp } from "../src/app.ts";
import { type Auth, createAuth } from "../src/auth.ts";
import { silentLogger } from "../src/logger.ts";
import { createMailer, type Mailer } from "../src/notifications/mailer.ts";
import { createOutboxWorker, type OutboxWorker } from "../src/notifications/worker.ts";
import { createServices, type Services } from "../src/services.ts";
import { type Actor, createContextInner, type Role } from "../src/trpc/context.ts";
import { appRouter } from "../src/trpc/router.ts";

export const PUBLIC_URL = "http://localhost:3999";
export const PASSWORD = "correct horse battery";

export interface Harness {
  h: TestDatabase;
  auth: Auth;
  app: ReturnType<typeof createApp>;
  services: Services;
  mailer: Mailer;
  worker: OutboxWorker;
  mailDir: string;
  caller(actor: Actor, now?: Date, ip?: string): ReturnType<typeof appRouter.createCaller>;
  /** Signs up through better-auth and sets the role; returns the user's actor. */
  person(name: string, role?: Role): Promise<Extract<Actor, { kind: "user" }>>;
  /** Signs in over HTTP and returns the session cookie. */
  signIn(email: string, password?: string): Promise<string>;
}

// One temporary folder per test file for the harnesses' .eml files, removed afterwards.
const mailRoot = mkdtempSync(join(tmpdir(), "readers-mail-"));
afterAll(() => rmSync(mailRoot, { recursive: true, force: true }));

export function buildHarness(
  h: TestDatabase,
  options: { signInPerMinute?: number; live?: LiveBus } = {},
): Harness {
  const mailDir = mkdtempSync(join(mailRoot, "h-"));
  const mailer = createMailer({ from: "Readers <test@readers.local>", dataDir: mailDir });
  const worker = createOutboxWorker({
    db: h.db,
    mailer,
    logger: silentLogger,
    associationName: () => "Test Readers",
  });
  const services: Services = createServices({
    name: "Test Readers",
    timezone: "Asia/Shanghai",
    publicUrl: PUBLIC_URL,
    cardKey: "test-card-key",
    notify: () => {},
  });
  const auth = createAuth({
    db: h.db,
    secret: "test-secret-test-secret-test-secret-0123456789",
    publicUrl: PUBLIC_URL,
    signInPerMinute: options.signInPerMinute ?? 1000,
  });
  const app = createApp({ handle: h, auth, services, logger: silentLogger, live: options.live });
  return {
    h,
    auth,
    app,
    services,
    mailer,
    worker,
    mailDir: join(mailDir, "mail"),
    caller: (actor, now, ip) =>
      appRouter.createCaller(createContextInner({ db: h.db, actor, services, now, ip })),
    async person(name, role = "member") {
      const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`;
      const res = await auth.api.signUpEmail({ body: { name, email, password: PASSWORD } });
      if (role !== "member") await setUserRole(h.db, res.user.id, role);
      return {
        kind: "user",
        userId: res.user.id,
        role,
        email,
        name,
        locale: "en",
        emailVerified: false,
      };
    },
    async signIn(email, password = PASSWORD) {
      const res = await app.request("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: PUBLIC_URL },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return cookieOf(res);
    },
  };
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
export type Json = any;

/** A response body as loosely-typed JSON. */
export async function json(res: Response): Promise<Json> {
  return res.json();
}

/** GET a tRPC query over HTTP the way a non-TypeScript client would. */
export async function trpcGet(
  app: Harness["app"],
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await app.request(`/trpc/${path}${qs}`, { headers });
  return { status: res.status, body: await res.json() };
}

/** POST a tRPC mutation with a plain JSON body. */
export async function trpcPost(
  app: Harness["app"],
  path: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const res = await app.request(`/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: PUBLIC_URL, ...headers },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
}
