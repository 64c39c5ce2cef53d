// registrations.*: booking a seat (members, and guests of public activities with a manage
// link), cancelling, "my activities", whole series in one step, and the personal calendar
// feed. Seats are decided under the activity's row lock, so they never overbook.
import { randomUUID } from "node:crypto";
import {
  type ActivityRow,
  confirmedSeats,
  createCalendarFeed,
  getActivity,
  getCalendarFeed,
  getLocation,
  getMemberByUserId,
  getRegistration,
  getRegistrationByTokenHash,
  getSeries,
  insertRegistrations,
  locationsByIds,
  lockActivity,
  lockRegistrationRow,
  lockSeriesActivities,
  memberOfUser,
  memberRegistrations,
  memberRegistrationsIn,
  type RegistrationRow,
  seatTally,
  setCalendarFeed,
  type Tx,
  toActivity,
  updateRegistration,
  waitlistPlace,
} from "@readers/db";
import {
  type Applicant,
  can,
  decideRegistrationCancellation,
  decideSeriesRegistration,
  ManageTokenInputSchema,
  MyRegistrationsInputSchema,
  RegisterInputSchema,
  RegistrationCancelInputSchema,
  SeriesRegisterInputSchema,
  signGuestPass,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { audit, decodeCursor, encodeCursor, notFound } from "../activities/access.ts";
import { memberStanding, strikesSince } from "../activities/applicant.ts";
import {
  activityPayload,
  notifyRegistration,
  type ResolvedRegistrant,
  registrantOf,
} from "../activities/notify.ts";
import { promoteWaitlist } from "../activities/promotion.ts";
import { submitRegistration } from "../activities/registration-batches.ts";
import {
  feedToken,
  hashToken,
  newNonce,
  newSecretToken,
  tokenMatches,
} from "../activities/tokens.ts";
import { activityBrief, activityListView, registrationView } from "../activities/views.ts";
import { cardHmac, qrSvg } from "../members/card.ts";
import type { Context } from "../trpc/context.ts";
import { onConflict } from "../trpc/db-errors.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { memberProcedure, permissionSubject, publicProcedure, rateLimit } from "../trpc/init.ts";

/** A family or a class signing up one by one fits; a script filling every seat does not. */
export const GUEST_REGISTRATIONS_PER_WINDOW = 20;

/** Upcoming bookings are listed in full up to this many (nobody has more). */
const UPCOMING_MAX = 200;

const ALREADY_REGISTERED = "Already registered for this activity.";

function manageUrl(ctx: Context, token: string): string {
  return `${ctx.services.publicUrl}/registrations/manage?token=${encodeURIComponent(token)}`;
}

function feedUrls(ctx: Context, token: string) {
  const url = `${ctx.services.publicUrl}/feeds/me/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, "webcal:") };
}

async function ownMember(ctx: Context, userId: string) {
  const member = await getMemberByUserId(ctx.db, userId);
  return member && !member.erasedAt ? member : null;
}

async function positionOf(db: Context["db"], reg: RegistrationRow): Promise<number | null> {
  return reg.status === "waitlisted" ? waitlistPlace(db, reg) : null;
}

async function payloadOf(db: Context["db"] | Tx, ctx: Context, row: ActivityRow) {
  const location = await getLocation(db, row.locationId);
  return activityPayload(row, {
    locationName: location?.name ?? null,
    publicUrl: ctx.services.publicUrl,
    timeZone: ctx.services.timezone,
  });
}

/** One activity's listing view for a guest's manage page or a registration result. */
async function activityView(ctx: Context, row: ActivityRow) {
  const location = await getLocation(ctx.db, row.locationId);
  return activityListView(row, {
    location: location && { id: location.id, name: location.name, address: location.address },
    series: null,
    tally: await seatTally(ctx.db, row.id),
    now: ctx.now,
    publicUrl: ctx.services.publicUrl,
  });
}

export const registrationsRouter = {
  register: publicProcedure
    .meta({ action: "registrations.register" })
    // Guests have no account to answer for: a bounded number of registrations per address.
    .use(
      rateLimit({
        name: "guest-register",
        max: GUEST_REGISTRATIONS_PER_WINDOW,
        windowMs: 10 * 60_000,
        anonymousOnly: true,
      }),
    )
    .input(RegisterInputSchema)
    .mutation(async ({ ctx, input }) => {
      // Who is registering is read before the lock, in one query (member, current
      // membership, strike candidates): each round trip inside the locked section delays
      // every registration queued behind it. The activity itself, with its location's name
      // for the message, is read once per batch, with the lock.
      let applicant: Applicant;
      let holder: { memberId: string } | { guestEmail: string };
      let registrant: ResolvedRegistrant;
      if (input.guest) {
        applicant = { kind: "guest", alreadyRegistered: false };
        holder = { guestEmail: input.guest.email };
        registrant = registrantOf(holder);
      } else {
        if (ctx.actor.kind !== "user") {
          throw new TRPCError({
            code: "UNAUTHORIZED",
            message: "Sign in, or register as a guest with a name and an e-mail address.",
          });
        }
        const found = await memberOfUser(ctx.db, ctx.actor.userId, {
          strikesSince: strikesSince(ctx.now),
        });
        if (!found || found.member.erasedAt) {
          throw domainError({
            code: "NOT_A_MEMBER",
            message: "Apply for a membership first, or register as a guest.",
          });
        }
        const standing = await memberStanding(
          ctx.db,
          found.member.id,
          ctx.now,
          ctx.services.timezone,
          { current: found.current, strikes: found.strikes },
        );
        applicant = { kind: "member", ...standing, alreadyRegistered: false };
        holder = { memberId: found.member.id };
        registrant = registrantOf({ member: found.member, account: ctx.actor });
      }
      const token = input.guest ? newSecretToken() : null;

      const { created, row, reason, waitlistPlace } = await submitRegistration(ctx.db, {
        activityId: input.activityId,
        applicant,
        holder,
        guest: input.guest ?? null,
        partySize: input.partySize,
        registrant,
        payload: token ? { manageUrl: manageUrl(ctx, token) } : {},
        place: { publicUrl: ctx.services.publicUrl, timeZone: ctx.services.timezone },
        manageTokenHash: token ? hashToken(token) : null,
        now: ctx.now,
      });
      ctx.services.notify();
      return {
        registration: registrationView(created, toActivity(row), ctx.now, waitlistPlace),
        /** Why free seats were not given: the member's no-show penalty. */
        waitlistReason: reason,
        /** Guests only, shown once: the token and link to view or cancel without an account. */
        manageToken: token,
        manageUrl: token ? manageUrl(ctx, token) : null,
      };
    }),

  cancel: publicProcedure
    .meta({ action: "registrations.cancel" })
    .input(RegistrationCancelInputSchema)
    .mutation(async ({ ctx, input }) => {
      const found = await getRegistration(ctx.db, input.registrationId);
      if (!found) throw notFound("Registration");
      // Guests prove it is theirs with the manage token; members own theirs; organizers may
      // cancel anyone's. Anyone else learns nothing, not even that it exists.
      let onBehalf = false;
      if (input.manageToken !== undefined) {
        if (!tokenMatches(input.manageToken, found.manageTokenHash)) {
          throw notFound("Registration");
        }
      } else if (ctx.actor.kind !== "user") {
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
      } else {
        const member = await ownMember(ctx, ctx.actor.userId);
        if (!member || found.memberId !== member.id) {
          const subject = permissionSubject(ctx.actor);
          if (!can(subject, "registrations.cancel", { ownerMemberId: found.memberId })) {
            throw notFound("Registration");
          }
          onBehalf = true;
        }
      }
      const result = await ctx.db.transaction(async (tx) => {
        const row = await lockActivity(tx, found.activityId);
        // Locked too: a kiosk's unlocked check-in takes only the registration's row lock.
        const reg = await lockRegistrationRow(tx, found.id);
        if (!row || !reg) throw notFound("Registration");
        const activity = toActivity(row);
        const decision = unwrap(
          decideRegistrationCancellation({ activity, registration: reg, now: ctx.now }),
        );
        const cancelled = await updateRegistration(tx, reg.id, {
          status: "cancelled",
          cancelledAt: ctx.now,
          lateCancellation: decision.late,
          updatedAt: ctx.now,
        });
        const promoted = decision.promoteWaitlist ? await promoteWaitlist(tx, ctx, row) : [];
        if (onBehalf) {
          await audit(tx, ctx, "registration.cancel", "registration", reg.id, {
            activityId: row.id,
            late: decision.late,
          });
        }
        return { cancelled, activity, promoted: promoted.length };
      });
      if (result.promoted > 0) ctx.services.notify();
      return {
        registration: registrationView(result.cancelled, result.activity, ctx.now),
        /** Waitlisted parties moved up into the freed seats. */
        promoted: result.promoted,
      };
    }),

  mine: memberProcedure
    .meta({ action: "registrations.mine" })
    .input(MyRegistrationsInputSchema.prefault({}))
    .query(async ({ ctx, input }) => {
      const member = await ownMember(ctx, ctx.actor.userId);
      if (!member) return { upcoming: [], past: [], nextCursor: null };
      const [upcoming, pastPage] = await Promise.all([
        memberRegistrations(ctx.db, member.id, {
          when: "upcoming",
          now: ctx.now,
          limit: UPCOMING_MAX,
        }),
        memberRegistrations(ctx.db, member.id, {
          when: "past",
          now: ctx.now,
          limit: input.limit + 1,
          after: input.cursor ? decodeCursor(input.cursor) : undefined,
        }),
      ]);
      const past = pastPage.slice(0, input.limit);
      const locations = await locationsByIds(
        ctx.db,
        [...upcoming, ...past].map((r) => r.activity.locationId),
      );
      const item = async ({ registration, activity }: (typeof upcoming)[number]) => ({
        registration: registrationView(
          registration,
          toActivity(activity),
          ctx.now,
          await positionOf(ctx.db, registration),
        ),
        activity: activityBrief(
          activity,
          locations.get(activity.locationId)?.name ?? null,
          ctx.now,
        ),
      });
      const last = past.at(-1);
      return {
        upcoming: await Promise.all(upcoming.map(item)),
        past: await Promise.all(past.map(item)),
        nextCursor:
          pastPage.length > input.limit && last
            ? encodeCursor(last.activity.startsAt, last.registration.id)
            : null,
      };
    }),

  manage: publicProcedure
    .meta({ action: "registrations.manage" })
    .input(ManageTokenInputSchema)
    .query(async ({ ctx, input }) => {
      const reg = await getRegistrationByTokenHash(ctx.db, hashToken(input.token));
      if (!reg) throw notFound("Registration");
      const row = (await getActivity(ctx.db, reg.activityId))!;
      return {
        registration: registrationView(
          reg,
          toActivity(row),
          ctx.now,
          await positionOf(ctx.db, reg),
        ),
        guestName: reg.guestName,
        activity: await activityView(ctx, row),
        // A pass the kiosk camera reads to check the guest in (kiosk.checkIn {qr}); unlike
        // the manage link it cannot cancel, so it is safe on a public kiosk.
        checkInQrSvg:
          reg.status === "cancelled"
            ? null
            : await qrSvg(await signGuestPass(reg.id, cardHmac(ctx.services.cardKey))),
      };
    }),

  registerSeries: memberProcedure
    .meta({ action: "registrations.registerSeries" })
    .input(SeriesRegisterInputSchema)
    .mutation(async ({ ctx, input }) => {
      const member = await ownMember(ctx, ctx.actor.userId);
      if (!member) {
        throw domainError({ code: "NOT_A_MEMBER", message: "Apply for a membership first." });
      }
      const series = await getSeries(ctx.db, input.seriesId);
      if (!series) throw notFound("Series");
      const standing = await memberStanding(ctx.db, member.id, ctx.now, ctx.services.timezone);
      const result = await onConflict("ALREADY_REGISTERED", ALREADY_REGISTERED, () =>
        ctx.db.transaction(async (tx) => {
          const rows = (await lockSeriesActivities(tx, series.id)).sort(
            (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
          );
          if (rows.length === 0) throw notFound("Series");
          const booked = new Set(
            (
              await memberRegistrationsIn(
                tx,
                member.id,
                rows.map((r) => r.id),
              )
            ).map((r) => r.activityId),
          );
          const sessions = [];
          for (const row of rows) {
            sessions.push({
              activityId: row.id,
              activity: toActivity(row),
              counts: { confirmedSeats: await confirmedSeats(tx, row.id) },
              alreadyRegistered: booked.has(row.id),
            });
          }
          const decision = decideSeriesRegistration({
            sessions,
            applicant: { kind: "member", ...standing },
            partySize: input.partySize,
            now: ctx.now,
          });
          if (!decision.ok) throw domainError(decision);
          const created = await insertRegistrations(
            tx,
            decision.value.sessions.map((s) => ({
              id: randomUUID(),
              activityId: s.activityId,
              memberId: member.id,
              partySize: input.partySize,
              status: s.status,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            })),
          );
          // One message for the whole series, listing each session and its status.
          const byId = new Map(rows.map((r) => [r.id, r]));
          const first = byId.get(created[0]!.activityId)!;
          const anyConfirmed = created.some((r) => r.status === "confirmed");
          await notifyRegistration(
            tx,
            anyConfirmed ? "registration_confirmed" : "registration_waitlisted",
            created[0]!,
            {
              ...(await payloadOf(tx, ctx, first)),
              seriesTitle: series.title,
              sessions: created.map((r) => ({
                title: byId.get(r.activityId)!.title,
                startsAt: byId.get(r.activityId)!.startsAt.toISOString(),
                status: r.status,
              })),
            },
          );
          return { created, skipped: decision.value.skipped };
        }),
      );
      ctx.services.notify();
      return {
        seriesId: series.id,
        registrations: result.created.map((r) => ({
          activityId: r.activityId,
          registrationId: r.id,
          status: r.status,
        })),
        skipped: result.skipped.map((s) => ({ activityId: s.activityId, code: s.code })),
      };
    }),

  feedToken: memberProcedure.meta({ action: "registrations.feedToken" }).query(async ({ ctx }) => {
    // Created on first use; the same address every time after (until regenerated).
    let feed = await getCalendarFeed(ctx.db, ctx.actor.userId);
    if (!feed) {
      const nonce = newNonce();
      const token = feedToken(ctx.services.cardKey, ctx.actor.userId, nonce);
      await createCalendarFeed(
        ctx.db,
        { userId: ctx.actor.userId, nonce, tokenHash: hashToken(token) },
        ctx.now,
      );
      feed = (await getCalendarFeed(ctx.db, ctx.actor.userId))!;
    }
    const token = feedToken(ctx.services.cardKey, ctx.actor.userId, feed.nonce);
    return { ...feedUrls(ctx, token), createdAt: feed.createdAt.toISOString() };
  }),

  regenerateFeedToken: memberProcedure
    .meta({ action: "registrations.regenerateFeedToken" })
    .mutation(async ({ ctx }) => {
      const nonce = newNonce();
      const token = feedToken(ctx.services.cardKey, ctx.actor.userId, nonce);
      await setCalendarFeed(
        ctx.db,
        { userId: ctx.actor.userId, nonce, tokenHash: hashToken(token) },
        ctx.now,
      );
      return { ...feedUrls(ctx, token), createdAt: ctx.now.toISOString() };
    }),
} satisfies TRPCRouterRecord;
