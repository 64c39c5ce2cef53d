// Periodic jobs of one API instance. Each is safe to run on every instance at once (they
// write through the outbox's dedupe keys or row locks), so no leader election is needed.
import type { Database } from "@readers/db";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";
import { runActivityReminders } from "./activity-reminders.ts";
import { runExpiryReminders } from "./expiry-reminders.ts";
import { runKioskRequestPruning } from "./kiosk-requests.ts";
import { runLoanExpiry, runLoanReminders } from "./loans.ts";

/** Hourly is often enough for daily reminders and catches up soon after a restart. */
const EVERY_MS = 60 * 60 * 1000;
/** Activity reminders go out at most this late after "24 hours before". */
const ACTIVITY_REMINDERS_EVERY_MS = 10 * 60 * 1000;

export function createJobs(options: { db: Database; services: Services; logger: Logger }) {
  let timer: NodeJS.Timeout | undefined;
  let activityTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let activityRunning: Promise<void> | undefined;
  const activityTick = () => {
    activityRunning = (async () => {
      try {
        const queued = await runActivityReminders(options.db, options.services, new Date());
        if (queued > 0) {
          options.logger.info("activity reminders queued", { queued });
          options.services.notify();
        }
      } catch (error) {
        options.logger.error("job failed", { job: "activity-reminders", error: String(error) });
      }
    })();
  };
  const tick = () => {
    running = (async () => {
      try {
        const queued = await runExpiryReminders(options.db, options.services.timezone, new Date());
        if (queued > 0) {
          options.logger.info("membership expiry reminders queued", { queued });
          options.services.notify();
        }
      } catch (error) {
        options.logger.error("job failed", { job: "expiry-reminders", error: String(error) });
      }
      try {
        const now = new Date();
        const expired = await runLoanExpiry(options.db, options.services, now);
        const reminded = await runLoanReminders(options.db, options.services, now);
        if (expired + reminded > 0) {
          options.logger.info("loan sweep", { expired, reminded });
          options.services.notify();
        }
      } catch (error) {
        options.logger.error("job failed", { job: "loans", error: String(error) });
      }
      try {
        const pruned = await runKioskRequestPruning(options.db, new Date());
        if (pruned > 0) options.logger.info("kiosk requests pruned", { pruned });
      } catch (error) {
        options.logger.error("job failed", { job: "kiosk-requests", error: String(error) });
      }
    })();
  };
  return {
    start() {
      tick();
      timer = setInterval(tick, EVERY_MS);
      timer.unref();
      activityTick();
      activityTimer = setInterval(activityTick, ACTIVITY_REMINDERS_EVERY_MS);
      activityTimer.unref();
    },
    async stop() {
      clearInterval(timer);
      clearInterval(activityTimer);
      await running;
      await activityRunning;
    },
  };
}
