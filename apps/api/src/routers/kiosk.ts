// kiosk.*: the touch screen at a library entrance (DESIGN §2.3) — pairing and revocation by
// an admin, today's activities with live occupancy, check-in by card, number, registration
// or name, walk-ins. Every check-in decision is the domain's decideCheckIn: taken inside the
// transaction that locks the activity row whenever seat counts matter (walk-ins, late
// arrivals), and without that lock for a booked member arriving on time — the answer no
// count can change — so a busy lecture's arrivals do not queue on one row. The kiosk's client
// id makes a re-sent request a no-op (offline queues re-send). kioskPairing.activate turns a
// one-time code into a token.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import {
  activitiesAtLocation,
  attendeeNames,
  checkInConfirmedRegistration,
  checkInFacts,
  type Database,
  findKioskRequest,
  findLiveRegistration,
  getKioskDevice,
  getLocation,
  getRegistration,
  insertKioskDevice,
  insertRegistration,
  type KioskDeviceView,
  listKioskDevices,
  lockActivity,
  lockLiveRegistration,
  lockRegistrationRow,
  type MembershipRow,
  type MemberWithMembership,
  memberWithMembership,
  publishLive,
  type RegistrationRow,
  redeemPairingCode,
  registrationHolderNames,
  revokeKioskDevice,
  saveKioskRequest,
  seatTally,
  type TierRow,
  type Tx,
  toActivity,
  toTier,
  updateRegistration,
} from "@readers/db";
import {
  ActivateKioskInputSchema,
  attendeeDisplayName,
  type CheckInAttendee,
  type CheckInDecision,
  CheckInInputSchema,
  checkInDecisionTime,
  checkInNeedsSeatCounts,
  checkInOpensAt,
  dateInZone,
  decideCheckIn,
  decodeCardPayload,
  formatPairingCode,
  IdSchema,
  isGuestPass,
  KioskNameSchema,
  kioskPhase,
  MemberNumberSchema,
  type MembershipStatus,
  membershipStatusOn,
  NameSearchInputSchema,
  normalizePairingCode,
  noShowAt,
  PAIRING_CODE_ALPHABET,
  PAIRING_CODE_LENGTH,
  PAIRING_CODE_TTL_MINUTES,
  preselectActivity,
  SetKioskStaffPinInputSchema,
  searchAttendees,
  splitPersonName,
  UnlockKioskStaffInputSchema,
  verifyGuestPass,
  WalkInInputSchema,
  zonedDayBounds,
} from "@readers/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { notFound } from "../activities/access.ts";
import { auditAction } from "../audit.ts";
import { forgetKioskDevice, hashKioskToken, kioskByToken } from "../kiosk/device-auth.ts";
import {
  announceOccupancy,
  type KioskOccupancy,
  occupancyAtLocation,
  occupancyEvent,
  occupancyOf,
  recentSeatCounts,
} from "../kiosk/occupancy.ts";
import {
  STAFF_PIN_MAX_MISSES,
  STAFF_PIN_MAX_MISSES_ALL_KIOSKS,
  STAFF_PIN_WINDOW_MS,
  setStaffPin,
  staffPinOpens,
  staffPinRequired,
} from "../kiosk/staff-pin.ts";
import { cardHmac, qrSvg, verifyCardPayload } from "../members/card.ts";
import { facts } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { isUniqueViolation } from "../trpc/db-errors.ts";
import { domainError } from "../trpc/errors.ts";
import { limitFailures } from "../trpc/failure-limits.ts";
import {
  adminProcedure,
  kioskProcedure,
  publicProcedure,
  rateLimit,
  router,
} from "../trpc/init.ts";
import { kioskShelfProcedures } from "./kiosk-shelf.ts";

type KioskCtx = Context & { actor: Extract<Context["actor"], { kind: "kiosk" }> };

// ------------------------------------------------------------------------------- devices

/** A device as the admin sees it; `state` says what to do next. */
function deviceView(row: KioskDeviceView, now: Date) {
  const state = row.revokedAt
    ? "revoked"
    : row.pairedAt
      ? "paired"
      : row.pairingExpiresAt && row.pairingExpiresAt > now
        ? "pairing"
        : "expired";
  return {
    id: row.id,
    name: row.name,
    locationId: row.locationId,
    locationName: row.locationName,
    createdAt: row.createdAt,
    pairedAt: row.pairedAt,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
    pairingExpiresAt: state === "pairing" ? row.pairingExpiresAt : null,
    state: state as "pairing" | "paired" | "revoked" | "expired",
  };
}

