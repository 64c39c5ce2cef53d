// Demo activities for `pnpm demo`: a dozen of the association's kinds of activity around
// today — lectures, a members' reading-club series half way through, an exhibition without
// registration, a forum with partners, a full workshop with a waitlist, a draft, a cancelled
// evening, a past lecture with attendance — and registrations that fit their capacity.
// Seed data, so nobody is notified of it.
import { randomUUID } from "node:crypto";
import {
  activityColumns,
  insertActivity,
  insertRegistrations,
  insertSeries,
  type NewRegistration,
  type Tx,
} from "@readers/db";
import {
  type ActivityCreateInput,
  ActivityCreateInputSchema,
  addDays,
  dateInZone,
  dateParts,
  zonedInstant,
} from "@readers/domain";

type Draft = Omit<Partial<ActivityCreateInput>, "startsAt" | "endsAt"> & {
  kind: ActivityCreateInput["kind"];
  title: string;
  locationId: string;
  /** Days from today, and local wall-clock hours (ending `toDay` days later, if given). */
  day: number;
  from: number;
  to: number;
  toDay?: number;
  status?: "draft" | "published" | "cancelled";
  cancellationReason?: string;
};

interface Booking {
  member?: number;
  guest?: { name: string; email: string };
  partySize?: number;
  status?: "confirmed" | "waitlisted" | "cancelled";
  attended?: boolean;
  late?: boolean;
}

