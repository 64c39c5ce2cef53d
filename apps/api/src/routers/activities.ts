// activities.*: the calendar (list, get), organizers' planning (create, update, publish,
// cancel, series), and their roster, check-in and attendance tools. Rules: @readers/domain.
import { randomUUID } from "node:crypto";
import {
  type ActivityRow,
  activityColumns,
  confirmedSeats,
  confirmRegistrations,
  findLiveRegistration,
  getActivity,
  getLocation,
  getMemberById,
  getMemberByUserId,
  getRegistration,
  getSeries,
  insertActivity,
  insertSeries,
  listActivities,
  liveRegistrants,
  locationExists,
  locationsByIds,
  lockActivity,
  lockRegistrationRow,
  lockSeriesActivities,
  readTogether,
  registrationsOf,
  rosterOf,
  type SeatTally,
  seatTallies,
  seatTally,
  seriesActivities,
  seriesByIds,
  type Tx,
  toActivity,
  toSeries,
  updateActivity,
  updateRegistration,
  updateSeries,
  waitlistPlace,
} from "@readers/db";
import {
  ACTIVITY_STATUSES,
  type Activity,
  ActivityCancelInputSchema,
  ActivityCreateInputSchema,
  ActivityIdInputSchema,
  ActivityListInputSchema,
  ActivityPublishInputSchema,
  ActivitySchema,
  ActivityUpdateInputSchema,
  AttendanceInputSchema,
  attendanceSummary,
  DESCRIPTION_MAX_LENGTH,
  decideActivityCancellation,
  decideActivityUpdate,
  decideManualCheckIn,
  decidePublication,
  decideUndoCheckIn,
  decideWaitlistMove,
  ManualCheckInInputSchema,
  RegistrationIdInputSchema,
  RosterInputSchema,
  SeriesCreateInputSchema,
  SeriesUpdateInputSchema,
  seriesCompletion,
  seriesSessionInputs,
} from "@readers/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { type ZodError, z } from "zod";
import {
  audit,
  canSee,
  decodeCursor,
  encodeCursor,
  isStaff,
  notFound,
} from "../activities/access.ts";
import { memberStanding } from "../activities/applicant.ts";
import { renderMarkdown } from "../activities/markdown.ts";
import { activityPayload, notifyRegistrants, notifyRegistration } from "../activities/notify.ts";
import { promoteWaitlist } from "../activities/promotion.ts";
import { ROSTER_MAX, rosterCsv, rosterLine, rosterLines } from "../activities/roster.ts";
import {
  activityBrief,
  activityDetailView,
  activityListView,
  registrationView,
} from "../activities/views.ts";
import { announceOccupancy, occupancyOf } from "../kiosk/occupancy.ts";
import { todayIn } from "../members/views.ts";
import type { Context } from "../trpc/context.ts";
import { domainError, unwrap } from "../trpc/errors.ts";
import { organizerProcedure, publicProcedure } from "../trpc/init.ts";

/** Bad input that only shows once merged with what is stored: a 400 with field messages. */
function invalid(error: ZodError): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message: error.issues[0]?.message ?? "Invalid input.",
    cause: error,
  });
}

/** Listing views of rows: seats, locations and series fetched once for the page. */
async function listViews(db: Context["db"] | Tx, ctx: Context, rows: ActivityRow[]) {
  const [tallies, locations, series] = await readTogether(
    db,
    () =>
      seatTallies(
        db,
        rows.map((r) => r.id),
      ),
    () =>
      locationsByIds(
        db,
        rows.map((r) => r.locationId),
      ),
    () =>
      seriesByIds(
        db,
        rows.flatMap((r) => (r.seriesId ? [r.seriesId] : [])),
      ),
  );
  return rows.map((row) =>
    activityListView(row, {
      location: locations.get(row.locationId) ?? null,
      series: seriesRef(row.seriesId ? series.get(row.seriesId) : undefined),
      tally: tallies.get(row.id)!,
      now: ctx.now,
      publicUrl: ctx.services.publicUrl,
    }),
  );
}

const seriesRef = (row: { id: string; title: string } | undefined) =>
  row ? { id: row.id, title: row.title } : null;