function newPairingCode(): string {
  let code = "";
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) {
    code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  }
  return code;
}

// ------------------------------------------------------------------------------ check-in

/** What a kiosk result screen shows of a person: "Ada L.", nothing more. */
function displayNameOf(
  holder: { firstName: string | null; lastName: string | null; guestName: string | null } | null,
): string | null {
  if (!holder) return null;
  if (holder.firstName !== null)
    return attendeeDisplayName(holder.firstName, holder.lastName ?? "");
  if (holder.guestName) {
    const { firstName, lastName } = splitPersonName(holder.guestName);
    return attendeeDisplayName(firstName, lastName);
  }
  return null;
}

/** The answer of kiosk.checkIn and kiosk.walkIn, stored verbatim for a re-sent client id. */
export interface KioskCheckInResult {
  outcome: CheckInDecision["outcome"];
  checkedInAt: string;
  activity: { id: string; title: string };
  displayName: string | null;
  seats: number;
  occupancy: KioskOccupancy;
}

/**
 * Who a credential names, resolved before the activity is locked (reads only). A member
 * named by a registration (name search, or a pass) keeps that registration: it fixes the
 * activity.
 */
type Resolved =
  | {
      kind: "member";
      memberId: string;
      displayName: string;
      attendee: CheckInAttendee;
      registration: RegistrationRow | null;
    }
  | { kind: "guest"; registration: RegistrationRow }
  | { kind: "unknown" };

/** A member row (with their current membership) as the check-in's attendee. */
function memberResolved(
  found: MemberWithMembership,
  now: Date,
  timeZone: string,
  options: { presentedCardVersion?: number | null; registration?: RegistrationRow | null } = {},
): Resolved {
  return {
    kind: "member",
    memberId: found.member.id,
    displayName: attendeeDisplayName(found.member.firstName, found.member.lastName),
    attendee: {
      kind: "member",
      membershipStatus: statusOf(found.current, now, timeZone),
      cardVersion: found.member.cardVersion,
      presentedCardVersion: options.presentedCardVersion ?? null,
    },
    registration: options.registration ?? null,
  };
}

/** A registration's holder: its member (with their standing), or a guest. */
async function byRegistration(ctx: KioskCtx, id: string, now: Date): Promise<Resolved> {
  const registration = await getRegistration(ctx.db, id);
  if (!registration) return { kind: "unknown" };
  if (!registration.memberId) return { kind: "guest", registration };
  const found = await memberWithMembership(ctx.db, { memberId: registration.memberId });
  if (!found || found.member.erasedAt) return { kind: "unknown" };
  return memberResolved(found, now, ctx.services.timezone, { registration });
}

async function resolveCredential(
  ctx: KioskCtx,
  credential: z.output<typeof CheckInInputSchema>["credential"],
  now: Date,
): Promise<Resolved> {
  if ("registrationId" in credential) return byRegistration(ctx, credential.registrationId, now);
  let memberNumber: string;
  let presentedCardVersion: number | null = null;
  if ("qr" in credential) {
    // A guest's pass from the manage page.
    if (isGuestPass(credential.qr)) {
      const pass = await verifyGuestPass(credential.qr, cardHmac(ctx.services.cardKey));
      if (!pass.ok) throw domainError(pass);
      return byRegistration(ctx, pass.value.registrationId, now);
    }
    // A scanner may also read a printed member number; a card is RDR1:…
    const asNumber = MemberNumberSchema.safeParse(credential.qr);
    if (asNumber.success) {
      memberNumber = asNumber.data;
    } else {
      const decoded = decodeCardPayload(credential.qr);
      if (!decoded.ok) throw domainError(decoded);
      memberNumber = decoded.value.memberNumber;
      presentedCardVersion = decoded.value.cardVersion;
    }
  } else {
    memberNumber = credential.memberNumber;
  }
  const found = await memberWithMembership(ctx.db, { memberNumber });
  if (!found || found.member.erasedAt) return { kind: "unknown" };
  if ("qr" in credential && presentedCardVersion !== null) {
    const verified = await verifyCardPayload(
      credential.qr,
      found.member.cardVersion,
      cardHmac(ctx.services.cardKey),
    );
    // A forged card is refused here; a replaced one is the domain's CARD_REVOKED below.
    if (!verified.ok && verified.code !== "CARD_REVOKED") throw domainError(verified);
  }
  return memberResolved(found, now, ctx.services.timezone, { presentedCardVersion });
}