export async function seedDemoActivities(
  tx: Tx,
  options: { now: Date; timezone: string; memberIds: string[]; organizerId: string },
): Promise<void> {
  const { now, timezone, memberIds, organizerId } = options;
  const today = dateInZone(now, timezone);
  const at = (day: number, hour: number) => {
    const { year, month, day: d } = dateParts(addDays(today, day));
    const minute = Math.round((hour % 1) * 60);
    return zonedInstant({ year, month, day: d, hour: Math.floor(hour), minute }, timezone);
  };

  const create = async (draft: Draft, seriesId: string | null = null) => {
    const { day, from, to, toDay = 0, status = "published", cancellationReason, ...fields } = draft;
    const input = ActivityCreateInputSchema.parse({
      ...fields,
      seriesId,
      startsAt: at(day, from),
      endsAt: at(day + toDay, to),
    });
    const createdAt = new Date(Math.min(now.getTime(), input.startsAt.getTime()) - 21 * 86_400_000);
    return insertActivity(tx, {
      id: randomUUID(),
      ...activityColumns(input),
      status,
      publishedAt: status === "draft" ? null : createdAt,
      cancelledAt: status === "cancelled" ? now : null,
      cancellationReason: cancellationReason ?? null,
      createdBy: organizerId,
      createdAt,
      updatedAt: createdAt,
    });
  };

  const book = async (
    activity: { id: string; startsAt: Date },
    bookings: Booking[],
  ): Promise<void> => {
    const rows: NewRegistration[] = bookings.flatMap((b, i) => {
      const memberId = b.member === undefined ? null : memberIds[b.member % memberIds.length];
      if (b.member !== undefined && !memberId) return [];
      // Booked in the order listed, days before the activity.
      const createdAt = new Date(
        Math.min(now.getTime(), activity.startsAt.getTime()) - (10 - i * 0.1) * 86_400_000,
      );
      const status = b.status ?? "confirmed";
      return [
        {
          id: randomUUID(),
          activityId: activity.id,
          memberId: memberId ?? null,
          guestName: b.guest?.name ?? null,
          guestEmail: b.guest?.email ?? null,
          partySize: b.partySize ?? 1,
          status,
          lateCancellation: b.late ?? false,
          cancelledAt:
            status === "cancelled" ? new Date(activity.startsAt.getTime() - 3_600_000) : null,
          checkedInAt: b.attended ? new Date(activity.startsAt.getTime() - 5 * 60_000) : null,
          createdAt,
          updatedAt: createdAt,
        },
      ];
    });
    await insertRegistrations(tx, rows);
  };

  // A members' reading club: six weekly sessions, two behind us.
  const club = await insertSeries(tx, {
    id: randomUUID(),
    title: "读书会：《红楼梦》 · Dream of the Red Chamber reading club",
    summary: "Six Thursday evenings with Cao Xueqin's novel, in Chinese and English.",
    kind: "reading_club",
    completionPercent: 75,
    createdBy: organizerId,
    createdAt: now,
    updatedAt: now,
  });
  for (let week = 0; week < 6; week++) {
    const session = await create(
      {
        kind: "reading_club",
        title: `读书会：《红楼梦》第 ${week * 20 + 1}–${week * 20 + 20} 回`,
        summary: "Chapters in turn; bring your questions and favourite passages.",
        description:
          "We read **twenty chapters** a week.\n\n- Chinese and English editions welcome\n- Tea is on us",
        locationId: "campus",
        day: -14 + week * 7,
        from: 19,
        to: 20.5,
        capacity: 12,
        audience: "members",
        featuredBooks: ["红楼梦 / The Story of the Stone"],
      },
      club.id,
    );
    const past = week < 2;
    await book(session, [
      { member: 0, attended: past },
      { member: 1, attended: past },
      { member: 3, attended: past && week === 0 },
      { member: 7, attended: past },
    ]);
  }

  const lecture = await create({
    kind: "lecture",
    title: "慢读的艺术 · On reading slowly",
    summary: "Why the best books ask to be read twice, and how to make time for it.",
    description:
      "## What to expect\n\nA forty-minute talk, then questions.\n\n> *Read not to contradict and confute… but to weigh and consider.* — Francis Bacon",
    locationId: "central",
    day: 3,
    from: 19,
    to: 20.5,
    capacity: 40,
    maxPartySize: 2,
    featuredBooks: ["The Slow Professor", "How to Read a Book"],
  });
  await book(lecture, [
    { member: 0 },
    { member: 2, partySize: 2 },
    { member: 4 },
    { member: 7, status: "cancelled" },
    { guest: { name: "Mei Tan", email: "mei.tan@example.org" } },
  ]);

  await create({
    kind: "exhibition",
    title: "城市老地图展 · Old maps of the city",
    summary: "Two centuries of the city on paper, from the library's map room. Just walk in.",
    description: "Open during library hours. Guided tours on Saturdays at 15:00.",
    locationId: "central",
    day: -10,
    from: 9,
    to: 20,
    toDay: 30,
    capacity: null,
    registration: "none",
  });

  // Something on today at the library entrance, so the kiosk has an activity to check in to
  // on the day the demo is created.
  const corner = await create({
    kind: "reading_club",
    title: "阅读角 · Reading corner drop-in",
    summary:
      "Bring a book, take a seat, read with others. Booked seats are kept until 15 minutes in.",
    description: "Tea and quiet from morning to night. Check in at the kiosk by the entrance.",
    locationId: "central",
    day: 0,
    from: 8,
    to: 22,
    capacity: 12,
    maxPartySize: 2,
  });
  await book(corner, [
    { member: 1 },
    { member: 3 },
    { member: 5, partySize: 2 },
    { guest: { name: "Li Hua", email: "li.hua@example.org" } },
  ]);

  const forum = await create({
    kind: "forum",
    title: "图书馆与人工智能 · Libraries and AI: a public forum",
    summary:
      "Librarians, students and readers on what machines should and should not do for readers.",
    description: "Panel, then open floor. Simultaneous interpretation Chinese ↔ English.",
    locationId: "central",
    day: 10,
    from: 14,
    to: 17,
    capacity: 80,
    maxPartySize: 3,
    partnerNames: ["City University Library", "Friends of the Public Library"],
  });
  await book(forum, [
    { member: 1 },
    { member: 5 },
    { member: 8, partySize: 3 },
    { guest: { name: "Daniel Okafor", email: "daniel.okafor@example.org" } },
  ]);

  const binding = await create({
    kind: "workshop",
    title: "手工装订入门 · Bookbinding for beginners",
    summary: "Sew a notebook by hand. Materials provided; eight seats at the workbench.",
    locationId: "campus",
    day: 6,
    from: 14,
    to: 16.5,
    capacity: 8,
  });
  await book(binding, [
    ...[0, 1, 2, 3, 4, 5, 6, 7].map((member) => ({ member })),
    { member: 8, status: "waitlisted" as const },
    { guest: { name: "Ana Souza", email: "ana.souza@example.org" }, status: "waitlisted" as const },
  ]);

  await create({
    kind: "reading_promotion",
    title: "世界读书日阅读节 · World Book Day reading festival",
    summary: "Book swap, readings for children, a reading challenge launch. All day, all ages.",
    locationId: "central",
    day: 30,
    from: 10,
    to: 16,
    capacity: null,
    registration: "optional",
  });

  const past = await create({
    kind: "lecture",
    title: "鲁迅与短篇小说",
    summary: "Lu Xun and the modern Chinese short story: a lecture in Chinese.",
    locationId: "central",
    day: -7,
    from: 19,
    to: 20.5,
    capacity: 30,
  });
  await book(past, [
    { member: 2, attended: true },
    { member: 4, attended: true },
    { member: 5 },
    { member: 7, status: "cancelled", late: true },
  ]);

  const stories = await create({
    kind: "other",
    title: "双语故事会 · Story time in English and Chinese",
    summary: "Picture books read aloud for children aged 3–7 and their grown-ups.",
    locationId: "campus",
    day: 4,
    from: 10,
    to: 11,
    capacity: 15,
    maxPartySize: 4,
  });
  await book(stories, [
    { member: 3, partySize: 3 },
    { member: 6, partySize: 2 },
  ]);

  await create({
    kind: "lecture",
    title: "唐诗漫谈 · Poetry of the Tang dynasty",
    summary: "Li Bai, Du Fu and Wang Wei, read side by side.",
    locationId: "central",
    day: 20,
    from: 19,
    to: 20.5,
    capacity: 40,
    status: "draft",
  });

  await create({
    kind: "forum",
    title: "换书之夜 · Book swap evening",
    summary: "Bring a book, take a book.",
    locationId: "campus",
    day: 2,
    from: 18.5,
    to: 20.5,
    capacity: 30,
    status: "cancelled",
    cancellationReason: "The reading room is closed for repairs that week.",
  });

  await create({
    kind: "workshop",
    title: "写家族史 · Writing your family history",
    summary: "Interviews, letters, photographs: turning them into a story your family will read.",
    locationId: "central",
    day: 12,
    from: 14,
    to: 16,
    capacity: 20,
    opensAt: at(2, 9),
  });

  await create({
    kind: "workshop",
    title: "陪伴阅读障碍儿童阅读 · Reading with a dyslexic child",
    summary: "For parents and volunteers: practical ways to share books. Members only.",
    locationId: "campus",
    day: 9,
    from: 19,
    to: 20.5,
    capacity: 25,
    audience: "members",
  });
}
