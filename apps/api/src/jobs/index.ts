// Periodic jobs of one API instance. Each is safe to run on every instance at once (they
// write through the outbox's dedupe keys or row locks), so no leader election is needed.
import type { Database } from "@readers/db";
import type { Logger } from "../logger.ts";
import type { Services } from "../services.ts";
import { runExpiryReminders } from "./expiry-reminders.ts";

/** Hourly is often enough for daily reminders and catches up soon after a restart. */
const EVERY_MS = 60 * 60 * 1000;

export function createJobs(options: { db: Database; services: Services; logger: Logger }) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
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
    })();
  };
  return {
    start() {
      tick();
      timer = setInterval(tick, EVERY_MS);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