/**
 * Credentials that matched nobody, per kiosk: after this many in {@link UNKNOWN_WINDOW_MS}
 * a kiosk is told to wait, so a stolen token cannot walk the member numbers. Counted in the
 * database (`rate_limit`), so the limit holds however many instances the kiosk's requests
 * reach; only the check-ins the fast path does not answer read it.
 */
const UNKNOWN_MAX = 30;
const UNKNOWN_WINDOW_MS = 10 * 60_000;
const unknownKey = (deviceId: string) => `kiosk.unknownCredential:kiosk:${deviceId}`;

/** Resolves a credential, counting it against the kiosk's limit when it matches nobody. */
function resolveCounted(
  ctx: KioskCtx,
  credential: z.output<typeof CheckInInputSchema>["credential"],
  at: Date,
): Promise<Resolved> {
  return limitFailures(
    ctx.db,
    ctx.now,
    [{ key: unknownKey(ctx.actor.deviceId), max: UNKNOWN_MAX, windowMs: UNKNOWN_WINDOW_MS }],
    (seconds) => `Too many unknown cards or numbers. Try again in ${seconds} seconds.`,
    () => resolveCredential(ctx, credential, at),
    (resolved) => resolved.kind !== "unknown",
  );
}

/** The kind of answer each kiosk request stores under its client id. */
type RequestKind = "checkIn" | "walkIn";

/** The answer already given to this client id, if the kiosk re-sent a request. */
async function replay(
  db: Database | Tx,
  ctx: KioskCtx,
  clientId: string,
  kind: RequestKind,
): Promise<KioskCheckInResult | null> {
  const prior = await findKioskRequest(db, ctx.actor.deviceId, clientId);
  return prior ? replayed(prior.kind, prior.result, kind) : null;
}

function replayed(storedKind: string, result: unknown, kind: RequestKind): KioskCheckInResult {
  // A client id names one request; reusing it for another kind is a kiosk bug, not a repeat.
  if (storedKind !== kind) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "This request id was used for another request.",
    });
  }
  return result as KioskCheckInResult;
}

/**
 * The common case without the activity's lock: a member (by number or card) with a confirmed
 * registration arriving before the no-show deadline, or one already checked in — answers
 * that no seat count can change (`checkInNeedsSeatCounts`). Three round trips: one read,
 * one conditional write that also stores the answer, one notification. Returns null for
 * anything else, which the locked path then decides (and refuses with full details).
 */