async function detailView(
  db: Context["db"] | Tx,
  ctx: Context,
  row: ActivityRow,
  tally?: SeatTally,
) {
  const [location, series] = await readTogether(
    db,
    () => getLocation(db, row.locationId),
    () => (row.seriesId ? getSeries(db, row.seriesId) : Promise.resolve(null)),
  );
  return activityDetailView(row, {
    location: location && { id: location.id, name: location.name, address: location.address },
    series: seriesRef(series ?? undefined),
    tally: tally ?? (await seatTally(db, row.id)),
    now: ctx.now,
    publicUrl: ctx.services.publicUrl,
  });
}

async function payloadFor(tx: Tx, ctx: Context, row: ActivityRow) {
  const location = await getLocation(tx, row.locationId);
  return activityPayload(row, {
    locationName: location?.name ?? null,
    publicUrl: ctx.services.publicUrl,
    timeZone: ctx.services.timezone,
  });
}

/**
 * Applies a (parsed) patch to a locked activity: merge, re-check every cross-field rule,
 * let the domain decide, persist, tell registrants of time or venue changes, and promote
 * the waitlist when seats were added.
 */
async function applyPatch(
  tx: Tx,
  ctx: Context,
  row: ActivityRow,
  patch: Partial<Activity>,
): Promise<{ row: ActivityRow; changed: readonly string[] }> {
  const current = toActivity(row);
  const merged = ActivitySchema.safeParse({ ...current, ...patch });
  if (!merged.success) throw invalid(merged.error);
  const decision = unwrap(
    decideActivityUpdate({
      current,
      next: merged.data,
      confirmedSeats: await confirmedSeats(tx, row.id),
      now: ctx.now,
    }),
  );
  if (decision.changed.length === 0) return { row, changed: [] };
  const updated = await updateActivity(tx, row.id, {
    ...activityColumns(merged.data),
    updatedAt: ctx.now,
  });
  if (decision.notifyRegistrants) {
    const before = await payloadFor(tx, ctx, row);
    await notifyRegistrants(tx, "activity_changed", row.id, await liveRegistrants(tx, row.id), {
      ...(await payloadFor(tx, ctx, updated)),
      changed: decision.changed,
      previous: { startsAt: before.startsAt, endsAt: before.endsAt, location: before.location },
    });
  }
  if (decision.promoteWaitlist) await promoteWaitlist(tx, ctx, updated);
  return { row: updated, changed: decision.changed };
}

/** Cancels one locked activity and tells its registrants (when it was published). */
async function cancelOne(tx: Tx, ctx: Context, row: ActivityRow, reason: string) {
  const decision = unwrap(decideActivityCancellation(toActivity(row), ctx.now));
  const updated = await updateActivity(tx, row.id, {
    status: "cancelled",
    cancelledAt: ctx.now,
    cancellationReason: reason || null,
    updatedAt: ctx.now,
  });
  if (decision.notifyRegistrants) {
    await notifyRegistrants(tx, "activity_cancelled", row.id, await liveRegistrants(tx, row.id), {
      ...(await payloadFor(tx, ctx, updated)),
      reason,
    });
  }
  return updated;
}

async function requireLocation(ctx: Context, id: string | undefined) {
  if (id !== undefined && !(await locationExists(ctx.db, id))) throw notFound("Location");
}

/**
 * Locks an activity, or with `wholeSeries` every session of its series (always in id order,
 * and without holding one session first, so two series-wide operations cannot deadlock).
 */
async function lockTargets(tx: Tx, id: string, wholeSeries: boolean) {
  const peek = await getActivity(tx, id);
  if (!peek) throw notFound("Activity");
  if (wholeSeries && peek.seriesId) {
    const sessions = await lockSeriesActivities(tx, peek.seriesId);
    const row = sessions.find((r) => r.id === id);
    if (!row) throw notFound("Activity");
    return { row, sessions };
  }
  const row = await lockActivity(tx, id);
  if (!row) throw notFound("Activity");
  return { row, sessions: [row] };
}

