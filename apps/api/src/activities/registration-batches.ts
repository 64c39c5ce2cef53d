// Registration decisions for one activity, taken in batches under one lock. Every
// registration must hold the activity's row lock while it counts seats and writes, so on a
// popular activity the locked section is the bottleneck: each request in it costs several
// round trips. Requests that arrive while a batch is in its transaction wait for the next
// batch, which takes them all: one lock, one count, the domain's decision for each in
// arrival order (seats taken by the earlier ones counted), one insert of the registrations
// and one of their outbox rows, one commit. Under no load a batch is one request and
// nothing waits. The database still guards the invariants: the row lock across instances,
// the unique indexes against double registration.
import { randomUUID } from "node:crypto";
import {
  type ActivityRow,
  type Database,
  enqueueOutbox,
  holderKey,
  insertRegistrations,
  lockActivityWithLocation,
  type RegistrationHolder,
  type RegistrationRow,
  seatsAndHolders,
  toActivity,
} from "@readers/db";
import { type Applicant, type DomainCode, decideRegistration } from "@readers/domain";
import type { TRPCError } from "@trpc/server";
import { isUniqueViolation } from "../trpc/db-errors.ts";
import { domainError } from "../trpc/errors.ts";
import { notFound } from "./access.ts";
import { activityPayload, outboxRowsForRegistrant, type ResolvedRegistrant } from "./notify.ts";

/** Beyond this many, a batch's single insert grows large; the rest wait for the next one. */
export const REGISTRATION_BATCH_MAX = 200;

/** One registration request, everything that does not depend on the seats settled. */
export interface RegistrationRequest {
  activityId: string;
  applicant: Applicant;
  holder: RegistrationHolder;
  guest: { name: string; email: string } | null;
  partySize: number;
  registrant: ResolvedRegistrant;
  /**
   * The message's fields besides the activity's own: those (`activityPayload`) are read from
   * the locked row and its location when `place` is given; without it, only the time and
   * title are, over the fields given here.
   */
  payload: Record<string, unknown>;
  /** Where the message's activity link points and the zone its times are shown in. */
  place?: { publicUrl: string; timeZone: string };
  manageTokenHash: string | null;
  /** The request's instant: its place in the waitlist and the time rules are read at. */
  now: Date;
}

export interface RegistrationOutcome {
  created: RegistrationRow;
  row: ActivityRow;
  /** 1-based place on the waitlist when waitlisted. */
  waitlistPlace: number | null;
  /** Why free seats were not given (the no-show penalty). */
  reason: "no_show_penalty" | null;
}

interface Pending {
  request: RegistrationRequest;
  resolve(outcome: RegistrationOutcome): void;
  reject(error: unknown): void;
}

type Decided =
  | {
      ok: true;
      insert: typeof import("@readers/db").registration.$inferInsert;
      reason: RegistrationOutcome["reason"];
    }
  | { ok: false; error: TRPCError };

const ALREADY_REGISTERED: { code: DomainCode; message: string } = {
  code: "ALREADY_REGISTERED",
  message: "Already registered for this activity.",
};

/**
 * Decides and writes one batch in one transaction. Refusals are per request; a database
 * error (a double registration racing on another instance) rolls the batch back, and the
 * caller then retries its requests one by one so only the offending one fails.
 */
