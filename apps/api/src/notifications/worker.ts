// Delivers the notification outbox: claims due rows (FOR UPDATE SKIP LOCKED, so several API
// instances share the work without sending twice), delivers in-app or by e-mail, and retries
// failures with exponential backoff until MAX_ATTEMPTS.
import {
  claimOutbox,
  type Database,
  deliverOutboxInAppBatch,
  markOutboxFailed,
  markOutboxSentBatch,
  type OutboxRow,
  releaseOutbox,
} from "@readers/db";
import type { Logger } from "../logger.ts";
import type { Mailer } from "./mailer.ts";
import { renderMail } from "./templates.ts";

/** After this many failed attempts a message is marked dead: 30 s doubling, then 6-hourly, about a day. */
export const MAX_ATTEMPTS = 13;
/** First retry after 30 s, doubling, capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
}
/**
 * A claimed batch is ours for this long. The mailer gives up on one message well before
 * (see mailer.ts timeouts), and rows whose lease is nearly over are handed back unsent.
 */
const LEASE_MS = 5 * 60 * 1000;
/** Keep this much of the lease in hand before starting a delivery. */
const LEASE_MARGIN_MS = 90 * 1000;
/**
 * Rows claimed at a time. A registration burst queues two messages per registration; larger
 * claims (and in-app rows delivered together) keep the worker's round trips from competing
 * with the requests, while e-mails still go one by one under the lease.
 */
const BATCH = 25;
/**
 * After a commit that queued messages, the worker starts this much later: the messages of a
 * burst (hundreds of registrations a second) are then claimed in fuller batches rather than
 * one by one, while a single message still arrives within a fraction of a second.
 */
const KICK_DELAY_MS = 200;
/** E-mails that went out are recorded together, but none waits much longer than this. */
const MARK_SENT_WITHIN_MS = 1000;
/** Between full batches the worker pauses, so requests arriving meanwhile go first. */
const PAUSE_BETWEEN_BATCHES_MS = 50;

/**
 * E-mails that went out, recorded as sent together: when the claim is done, or a second
 * after the first unrecorded one went out — even while the next is still being sent, so a
 * slow or hanging mail server cannot leave them unrecorded until their lease runs out. A
 * record that fails keeps its rows for the next try; what still fails at the end stays
 * `sending` and goes out again after the lease (at least once, never lost).
 */
function sentRecorder(
  markSent: (rows: OutboxRow[]) => Promise<void>,
  logger: Logger,
): { add(row: OutboxRow): void; close(): Promise<void> } {
  let pending: OutboxRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const rows = pending;
    pending = [];
    if (rows.length === 0) return chain;
    chain = chain
      .then(() => markSent(rows))
      .catch((error) => {
        pending = [...rows, ...pending];
        logger.warn("outbox: recording sent e-mails failed", {
          ids: rows.map((row) => row.id),
          error: String(error),
        });
      });
    return chain;
  };
  return {
    add(row) {
      pending.push(row);
      timer ??= setTimeout(() => void flush(), MARK_SENT_WITHIN_MS);
    },
    async close() {
      await flush();
      // One more try for a record that failed just now.
      if (pending.length > 0) await flush();
      clearTimeout(timer);
    },
  };
}

export interface OutboxWorkerOptions {
  db: Database;
  mailer: Mailer;
  logger: Logger;
  associationName: () => string;
  now?: () => Date;
  pollMs?: number;
}