async function fastCheckIn(
  ctx: KioskCtx,
  input: z.output<typeof CheckInInputSchema>,
): Promise<KioskCheckInResult | null> {
  const { credential } = input;
  let memberNumber: string;
  let card: { qr: string; version: number } | null = null;
  if ("memberNumber" in credential) {
    memberNumber = credential.memberNumber;
  } else if ("qr" in credential && !isGuestPass(credential.qr)) {
    const decoded = decodeCardPayload(credential.qr);
    if (!decoded.ok) return null;
    memberNumber = decoded.value.memberNumber;
    card = { qr: credential.qr, version: decoded.value.cardVersion };
  } else {
    return null;
  }
  const facts = await checkInFacts(ctx.db, {
    memberNumber,
    activityId: input.activityId,
    deviceId: ctx.actor.deviceId,
    clientId: input.clientId,
  });
  if (!facts) return null;
  if (facts.replay) return replayed(facts.replay.kind, facts.replay.result, "checkIn");
  const { activity: row, registration, member } = facts;
  if (!row || !registration || member.erased) return null;
  if (card) {
    const verified = await verifyCardPayload(
      card.qr,
      member.cardVersion,
      cardHmac(ctx.services.cardKey),
    );
    if (!verified.ok) return null;
  }
  const now = ctx.now;
  const arrivedAt = checkInDecisionTime(now, input.occurredAt);
  // A minute's margin before the no-show deadline: a walk-in decided under the lock once the
  // held seats are released must never race a booked arrival decided here a moment before.
  const margin = new Date(now.getTime() + FAST_PATH_MARGIN_MS);
  if (checkInNeedsSeatCounts(row, registration, margin)) return null;
  const decision = decideCheckIn({
    activity: toActivity(row),
    kioskLocationId: ctx.actor.locationId,
    attendee: {
      kind: "member",
      membershipStatus: facts.current
        ? membershipStatusOn(
            facts.current.membership,
            facts.current.tier,
            dateInZone(arrivedAt, ctx.services.timezone),
          )
        : "cancelled",
      cardVersion: member.cardVersion,
      presentedCardVersion: card?.version ?? null,
    },
    registration,
    previousCheckIn: null,
    // Unused for these answers (checkInNeedsSeatCounts said so).
    counts: { checkedInSeats: 0, heldSeats: 0 },
    partySize: input.partySize,
    now,
    occurredAt: arrivedAt,
  });
  if (!decision.ok) return null;
  const d = decision.value;
  const seats = d.outcome === "CHECKED_IN" ? d.seats : 0;
  // For display: this instance's recent count plus this party. The live streams send the
  // exact figure a moment later.
  const recentCounts = await recentSeatCounts(ctx.db, row.id);
  const occupancy = occupancyOf(
    row,
    {
      checkedInSeats: recentCounts.checkedInSeats + seats,
      heldSeats: Math.max(0, recentCounts.heldSeats - seats),
    },
    now,
  );
  const result: KioskCheckInResult = {
    outcome: d.outcome,
    checkedInAt: d.checkedInAt.toISOString(),
    activity: { id: row.id, title: row.title },
    displayName: attendeeDisplayName(member.firstName, member.lastName),
    seats,
    occupancy,
  };
  if (d.outcome !== "CHECKED_IN") return result;
  let done: boolean;
  try {
    done = await checkInConfirmedRegistration(ctx.db, {
      registrationId: registration.id,
      partySize: registration.partySize,
      activityId: row.id,
      locationId: ctx.actor.locationId,
      checkedInAt: d.checkedInAt,
      deviceId: ctx.actor.deviceId,
      clientId: input.clientId,
      result,
      now: ctx.now,
      announce: occupancyEvent(row, occupancy),
    });
  } catch (error) {
    // The same client id arrived twice at once: the first one's answer stands.
    if (isUniqueViolation(error)) return replay(ctx.db, ctx, input.clientId, "checkIn");
    throw error;
  }
  return done ? result : null;
}

function statusOf(
  current: { membership: MembershipRow; tier: TierRow } | null,
  now: Date,
  timeZone: string,
): MembershipStatus {
  return current
    ? membershipStatusOn(facts(current.membership), toTier(current.tier), dateInZone(now, timeZone))
    : "cancelled";
}

/**
 * Runs one check-in transaction; if a concurrent copy of the same request (same client id)
 * committed first, the unique key stops this one and its stored answer is returned.
 */
async function once(
  ctx: KioskCtx,
  clientId: string,
  kind: RequestKind,
  work: (tx: Tx) => Promise<KioskCheckInResult>,
): Promise<KioskCheckInResult> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const prior = await replay(ctx.db, ctx, clientId, kind);
      if (prior) return prior;
    }
    throw error;
  }
}

async function refuse(
  tx: Tx,
  refusal: { code: string; message: string } & Record<string, unknown>,
): Promise<never> {
  // Say where to go, not just an id.
  if (refusal.code === "WRONG_LOCATION" && typeof refusal.locationId === "string") {
    const where = await getLocation(tx, refusal.locationId);
    throw domainError({ ...refusal, locationName: where?.name ?? null } as never);
  }
  throw domainError(refusal as never);
}

/**
 * Which activity a member's check-in is for: the one chosen on screen, unless they are not
 * registered there but hold a registration for another of today's activities at this
 * location whose check-in is open (the attendee need not pick the right tile).
 */
async function activityForMember(
  ctx: KioskCtx,
  chosenId: string,
  memberId: string,
  now: Date,
): Promise<string> {
  if (await findLiveRegistration(ctx.db, chosenId, { memberId })) return chosenId;
  const { from, to } = zonedDayBounds(now, ctx.services.timezone);
  const today = await activitiesAtLocation(ctx.db, ctx.actor.locationId, from, to);
  const open = today.filter(
    (a) => a.id !== chosenId && kioskPhase({ ...a, id: a.id }, now) === "open",
  );
  for (const a of open) {
    const reg = await findLiveRegistration(ctx.db, a.id, { memberId });
    if (reg?.status === "confirmed") return a.id;
  }
  return chosenId;
}