async function runBatch(db: Database, activityId: string, batch: RegistrationRequest[]) {
  return db.transaction(async (tx) => {
    // The lock and the location's name (for the messages) in one round trip.
    const locked = await lockActivityWithLocation(tx, activityId);
    if (!locked) return batch.map(() => ({ ok: false as const, error: notFound("Activity") }));
    const { row, locationName } = locked;
    const activity = toActivity(row);
    // Ids are chosen now, so the same read can count who waits before each newcomer.
    const ids = batch.map(() => randomUUID());
    const state = await seatsAndHolders(
      tx,
      activityId,
      batch.map((r) => r.holder),
      batch.map((r, i) => ({ id: ids[i]!, createdAt: r.now })),
    );
    let confirmedSeats = state.confirmedSeats;
    const decided: Decided[] = batch.map((request, i) => {
      const key = holderKey(request.holder);
      const decision = decideRegistration({
        activity,
        counts: { confirmedSeats },
        applicant: { ...request.applicant, alreadyRegistered: state.held.has(key) },
        partySize: request.partySize,
        now: request.now,
      });
      if (!decision.ok) return { ok: false, error: domainError(decision) };
      state.held.add(key);
      if (decision.value.status === "confirmed") confirmedSeats += decision.value.partySize;
      return {
        ok: true,
        reason: decision.value.reason ?? null,
        insert: {
          id: ids[i]!,
          activityId,
          memberId: "memberId" in request.holder ? request.holder.memberId : null,
          guestName: request.guest?.name ?? null,
          guestEmail: request.guest?.email.toLowerCase() ?? null,
          partySize: decision.value.partySize,
          status: decision.value.status,
          manageTokenHash: request.manageTokenHash,
          createdAt: request.now,
          updatedAt: request.now,
        },
      };
    });
    const created = await insertRegistrations(
      tx,
      decided.flatMap((d) => (d.ok ? [d.insert] : [])),
    );
    const byId = new Map(created.map((c) => [c.id, c]));
    const fresh = {
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    };
    await enqueueOutbox(
      tx,
      decided.flatMap((d, i) => {
        if (!d.ok) return [];
        const request = batch[i]!;
        const reg = byId.get(d.insert.id!)!;
        const kind =
          reg.status === "confirmed" ? "registration_confirmed" : "registration_waitlisted";
        return outboxRowsForRegistrant(kind, reg, request.registrant, {
          ...(request.place ? activityPayload(row, { locationName, ...request.place }) : {}),
          ...request.payload,
          ...fresh,
        });
      }),
    );
    const places = waitlistPlaces(
      created.filter((c) => c.status === "waitlisted"),
      state.waitlistedBefore,
    );
    return decided.map((d) =>
      d.ok
        ? {
            ok: true as const,
            outcome: {
              created: byId.get(d.insert.id!)!,
              row,
              reason: d.reason,
              waitlistPlace: places.get(d.insert.id!) ?? null,
            },
          }
        : d,
    );
  });
}

/**
 * 1-based waitlist places of a batch's waitlisted newcomers: those waiting before each when
 * the batch read the waitlist, plus the batch's own waitlisted newcomers up to and including
 * it, in serving order (created, then id in byte order — UUIDs are ASCII, so string order).
 */
export function waitlistPlaces(
  newcomers: Pick<RegistrationRow, "id" | "createdAt">[],
  waitlistedBefore: Map<string, number>,
): Map<string, number> {
  const upTo = (a: (typeof newcomers)[number], b: (typeof newcomers)[number]) =>
    a.createdAt.getTime() < b.createdAt.getTime() ||
    (a.createdAt.getTime() === b.createdAt.getTime() && a.id <= b.id);
  return new Map(
    newcomers.map((n) => [
      n.id,
      (waitlistedBefore.get(n.id) ?? 0) + newcomers.filter((m) => upTo(m, n)).length,
    ]),
  );
}

class ActivityQueue {
  private pending: Pending[] = [];
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly activityId: string,
    private readonly onIdle: () => void,
  ) {}

  submit(request: RegistrationRequest): Promise<RegistrationOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, REGISTRATION_BATCH_MAX);
      await this.settle(batch);
    }
    this.running = false;
    this.onIdle();
  }

  private async settle(batch: Pending[]): Promise<void> {
    try {
      const results = await runBatch(
        this.db,
        this.activityId,
        batch.map((p) => p.request),
      );
      results.forEach((result, i) => {
        if (result.ok) batch[i]!.resolve(result.outcome);
        else batch[i]!.reject(result.error);
      });
    } catch (error) {
      if (batch.length > 1) {
        // One request's database error must not fail the others: one by one.
        for (const pending of batch) await this.settle([pending]);
        return;
      }
      batch[0]!.reject(isUniqueViolation(error) ? domainError(ALREADY_REGISTERED) : error);
    }
  }
}

// One set of queues per database handle: an API instance has one; tests that mimic two
// instances with two handles get two.
const queues = new WeakMap<Database, Map<string, ActivityQueue>>();

/** Registers through the activity's queue of this instance (see the module comment). */
export function submitRegistration(
  db: Database,
  request: RegistrationRequest,
): Promise<RegistrationOutcome> {
  let byActivity = queues.get(db);
  if (!byActivity) {
    byActivity = new Map();
    queues.set(db, byActivity);
  }
  let queue = byActivity.get(request.activityId);
  if (!queue) {
    const map = byActivity;
    queue = new ActivityQueue(db, request.activityId, () => map.delete(request.activityId));
    byActivity.set(request.activityId, queue);
  }
  return queue.submit(request);
}
