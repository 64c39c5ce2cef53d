// Wires the platform together from a validated environment: database, first-start setup,
// auth, outbox worker, HTTP server, graceful shutdown.
import { randomBytes } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import {
  createDb,
  createLiveBus,
  type DbHandle,
  getAssociationSettings,
  getOrCreateSecret,
} from "@readers/db";
import { createApp } from "./app.ts";
import { createAuth } from "./auth.ts";
import { isbnLookupFromSetting } from "./books/isbn-lookup.ts";
import { type BootstrapResult, bootstrap, resolveAuthSecret } from "./bootstrap.ts";
import type { Env } from "./env.ts";
import { createJobs } from "./jobs/index.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer } from "./notifications/mailer.ts";
import { createOutboxWorker } from "./notifications/worker.ts";
import { bookSharingSettingsOf, createServices, type Services } from "./services.ts";

/** How stale another instance's view of the association settings may get. */
const SETTINGS_REFRESH_MS = 30_000;

const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  /** Where the server listens (tests connect here). */
  url: string;
  /** Where people reach it (PUBLIC_URL). */
  publicUrl: string;
  handle: DbHandle;
  firstStart: BootstrapResult;
  close(): Promise<void>;
}

/** Opens the database and serves. `beforeServe` runs on the open database (demo seeding). */
export async function startServer(
  env: Env,
  options: {
    logger?: Logger;
    beforeServe?: (handle: DbHandle) => Promise<void>;
    /** Called once, on the very first start, with the generated admin credentials. */
    onFirstStart?: (admin: { email: string; password: string }) => void;
  } = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const handle = env.DATABASE_URL
    ? await createDb({ databaseUrl: env.DATABASE_URL })
    : await createDb({ dataDir: env.DATA_DIR });
  try {
    const firstStart = await bootstrap(handle.db, {
      associationName: env.ASSOCIATION_NAME,
      timezone: env.ASSOCIATION_TIMEZONE,
      adminEmail: env.ADMIN_EMAIL,
    });
    // Shown at once: if anything below fails, the only copy of the password is not lost.
    if (firstStart.admin) options.onFirstStart?.(firstStart.admin);
    await options.beforeServe?.(handle);
    const settings = await getAssociationSettings(handle.db);
    const mailer = createMailer({
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      dataDir: resolve(env.DATA_DIR),
    });
    // The worker reads the name through services, so a renamed association mails as such.
    let services: Services | undefined;
    const worker = createOutboxWorker({
      db: handle.db,
      mailer,
      logger,
      associationName: () => services?.associationName() ?? env.ASSOCIATION_NAME,
    });
    services = createServices({
      name: settings?.name ?? env.ASSOCIATION_NAME,
      timezone: settings?.timezone ?? env.ASSOCIATION_TIMEZONE,
      publicUrl: env.PUBLIC_URL,
      cardKey: await getOrCreateSecret(handle.db, "card_hmac_key", () =>
        randomBytes(32).toString("hex"),
      ),
      notify: () => worker.kick(),
      isbnLookup: isbnLookupFromSetting(env.ISBN_LOOKUP),
      bookSharing: bookSharingSettingsOf(settings?.rules),
    });
    // Admins change the settings on one instance; every instance re-reads them.
    const settingsTimer = setInterval(async () => {
      const fresh = await getAssociationSettings(handle.db).catch(() => null);
      if (fresh) {
        services?.settingsChanged({
          name: fresh.name,
          timezone: fresh.timezone,
          bookSharing: bookSharingSettingsOf(fresh.rules),
        });
      }
    }, SETTINGS_REFRESH_MS);
    settingsTimer.unref();
    const jobs = createJobs({ db: handle.db, services, logger });
    const auth = createAuth({
      db: handle.db,
      secret: await resolveAuthSecret(handle.db, env.AUTH_SECRET),
      publicUrl: env.PUBLIC_URL,
      logger,
      onOutboxQueued: () => worker.kick(),
      signInPerMinute: env.AUTH_ATTEMPTS_PER_MINUTE,
    });
    const live = await createLiveBus(handle, {
      onError: (error) => logger.warn("live bus", { error: String(error) }),
    });
    const app = createApp({
      handle,
      auth,
      services,
      logger,
      live,
      trustProxy: env.TRUST_PROXY,
      spas: [
        { prefix: "/kiosk", dir: resolve(appsDir, "kiosk/dist") },
        { prefix: "", dir: resolve(appsDir, "portal/dist") },
      ],
    });

    const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
      const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () =>
        resolveServer(s),
      );
      s.once("error", reject);
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : env.PORT;
    const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
    worker.start();
    jobs.start();

    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // Long-lived connections (keep-alive, live updates) get 10 s, then are cut.
        const force = setTimeout(() => (server as HttpServer).closeAllConnections(), 10_000);
        force.unref();
        // Ends the live event streams, which would otherwise hold the server open.
        const closingBus = live.close();
        await new Promise<void>((r) => server.close(() => r()));
        await closingBus;
        clearTimeout(force);
        clearInterval(settingsTimer);
        await jobs.stop();
        await worker.stop();
        mailer.close();
        await handle.close();
      })());
    return { url: `http://${host}:${port}`, publicUrl: env.PUBLIC_URL, handle, firstStart, close };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
