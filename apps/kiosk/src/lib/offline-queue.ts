// Check-ins taken while the server could not be reached, kept in IndexedDB until they are
// sent, and the ones the server then refused, kept for staff. Each item carries the
// clientId and occurredAt it was taken with, so a re-send is a no-op on the server and the
// server judges it as of the moment the attendee stood at the kiosk.
import { clear, createStore, del, entries, set, type UseStore } from "idb-keyval";
import type { CheckInAnswer, CheckInRequest, KioskApi, WalkInRequest } from "./api.ts";
import { classifyFailure } from "./errors.ts";
import type { CredentialKind } from "./mask.ts";

interface QueuedBase {
  clientId: string;
  /** When the attendee checked in, ISO; also the queue's order. */
  occurredAt: string;
  activityTitle: string;
  credentialKind: CredentialKind;
  /** Shown to staff instead of the credential ("••••5674", "Ada L."). */
  maskedCredential: string;
}

export type QueuedItem =
  | (QueuedBase & { kind: "checkIn"; request: CheckInRequest })
  | (QueuedBase & { kind: "walkIn"; request: WalkInRequest });

/** A queued item the server refused once it could be sent. */
export type StaffItem = QueuedItem & {
  refusedAt: string;
  /** Domain code, or "REJECTED" for input the server would not take. */
  code: string;
  details: Record<string, unknown>;
};

export interface SyncReport {
  synced: number;
  refused: number;
  /** Items still waiting (the network dropped again, or the server failed). */
  remaining: number;
  /** The server no longer knows this device: stop and pair again. */
  revoked: boolean;
}

export interface OfflineQueueOptions {
  /** Injected in tests (fake-indexeddb gives a fresh database per test). */
  queueStore?: UseStore;
  staffStore?: UseStore;
  now?: () => Date;
}

/** Queue keys sort like the check-ins happened: ISO instants compare as strings. */
const queueKey = (item: QueuedItem) => `${item.occurredAt}|${item.clientId}`;
const staffKey = (item: StaffItem) => `${item.refusedAt}|${item.clientId}`;

export class OfflineQueue {
  readonly #queue: UseStore;
  readonly #staff: UseStore;
  readonly #now: () => Date;
  readonly #listeners = new Set<() => void>();
  #syncing: Promise<SyncReport> | undefined;

  constructor(options: OfflineQueueOptions = {}) {
    // One database per store: idb-keyval opens each database with a single object store.
    this.#queue = options.queueStore ?? createStore("readers-kiosk-queue", "checkins");
    this.#staff = options.staffStore ?? createStore("readers-kiosk-staff", "refusals");
    this.#now = options.now ?? (() => new Date());
  }

  /** Called after every change, so screens can re-read counts and lists. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }

  async add(item: QueuedItem): Promise<void> {
    await set(queueKey(item), item, this.#queue);
    this.#changed();
  }

  async pending(): Promise<QueuedItem[]> {
    return (await entries<string, QueuedItem>(this.#queue))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }

  async needsStaff(): Promise<StaffItem[]> {
    return (await entries<string, StaffItem>(this.#staff))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }

  async dismiss(item: StaffItem): Promise<void> {
    await del(staffKey(item), this.#staff);
    this.#changed();
  }

  /** Forgets everything (the kiosk was unpaired: its check-ins can no longer be sent). */
  async clearAll(): Promise<void> {
    await Promise.all([clear(this.#queue), clear(this.#staff)]);
    this.#changed();
  }

  /**
   * Sends the queue in order, one at a time. Stops at the first network or server failure
   * (the rest waits for the next attempt, order kept); a refusal moves the item to the
   * staff list and goes on. Only one sync runs at a time; a second call joins it.
   */
  sync(api: KioskApi, onSent?: (answer: CheckInAnswer, item: QueuedItem) => void) {
    this.#syncing ??= this.#run(api, onSent).finally(() => {
      this.#syncing = undefined;
    });
    return this.#syncing;
  }

  async #run(
    api: KioskApi,
    onSent?: (answer: CheckInAnswer, item: QueuedItem) => void,
  ): Promise<SyncReport> {
    const report: SyncReport = { synced: 0, refused: 0, remaining: 0, revoked: false };
    const items = await this.pending();
    for (const [index, item] of items.entries()) {
      try {
        const answer =
          item.kind === "checkIn"
            ? await api.checkIn(item.request)
            : await api.walkIn(item.request);
        await del(queueKey(item), this.#queue);
        report.synced++;
        onSent?.(answer, item);
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind === "refused" || failure.kind === "rejected") {
          const refused: StaffItem = {
            ...item,
            refusedAt: this.#now().toISOString(),
            code: failure.kind === "refused" ? failure.code : "REJECTED",
            details: failure.kind === "refused" ? failure.details : {},
          };
          await set(staffKey(refused), refused, this.#staff);
          await del(queueKey(item), this.#queue);
          report.refused++;
        } else {
          report.remaining = items.length - index;
          report.revoked = failure.kind === "revoked";
          break;
        }
      } finally {
        this.#changed();
      }
    }
    return report;
  }
}