/** The unlocked path stops this long before the no-show deadline (see fastCheckIn). */
const FAST_PATH_MARGIN_MS = 60_000;
const PAIRING_WINDOW_MS = 10 * 60_000;
const PAIRING_MAX_MISSES = 10;

// ---------------------------------------------------------------------------- the router

export const kioskRouter = {
  // Borrow and return at the association shelf (book sharing).
  ...kioskShelfProcedures,

  pair: adminProcedure
    .meta({ action: "kiosk.pair" })
    .input(z.object({ name: KioskNameSchema, locationId: IdSchema }))
    .mutation(async ({ ctx, input }) => {
      const code = newPairingCode();
      const expiresAt = new Date(ctx.now.getTime() + PAIRING_CODE_TTL_MINUTES * 60_000);
      const device = await ctx.db.transaction(async (tx) => {
        if (!(await getLocation(tx, input.locationId))) throw notFound("Location");
        const id = randomUUID();
        await insertKioskDevice(tx, {
          id,
          name: input.name,
          locationId: input.locationId,
          pairingCodeHash: hashKioskToken(code),
          pairingExpiresAt: expiresAt,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
        });
        await auditAction(tx, ctx, "kiosk.pair", "kiosk", id, {
          name: input.name,
          locationId: input.locationId,
        });
        return (await getKioskDevice(tx, id))!;
      });
      const pairingUrl = `${ctx.services.publicUrl}/kiosk/?pair=${code}`;
      return {
        device: deviceView(device, ctx.now),
        pairingCode: formatPairingCode(code),
        pairingUrl,
        pairingQrSvg: await qrSvg(pairingUrl),
        expiresAt,
      };
    }),

  devices: adminProcedure
    .meta({ action: "kiosk.devices" })
    .query(async ({ ctx }) => (await listKioskDevices(ctx.db)).map((d) => deviceView(d, ctx.now))),

  revoke: adminProcedure
    .meta({ action: "kiosk.revoke" })
    .input(z.object({ deviceId: IdSchema }))
    .mutation(async ({ ctx, input }) => {
      const device = await ctx.db.transaction(async (tx) => {
        const row = await revokeKioskDevice(tx, input.deviceId, ctx.now);
        if (!row) throw notFound("Kiosk");
        await auditAction(tx, ctx, "kiosk.revoke", "kiosk", row.id, { name: row.name });
        // Other instances drop their cached token; its live stream says "revoked".
        await publishLive(tx, { type: "kioskRevoked", deviceId: row.id });
        return (await getKioskDevice(tx, row.id))!;
      });
      forgetKioskDevice(ctx.db, device.id);
      return deviceView(device, ctx.now);
    }),

  /** Whether a staff PIN guards the kiosks' "Needs staff" list (never the PIN itself). */
  staffPin: adminProcedure
    .meta({ action: "kiosk.staffPin" })
    .query(async ({ ctx }) => ({ set: await staffPinRequired(ctx.db) })),

  setStaffPin: adminProcedure
    .meta({ action: "kiosk.setStaffPin" })
    .input(SetKioskStaffPinInputSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await setStaffPin(tx, input.pin);
        await auditAction(
          tx,
          ctx,
          input.pin ? "kiosk.staffPin.set" : "kiosk.staffPin.clear",
          "settings",
          "kiosk-staff-pin",
          {},
        );
      });
      return { set: input.pin !== null };
    }),

  /**
   * Staff open the "Needs staff" list with the PIN: checked here, never on the device. Only
   * wrong attempts count, per kiosk, in the database.
   */
  unlockStaff: kioskProcedure
    .meta({ action: "kiosk.unlockStaff" })
    .input(UnlockKioskStaffInputSchema)
    .mutation(async ({ ctx, input }) => {
      // Per kiosk, and for all kiosks together (one PIN serves them all).
      const opens = await limitFailures(
        ctx.db,
        ctx.now,
        [
          {
            key: `kiosk.staffPin.failed:kiosk:${ctx.actor.deviceId}`,
            max: STAFF_PIN_MAX_MISSES,
            windowMs: STAFF_PIN_WINDOW_MS,
          },
          {
            key: "kiosk.staffPin.failed:all",
            max: STAFF_PIN_MAX_MISSES_ALL_KIOSKS,
            windowMs: STAFF_PIN_WINDOW_MS,
          },
        ],
        (seconds) => `Too many wrong PINs. Try again in ${seconds} seconds.`,
        () => staffPinOpens(ctx.db, input.pin.trim()),
        (ok) => ok,
      );
      if (!opens) {
        ctx.logger.warn("kiosk: wrong staff PIN", { deviceId: ctx.actor.deviceId });
        throw domainError({ code: "STAFF_PIN_WRONG", message: "That is not the staff PIN." });
      }
      return { unlocked: true as const };
    }),

  today: kioskProcedure.meta({ action: "kiosk.today" }).query(async ({ ctx }) => {
    const [device, { rows, occupancy }, pinRequired] = await Promise.all([
      getKioskDevice(ctx.db, ctx.actor.deviceId),
      occupancyAtLocation(ctx.db, ctx.actor.locationId, ctx.now, ctx.services.timezone),
      staffPinRequired(ctx.db),
    ]);
    if (!device) throw new TRPCError({ code: "UNAUTHORIZED", message: "Kiosk token required." });
    const activities = rows.map((row) => ({
      id: row.id,
      title: row.title,
      kind: row.kind,
      audience: row.audience,
      status: row.status as "published" | "cancelled",
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      checkInOpensAt: checkInOpensAt(row),
      noShowAt: noShowAt(row),
      capacity: row.capacity,
      maxPartySize: row.maxPartySize,
      phase: kioskPhase(row, ctx.now),
      occupancy: occupancy.get(row.id)!,
    }));
    return {
      device: { id: device.id, name: device.name },
      location: { id: device.locationId, name: device.locationName },
      timeZone: ctx.services.timezone,
      serverTime: ctx.now,
      preselectedActivityId: preselectActivity(rows, ctx.now),
      activities,
      /** Staff type a PIN before the "Needs staff" list opens. */
      staffPinRequired: pinRequired,
    };
  }),

  occupancy: kioskProcedure
    .meta({ action: "kiosk.occupancy" })
    .input(z.object({ activityIds: z.array(IdSchema).max(50).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const { rows, occupancy } = await occupancyAtLocation(
        ctx.db,
        ctx.actor.locationId,
        ctx.now,
        ctx.services.timezone,
      );
      const wanted = input?.activityIds ? new Set(input.activityIds) : null;
      return rows.filter((r) => !wanted || wanted.has(r.id)).map((r) => occupancy.get(r.id)!);
    }),

  checkIn: kioskProcedure
    .meta({ action: "kiosk.checkIn" })
    .input(CheckInInputSchema)
    .mutation(async ({ ctx, input }) => {
      const fast = await fastCheckIn(ctx, input);
      if (fast) return fast;
      const prior = await replay(ctx.db, ctx, input.clientId, "checkIn");
      if (prior) return prior;
      const now = ctx.now;
      const arrivedAt = checkInDecisionTime(now, input.occurredAt);
      const resolved = await resolveCounted(ctx, input.credential, arrivedAt);
      const activityId =
        resolved.kind === "guest"
          ? resolved.registration.activityId
          : resolved.kind === "member"
            ? (resolved.registration?.activityId ??
              (await activityForMember(ctx, input.activityId, resolved.memberId, now)))
            : input.activityId;

      return once(ctx, input.clientId, "checkIn", async (tx) => {
        const row = await lockActivity(tx, activityId);
        if (!row || row.status === "draft") throw notFound("Activity");
        // A copy of this request that waited on the lock finds the first one's answer.
        const raced = await replay(tx, ctx, input.clientId, "checkIn");
        if (raced) return raced;
        // Read (and lock) under the activity's lock: a check-in of the same person on the
        // unlocked path, or on another kiosk, has committed by now and is seen.
        const namedRegistration =
          resolved.kind === "guest"
            ? resolved.registration
            : resolved.kind === "member"
              ? resolved.registration
              : null;
        const found = namedRegistration
          ? await lockRegistrationRow(tx, namedRegistration.id)
          : resolved.kind === "member"
            ? await lockLiveRegistration(tx, row.id, resolved.memberId)
            : null;
        const liveRegistration = found?.status === "cancelled" ? null : found;
        const counts = await seatTally(tx, row.id);
        const attendee: CheckInAttendee =
          resolved.kind === "member"
            ? resolved.attendee
            : resolved.kind === "guest" && liveRegistration
              ? { kind: "guest" }
              : { kind: "unknown" };
        const decision = decideCheckIn({
          activity: toActivity(row),
          kioskLocationId: ctx.actor.locationId,
          attendee,
          registration: liveRegistration,
          previousCheckIn: null,
          counts,
          partySize: input.partySize,
          now,
          occurredAt: arrivedAt,
        });
        if (!decision.ok) return refuse(tx, decision);
        const d = decision.value;
        let registrationId = d.registrationId;
        if (d.outcome === "CHECKED_IN" || (d.outcome === "WALK_IN_ACCEPTED" && registrationId)) {
          // A confirmed registration arrives, or a waitlisted one takes a free seat.
          await updateRegistration(tx, registrationId!, {
            status: "confirmed",
            checkedInAt: d.checkedInAt,
            checkedInSeats: d.seats,
            updatedAt: ctx.now,
            ...(liveRegistration?.status === "waitlisted"
              ? { promotedAt: ctx.now, partySize: d.seats }
              : {}),
          });
        } else if (d.outcome === "WALK_IN_ACCEPTED") {
          // A member without a registration: registered and checked in in one step.
          if (resolved.kind !== "member") throw notFound("Registration");
          registrationId = (
            await insertRegistration(tx, {
              id: randomUUID(),
              activityId: row.id,
              memberId: resolved.memberId,
              partySize: d.seats,
              status: "confirmed",
              walkIn: true,
              createdAt: ctx.now,
              checkedInAt: d.checkedInAt,
              checkedInSeats: d.seats,
              updatedAt: ctx.now,
            })
          ).id;
        }
        const holder =
          resolved.kind === "member"
            ? resolved.displayName
            : registrationId
              ? displayNameOf(
                  (await registrationHolderNames(tx, [registrationId])).get(registrationId) ?? null,
                )
              : null;
        const occupancy = occupancyOf(
          row,
          {
            checkedInSeats: counts.checkedInSeats + d.seats,
            // A confirmed registration checking in stops holding its seats.
            heldSeats: d.outcome === "CHECKED_IN" ? counts.heldSeats - d.seats : counts.heldSeats,
          },
          now,
        );
        const result: KioskCheckInResult = {
          outcome: d.outcome,
          checkedInAt: d.checkedInAt.toISOString(),
          activity: { id: row.id, title: row.title },
          displayName: holder,
          seats: d.seats,
          occupancy,
        };
        await saveKioskRequest(tx, {
          deviceId: ctx.actor.deviceId,
          clientId: input.clientId,
          kind: "checkIn",
          subjectId: row.id,
          result,
          now: ctx.now,
        });
        if (d.seats > 0) await announceOccupancy(tx, row, occupancy);
        return result;
      });
    }),

  walkIn: kioskProcedure
    .meta({ action: "kiosk.walkIn" })
    .input(WalkInInputSchema)
    .mutation(async ({ ctx, input }) => {
      const prior = await replay(ctx.db, ctx, input.clientId, "walkIn");
      if (prior) return prior;
      const now = ctx.now;
      const arrivedAt = checkInDecisionTime(now, input.occurredAt);
      return once(ctx, input.clientId, "walkIn", async (tx) => {
        const row = await lockActivity(tx, input.activityId);
        if (!row || row.status === "draft") throw notFound("Activity");
        const raced = await replay(tx, ctx, input.clientId, "walkIn");
        if (raced) return raced;
        const counts = await seatTally(tx, row.id);
        const decision = decideCheckIn({
          activity: toActivity(row),
          kioskLocationId: ctx.actor.locationId,
          attendee: { kind: "walk_in_guest" },
          registration: null,
          previousCheckIn: null,
          counts,
          partySize: input.partySize,
          now,
          occurredAt: arrivedAt,
        });
        if (!decision.ok) return refuse(tx, decision);
        const d = decision.value;
        // A guest's e-mail is kept only with consent; the registration holds both, like a
        // guest registration, and is forgotten with it. If the address already holds a
        // registration here, the walk-in is kept without it: a public kiosk must not tell
        // whoever types an address that its owner has booked.
        const email =
          input.guest.email &&
          !(await findLiveRegistration(tx, row.id, { guestEmail: input.guest.email }))
            ? input.guest.email
            : null;
        const registrationId = randomUUID();
        await insertRegistration(tx, {
          id: registrationId,
          activityId: row.id,
          guestName: input.guest.name,
          guestEmail: email,
          partySize: d.seats,
          status: "confirmed",
          walkIn: true,
          createdAt: ctx.now,
          checkedInAt: d.checkedInAt,
          checkedInSeats: d.seats,
          updatedAt: ctx.now,
        });
        const { firstName, lastName } = splitPersonName(input.guest.name);
        const occupancy = occupancyOf(
          row,
          { checkedInSeats: counts.checkedInSeats + d.seats, heldSeats: counts.heldSeats },
          now,
        );
        const result: KioskCheckInResult = {
          outcome: d.outcome,
          checkedInAt: d.checkedInAt.toISOString(),
          activity: { id: row.id, title: row.title },
          displayName: attendeeDisplayName(firstName, lastName),
          seats: d.seats,
          occupancy,
        };
        await saveKioskRequest(tx, {
          deviceId: ctx.actor.deviceId,
          clientId: input.clientId,
          kind: "walkIn",
          subjectId: row.id,
          result,
          now: ctx.now,
        });
        await announceOccupancy(tx, row, occupancy);
        return result;
      });
    }),

  searchAttendees: kioskProcedure
    .meta({ action: "kiosk.searchAttendees" })
    // The kiosk searches as people type (debounced): enough for a queue at the door, far too
    // few to walk the list; and the pool is only the activity's registrants, five at a time.
    .use(rateLimit({ name: "kiosk.searchAttendees", max: 120, windowMs: 60_000 }))
    .input(NameSearchInputSchema)
    .query(async ({ ctx, input }) => {
      const { from, to } = zonedDayBounds(ctx.now, ctx.services.timezone);
      const today = await activitiesAtLocation(ctx.db, ctx.actor.locationId, from, to);
      const row = today.find((a) => a.id === input.activityId);
      // Only today's activities at this kiosk's location can be searched.
      if (!row) throw notFound("Activity");
      const names = await attendeeNames(ctx.db, row.id);
      const byId = new Map(names.map((n) => [n.registrationId, n]));
      const candidates = names.map((n) => {
        const name =
          n.firstName !== null
            ? { firstName: n.firstName, lastName: n.lastName ?? "" }
            : splitPersonName(n.guestName ?? "");
        return { id: n.registrationId, ...name };
      });
      return searchAttendees(candidates, input.prefix).map((m) => ({
        registrationId: m.id,
        displayName: m.displayName,
        checkedIn: byId.get(m.id)?.checkedIn === true,
      }));
    }),
} satisfies TRPCRouterRecord;