export interface OutboxWorker {
  /** Delivers everything due now; resolves with how many rows it handled. */
  drain(): Promise<number>;
  /** Starts polling (and lets kick() wake it early). */
  start(): void;
  /** Asks for a run soon (after an enqueue in this process). */
  kick(): void;
  stop(): Promise<void>;
}

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  /** Whether start() was called: a worker used only through drain() (tests) never stops early. */
  let started = false;
  let dueAt = Number.POSITIVE_INFINITY;

  async function send(row: OutboxRow): Promise<void> {
    if (!row.toEmail) throw new Error("e-mail message without an address");
    const mail = renderMail(row.kind, row.locale, row.payload, options.associationName());
    // The same on every attempt, and unlike any other message: the row's id and creation
    // time (ids start again after a restore or on another installation; the time does not).
    const messageKey = `${row.id}-${row.createdAt.getTime().toString(36)}-${row.kind}`;
    await options.mailer.send({ to: row.toEmail, ...mail }, messageKey);
  }

  /** Records the e-mails of a claim that went out, in one statement. */
  async function markSent(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const marked = new Set(await markOutboxSentBatch(options.db, rows, now()));
    for (const row of rows) {
      if (!marked.has(row.id)) {
        options.logger.warn("outbox lease lost after sending", { id: row.id, kind: row.kind });
      }
    }
  }

  async function failed(row: OutboxRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt =
      row.attempts >= MAX_ATTEMPTS ? null : new Date(now().getTime() + backoffMs(row.attempts));
    await markOutboxFailed(options.db, row, message, retryAt);
    options.logger.warn("outbox delivery failed", {
      id: row.id,
      kind: row.kind,
      attempts: row.attempts,
      retryAt,
      error: message,
    });
  }

  async function drainOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      if (stopped && started) return handled;
      const claimed = await claimOutbox(options.db, {
        now: now(),
        limit: BATCH,
        leaseMs: LEASE_MS,
      });
      if (claimed.length === 0) return handled;
      if (handled > 0) await new Promise((r) => setTimeout(r, PAUSE_BETWEEN_BATCHES_MS));
      // In-app messages all at once (one transaction); e-mails one by one below.
      const inApp = claimed.filter((row) => row.channel === "in_app");
      if (inApp.length > 0) {
        try {
          await deliverOutboxInAppBatch(options.db, inApp, now());
        } catch (error) {
          // Nothing of the batch committed: each row retries later, as a failed e-mail does.
          for (const row of inApp) await failed(row, error);
        }
        handled += inApp.length;
      }
      // E-mails one by one; the ones that went out are recorded as sent together (one
      // statement instead of one each: a burst's e-mails otherwise cost a round trip each).
      // A crash before the record re-sends at most this claim's e-mails, with the same
      // Message-ID, when their lease runs out.
      const rows = claimed.filter((row) => row.channel !== "in_app");
      const recorder = sentRecorder(markSent, options.logger);
      try {
        for (const [index, row] of rows.entries()) {
          // On shutdown, or when the lease is nearly spent, hand the rest back untouched.
          const leaseLeft = (row.leaseUntil?.getTime() ?? 0) - now().getTime();
          if ((stopped && started) || leaseLeft < LEASE_MARGIN_MS) {
            await releaseOutbox(options.db, rows.slice(index));
            return handled;
          }
          let delivered = false;
          try {
            await send(row);
            delivered = true;
          } catch (error) {
            await failed(row, error);
          }
          if (delivered) {
            recorder.add(row);
            options.logger.debug("outbox delivered", {
              id: row.id,
              kind: row.kind,
              channel: row.channel,
            });
          }
          handled++;
        }
      } finally {
        await recorder.close();
      }
    }
  }

  function drain(): Promise<number> {
    // One drain at a time per process; a second caller joins the running one.
    running ??= drainOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    // Never postpone a run that is already due sooner (a stream of kicks must not starve it).
    const at = Date.now() + ms;
    if (timer && at >= dueAt) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(async () => {
      timer = undefined;
      dueAt = Number.POSITIVE_INFINITY;
      try {
        await drain();
      } catch (error) {
        options.logger.error("outbox worker error", { error: String(error) });
      }
      schedule(options.pollMs ?? 2000);
    }, ms);
    timer.unref();
  }

  return {
    drain,
    start() {
      stopped = false;
      started = true;
      schedule(0);
    },
    kick() {
      schedule(KICK_DELAY_MS);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      // The running batch stops after its current message and hands back the rest.
      await running?.catch(() => {});
    },
  };
}