/** The registration and its activity, the activity locked: every roster change starts here. */
async function lockRegistration(tx: Tx, registrationId: string) {
  const before = await getRegistration(tx, registrationId);
  if (!before) throw notFound("Registration");
  const row = await lockActivity(tx, before.activityId);
  // Read again under the lock, and lock it: it may have changed while we waited, and a
  // kiosk's unlocked check-in of a booked arrival (which takes only this row's lock) must
  // land before our decision or after our write, never in between.
  const reg = await lockRegistrationRow(tx, registrationId);
  if (!row || !reg) throw notFound("Registration");
  return { row, reg };
}

async function lineOf(tx: Tx, ctx: Context, row: ActivityRow, registrationId: string) {
  const reg = (await getRegistration(tx, registrationId))!;
  const member = reg.memberId ? await getMemberById(tx, reg.memberId) : null;
  const position = reg.status === "waitlisted" ? await waitlistPlace(tx, reg) : null;
  return rosterLine(
    {
      registration: reg,
      firstName: member?.firstName ?? null,
      lastName: member?.lastName ?? null,
      memberNumber: member?.memberNumber ?? null,
    },
    row,
    ctx.now,
    position,
  );
}

export const activitiesRouter = {
  // ------------------------------------------------------------------------ calendar
  list: publicProcedure
    .meta({ action: "activities.list" })
    .input(ActivityListInputSchema.prefault({}))
    .query(async ({ ctx, input }) => {
      const staff = isStaff(ctx.actor);
      const statuses = staff
        ? input.status
          ? [input.status]
          : [...ACTIVITY_STATUSES]
        : input.status && input.status !== "draft"
          ? [input.status]
          : (["published", "cancelled"] as const);
      const rows = await listActivities(ctx.db, {
        // Without a range: what has not ended yet.
        from: input.from ?? (input.to ? undefined : ctx.now),
        to: input.to,
        kind: input.kind,
        audience: input.audience,
        text: input.text || undefined,
        locationId: input.locationId,
        seriesId: input.seriesId,
        statuses: [...statuses],
        publishedOnly: !staff,
        audiences: ctx.actor.kind === "user" ? undefined : ["public"],
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: await listViews(ctx.db, ctx, page),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last.startsAt, last.id) : null,
      };
    }),

  get: publicProcedure
    .meta({ action: "activities.get" })
    .input(ActivityIdInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await getActivity(ctx.db, input.id);
      if (!row || !canSee(ctx.actor, row)) throw notFound("Activity");
      const view = await detailView(ctx.db, ctx, row);
      let myRegistration = null;
      let myStanding = null;
      if (ctx.actor.kind === "user") {
        const member = await getMemberByUserId(ctx.db, ctx.actor.userId);
        if (member) {
          const standing = await memberStanding(ctx.db, member.id, ctx.now, ctx.services.timezone);
          myStanding = {
            membershipStatus: standing.membershipStatus,
            noShowPenaltyUntil: standing.noShowPenaltyUntil?.toISOString() ?? null,
          };
          const reg = await findLiveRegistration(ctx.db, row.id, { memberId: member.id });
          if (reg) {
            const position = reg.status === "waitlisted" ? await waitlistPlace(ctx.db, reg) : null;
            myRegistration = registrationView(reg, toActivity(row), ctx.now, position);
          }
        }
      }
      return { ...view, myRegistration, myStanding };
    }),

  // ----------------------------------------------------------------------- planning
  /** The description as the activity page will show it (the same sanitiser), before saving. */
  previewDescription: organizerProcedure
    .meta({ action: "activities.previewDescription" })
    .input(z.object({ markdown: z.string().max(DESCRIPTION_MAX_LENGTH) }))
    .query(({ input }) => ({ html: renderMarkdown(input.markdown) })),

  create: organizerProcedure
    .meta({ action: "activities.create" })
    .input(ActivityCreateInputSchema)
    .mutation(async ({ ctx, input }) => {
      await requireLocation(ctx, input.locationId);
      if (input.seriesId && !(await getSeries(ctx.db, input.seriesId))) throw notFound("Series");
      return ctx.db.transaction(async (tx) => {
        const row = await insertActivity(tx, {
          id: randomUUID(),
          ...activityColumns(input),
          status: "draft",
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await audit(tx, ctx, "activity.create", "activity", row.id, { title: row.title });
        return detailView(tx, ctx, row);
      });
    }),

  update: organizerProcedure
    .meta({ action: "activities.update" })
    .input(ActivityUpdateInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...patch } = input;
      await requireLocation(ctx, patch.locationId);
      const result = await ctx.db.transaction(async (tx) => {
        const row = await lockActivity(tx, id);
        if (!row) throw notFound("Activity");
        const { row: updated, changed } = await applyPatch(tx, ctx, row, patch);
        if (changed.length > 0)
          await audit(tx, ctx, "activity.update", "activity", id, { changed });
        return detailView(tx, ctx, updated);
      });
      ctx.services.notify();
      return result;
    }),

  publish: organizerProcedure
    .meta({ action: "activities.publish" })
    .input(ActivityPublishInputSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { row, sessions } = await lockTargets(tx, input.id, input.series);
        // The chosen session must be publishable; with `series`, so are its other drafts.
        unwrap(decidePublication(toActivity(row), ctx.now));
        const targets = sessions.filter((r) => decidePublication(toActivity(r), ctx.now).ok);
        const published: string[] = [];
        for (const target of targets) {
          await updateActivity(tx, target.id, {
            status: "published",
            publishedAt: ctx.now,
            updatedAt: ctx.now,
          });
          published.push(target.id);
        }
        await audit(tx, ctx, "activity.publish", "activity", row.id, { published });
        return { activity: await detailView(tx, ctx, (await getActivity(tx, row.id))!), published };
      }),
    ),

  cancel: organizerProcedure
    .meta({ action: "activities.cancel" })
    .input(ActivityCancelInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        const { row, sessions } = await lockTargets(tx, input.id, input.series);
        // With `series`: this session and every later one still cancellable.
        const targets = sessions.filter(
          (r) =>
            r.id === row.id ||
            (r.startsAt >= row.startsAt && decideActivityCancellation(toActivity(r), ctx.now).ok),
        );
        const cancelled: string[] = [];
        for (const target of targets) {
          await cancelOne(tx, ctx, target, input.reason);
          cancelled.push(target.id);
        }
        await audit(tx, ctx, "activity.cancel", "activity", row.id, {
          cancelled,
          reason: input.reason,
        });
        return { activity: await detailView(tx, ctx, (await getActivity(tx, row.id))!), cancelled };
      });
      ctx.services.notify();
      return result;
    }),

  createSeries: organizerProcedure
    .meta({ action: "activities.createSeries" })
    .input(SeriesCreateInputSchema)
    .mutation(async ({ ctx, input }) => {
      await requireLocation(ctx, input.template.locationId);
      const seriesId = randomUUID();
      const sessions = seriesSessionInputs(input, seriesId, ctx.services.timezone);
      // Repeated sessions are laid out only now; each must still be a valid activity.
      for (const session of sessions) {
        const checked = ActivityCreateInputSchema.safeParse(session);
        if (!checked.success) throw invalid(checked.error);
      }
      return ctx.db.transaction(async (tx) => {
        const series = await insertSeries(tx, {
          id: seriesId,
          ...input.series,
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const rows: ActivityRow[] = [];
        for (const session of sessions) {
          if (input.publish) {
            unwrap(decidePublication({ status: "draft", endsAt: session.endsAt }, ctx.now));
          }
          rows.push(
            await insertActivity(tx, {
              id: randomUUID(),
              ...activityColumns(session),
              status: input.publish ? "published" : "draft",
              publishedAt: input.publish ? ctx.now : null,
              createdBy: ctx.actor.userId,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            }),
          );
        }
        await audit(tx, ctx, "series.create", "series", seriesId, {
          title: series.title,
          sessions: rows.length,
          published: input.publish,
        });
        return { series: toSeries(series), activities: await listViews(tx, ctx, rows) };
      });
    }),

  updateSeries: organizerProcedure
    .meta({ action: "activities.updateSeries" })
    .input(SeriesUpdateInputSchema)
    .mutation(async ({ ctx, input }) => {
      await requireLocation(ctx, input.patch.locationId);
      const result = await ctx.db.transaction(async (tx) => {
        const series = await getSeries(tx, input.seriesId);
        if (!series) throw notFound("Series");
        // "Edit all": every session not started yet and not cancelled.
        const future = (await lockSeriesActivities(tx, series.id)).filter(
          (r) => r.startsAt > ctx.now && r.status !== "cancelled",
        );
        const updated: ActivityRow[] = [];
        const changed = new Set<string>();
        for (const row of future) {
          const result = await applyPatch(tx, ctx, row, input.patch);
          for (const field of result.changed) changed.add(field);
          updated.push(result.row);
        }
        const seriesRow = input.series
          ? await updateSeries(tx, series.id, { ...input.series, updatedAt: ctx.now })
          : series;
        await audit(tx, ctx, "series.update", "series", series.id, {
          changed: [...changed],
          sessions: updated.map((r) => r.id),
          series: input.series ?? {},
        });
        updated.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        return { series: toSeries(seriesRow), activities: await listViews(tx, ctx, updated) };
      });
      ctx.services.notify();
      return result;
    }),

  // ------------------------------------------------------------- roster and attendance
  registrations: organizerProcedure
    .meta({ action: "activities.registrations" })
    .input(RosterInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await getActivity(ctx.db, input.activityId);
      if (!row) throw notFound("Activity");
      const rows = await rosterOf(ctx.db, row.id, { status: input.status, limit: ROSTER_MAX + 1 });
      const [activity] = await listViews(ctx.db, ctx, [row]);
      return {
        activity: activity!,
        items: rosterLines(rows.slice(0, ROSTER_MAX), row, ctx.now),
        truncated: rows.length > ROSTER_MAX,
        occupancy: {
          checkedInSeats: (await seatTally(ctx.db, row.id)).checkedInSeats,
          capacity: row.capacity,
        },
      };
    }),

  rosterCsv: organizerProcedure
    .meta({ action: "activities.rosterCsv" })
    .input(RosterInputSchema)
    .query(async ({ ctx, input }) => {
      const row = await getActivity(ctx.db, input.activityId);
      if (!row) throw notFound("Activity");
      const rows = await rosterOf(ctx.db, row.id, { status: input.status, limit: ROSTER_MAX });
      const csv = rosterCsv(rosterLines(rows, row, ctx.now));
      await ctx.db.transaction((tx) =>
        audit(tx, ctx, "activity.rosterExport", "activity", row.id, { rows: rows.length }),
      );
      const day = todayIn(row.startsAt, ctx.services.timezone);
      return { filename: `roster-${day}-${row.id.slice(0, 8)}.csv`, csv };
    }),

  attendance: organizerProcedure
    .meta({ action: "activities.attendance" })
    .input(AttendanceInputSchema)
    .query(async ({ ctx, input }) => {
      const series = input.seriesId ? await getSeries(ctx.db, input.seriesId) : null;
      if (input.seriesId && !series) throw notFound("Series");
      const sessions = series
        ? await seriesActivities(ctx.db, series.id)
        : [await getActivity(ctx.db, input.activityId!)].filter((r): r is ActivityRow => !!r);
      if (sessions.length === 0 && !series) throw notFound("Activity");
      const regs = await registrationsOf(
        ctx.db,
        sessions.map((s) => s.id),
      );
      const activities = sessions.map((row) => ({
        activity: activityBrief(row, null, ctx.now),
        summary: attendanceSummary(
          toActivity(row),
          regs.filter((r) => r.activityId === row.id),
          ctx.now,
        ),
      }));
      if (!series) return { series: null, activities, members: [] };
      // Completion per member who booked any session: attended ≥ 75 % of those not cancelled.
      const byMember = new Map<string, { name: string; attended: string[] }>();
      for (const reg of regs) {
        if (!reg.memberId) continue;
        const entry = byMember.get(reg.memberId) ?? {
          name: `${reg.firstName ?? ""} ${reg.lastName ?? ""}`.trim(),
          attended: [],
        };
        if (reg.checkedInAt) entry.attended.push(reg.activityId);
        byMember.set(reg.memberId, entry);
      }
      const members = [...byMember].map(([memberId, { name, attended }]) => ({
        memberId,
        name,
        ...seriesCompletion({
          sessions: sessions.map((s) => ({ activityId: s.id, status: s.status })),
          attendedActivityIds: attended,
          completionPercent: series.completionPercent,
        }),
      }));
      members.sort((a, b) => a.name.localeCompare(b.name));
      return { series: toSeries(series), activities, members };
    }),

  checkIn: organizerProcedure
    .meta({ action: "activities.checkIn" })
    .input(ManualCheckInInputSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { row, reg } = await lockRegistration(tx, input.registrationId);
        const before = await seatTally(tx, row.id);
        const decision = unwrap(
          decideManualCheckIn({
            activity: toActivity(row),
            registration: reg,
            counts: { checkedInSeats: before.checkedInSeats, heldSeats: before.heldSeats },
            seats: input.seats,
            now: ctx.now,
          }),
        );
        if (decision.outcome === "CHECKED_IN") {
          await updateRegistration(tx, reg.id, {
            checkedInAt: decision.checkedInAt,
            checkedInSeats: decision.seats,
            checkedInBy: ctx.actor.userId,
            ...(decision.confirm ? { status: "confirmed", promotedAt: ctx.now } : {}),
            updatedAt: ctx.now,
          });
          await audit(tx, ctx, "registration.checkIn", "registration", reg.id, {
            activityId: row.id,
            seats: decision.seats,
          });
        }
        const tally = await seatTally(tx, row.id);
        // Kiosks and other rosters see the change once it commits.
        if (decision.outcome === "CHECKED_IN") {
          await announceOccupancy(tx, row, occupancyOf(row, tally, ctx.now));
        }
        return {
          outcome: decision.outcome,
          registration: await lineOf(tx, ctx, row, reg.id),
          occupancy: { checkedInSeats: tally.checkedInSeats, capacity: row.capacity },
        };
      }),
    ),

  undoCheckIn: organizerProcedure
    .meta({ action: "activities.undoCheckIn" })
    .input(RegistrationIdInputSchema)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { row, reg } = await lockRegistration(tx, input.registrationId);
        const { changed } = unwrap(decideUndoCheckIn(reg));
        if (changed) {
          await updateRegistration(tx, reg.id, {
            checkedInAt: null,
            checkedInSeats: null,
            checkedInBy: null,
            updatedAt: ctx.now,
          });
          await audit(tx, ctx, "registration.undoCheckIn", "registration", reg.id, {
            activityId: row.id,
          });
        }
        const tally = await seatTally(tx, row.id);
        if (changed) await announceOccupancy(tx, row, occupancyOf(row, tally, ctx.now));
        return {
          changed,
          registration: await lineOf(tx, ctx, row, reg.id),
          occupancy: { checkedInSeats: tally.checkedInSeats, capacity: row.capacity },
        };
      }),
    ),

  moveFromWaitlist: organizerProcedure
    .meta({ action: "activities.moveFromWaitlist" })
    .input(RegistrationIdInputSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction(async (tx) => {
        const { row, reg } = await lockRegistration(tx, input.registrationId);
        const { promote } = unwrap(
          decideWaitlistMove({
            activity: toActivity(row),
            registration: reg,
            confirmedSeats: await confirmedSeats(tx, row.id),
            now: ctx.now,
          }),
        );
        if (promote) {
          const [promoted] = await confirmRegistrations(tx, [reg.id], ctx.now);
          if (!promoted) throw domainError({ code: "ACTIVITY_FULL", message: "Not promoted." });
          await notifyRegistration(
            tx,
            "waitlist_promoted",
            promoted,
            await payloadFor(tx, ctx, row),
          );
          await audit(tx, ctx, "registration.moveFromWaitlist", "registration", reg.id, {
            activityId: row.id,
          });
        }
        return { promoted: promote, registration: await lineOf(tx, ctx, row, reg.id) };
      });
      ctx.services.notify();
      return result;
    }),
} satisfies TRPCRouterRecord;