/** Pairing: the one kiosk call made without a token (the code is the secret). */
export const kioskPairingRouter = router({
  activate: publicProcedure
    .meta({ action: "kioskPairing.activate" })
    .input(ActivateKioskInputSchema)
    .mutation(async ({ ctx, input }) => {
      // Per address, failed attempts only (an admin may pair many kiosks from one network):
      // 8 characters of base 32 cannot be guessed at 10 misses per 10 minutes.
      const token = `rk_${randomBytes(32).toString("base64url")}`;
      const row = await limitFailures(
        ctx.db,
        ctx.now,
        [
          {
            key: `kioskPairing.failed:ip:${ctx.ip ?? "unknown"}`,
            max: PAIRING_MAX_MISSES,
            windowMs: PAIRING_WINDOW_MS,
          },
        ],
        (seconds) => `Too many attempts. Try again in ${seconds} seconds.`,
        () =>
          ctx.db.transaction(async (tx) => {
            const device = await redeemPairingCode(
              tx,
              hashKioskToken(normalizePairingCode(input.code)),
              hashKioskToken(token),
              ctx.now,
            );
            if (!device) return null;
            await auditAction(tx, ctx, "kiosk.activate", "kiosk", device.id, {
              name: device.name,
            });
            return (await getKioskDevice(tx, device.id))!;
          }),
        (paired) => paired !== null,
      );
      if (!row) {
        throw domainError({
          code: "PAIRING_CODE_INVALID",
          message: "This pairing code is unknown, used or expired. Ask an admin for a new one.",
        });
      }
      // Warm this instance's cache: the kiosk's first calls follow at once.
      await kioskByToken(ctx.db, token, ctx.now);
      return {
        token,
        device: {
          id: row.id,
          name: row.name,
          locationId: row.locationId,
          locationName: row.locationName,
        },
      };
    }),
});
