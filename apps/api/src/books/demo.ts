// Demo books for `pnpm demo`: members' own copies (English and Chinese), the association's
// shelves at both libraries with printed labels, and loans in every state a screen shows
// (a request waiting for an answer, a book out, one overdue, one returned, a queue).
import { randomUUID } from "node:crypto";
import {
  addLoanEvent,
  type BookRow,
  insertBook,
  insertCopies,
  insertLoan,
  insertQueueEntry,
  type Tx,
} from "@readers/db";
import {
  addDays,
  type Book,
  dateInZone,
  LABEL_CODE_RANDOM_LENGTH,
  labelCodeFrom,
} from "@readers/domain";

type Edition = Omit<Book, "id">;

const ed = (
  title: string,
  authors: string[],
  year: number,
  language: string,
  isbn13: string | null = null,
): Edition => ({ isbn13, title, authors, year, language, coverUrl: null });

/** Real editions (ISBNs with valid check digits), so the catalogue looks like a club's. */
export const DEMO_EDITIONS: Edition[] = [
  ed("The Great Gatsby", ["F. Scott Fitzgerald"], 2004, "en", "9780743273565"),
  ed("Pride and Prejudice", ["Jane Austen"], 2003, "en", "9780141439518"),
  ed("活着", ["余华"], 2012, "zh-Hans", "9787506365437"),
  ed("平凡的世界", ["路遥"], 2017, "zh-Hans"),
  ed("三体", ["刘慈欣"], 2008, "zh-Hans"),
  ed("围城", ["钱锺书"], 1991, "zh-Hans"),
  ed("边城", ["沈从文"], 2002, "zh-Hans"),
  ed("Beloved", ["Toni Morrison"], 2004, "en"),
  ed("The Remains of the Day", ["Kazuo Ishiguro"], 1990, "en"),
  ed("Things Fall Apart", ["Chinua Achebe"], 1994, "en"),
  ed("The Left Hand of Darkness", ["Ursula K. Le Guin"], 2000, "en"),
  ed("Norwegian Wood", ["Haruki Murakami"], 2000, "en"),
  ed("红楼梦", ["曹雪芹", "高鹗"], 1996, "zh-Hans"),
  ed("城南旧事", ["林海音"], 2010, "zh-Hans"),
  ed("Le Petit Prince", ["Antoine de Saint-Exupéry"], 1999, "fr"),
  ed("My Brilliant Friend", ["Elena Ferrante"], 2012, "en"),
];

/** Member copies: [member index (among demo members), edition index, mode]. */
const MEMBER_COPIES: [number, number, "lend" | "give"][] = [
  [0, 0, "lend"],
  [0, 7, "lend"],
  [0, 14, "give"],
  [1, 2, "lend"],
  [1, 3, "lend"],
  [1, 12, "lend"],
  [2, 9, "lend"],
  [2, 10, "give"],
  [3, 4, "lend"],
  [3, 5, "lend"],
  [7, 11, "lend"],
  [7, 15, "lend"],
  [8, 6, "lend"],
  [8, 13, "give"],
];

/** Shelf copies: [edition index, location, how many]. */
const SHELF_COPIES: [number, "central" | "campus", number][] = [
  [1, "central", 2],
  [2, "central", 1],
  [4, "central", 2],
  [8, "central", 1],
  [12, "campus", 1],
  [3, "campus", 2],
  [9, "campus", 1],
];

export async function seedDemoBooks(
  tx: Tx,
  options: { now: Date; timezone: string; memberIds: string[] },
): Promise<void> {
  const { now, memberIds } = options;
  const today = dateInZone(now, options.timezone);
  const dayMs = 86_400_000;
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const books: BookRow[] = [];
  for (const edition of DEMO_EDITIONS) {
    books.push(await insertBook(tx, { id: randomUUID(), ...edition }, ago(60)));
  }
  const member = (i: number) => memberIds[i % memberIds.length] as string;
  const memberCopies = await insertCopies(
    tx,
    MEMBER_COPIES.map(([m, b, mode], i) => ({
      id: randomUUID(),
      bookId: books[b]!.id,
      ownerMemberId: member(m),
      mode,
      condition: i % 3 === 0 ? "very_good" : "good",
      note: i === 1 ? "Some pencil notes in the margins." : "",
      loanDays: i % 4 === 0 ? 14 : null,
      createdAt: ago(50 - i),
      updatedAt: ago(50 - i),
    })),
  );
  let label = 0;
  await insertCopies(
    tx,
    SHELF_COPIES.flatMap(([b, locationId, n]) =>
      Array.from({ length: n }, () => {
        label++;
        return {
          id: randomUUID(),
          bookId: books[b]!.id,
          ownerMemberId: null,
          shelfLocationId: locationId,
          // Deterministic but well-formed codes, so printed demo labels scan.
          labelCode: labelCodeFrom(
            Array.from({ length: LABEL_CODE_RANDOM_LENGTH }, (_, k) => label * 7 + k * 3),
          ),
          createdAt: ago(40),
          updatedAt: ago(40),
        };
      }),
    ),
  );

  const loan = async (
    copyIndex: number,
    borrower: number,
    story: {
      requested: number;
      accepted?: number;
      handedOver?: number;
      returned?: number;
      message?: string;
    },
  ) => {
    const copy = memberCopies[copyIndex]!;
    const state = story.returned
      ? "returned"
      : story.handedOver
        ? "on_loan"
        : story.accepted
          ? "accepted"
          : "requested";
    const handedOverAt = story.handedOver ? ago(story.handedOver) : null;
    const created = await insertLoan(tx, {
      id: randomUUID(),
      copyId: copy.id,
      borrowerId: member(borrower),
      ownerMemberId: copy.ownerMemberId,
      mode: copy.mode,
      state,
      message: story.message ?? "",
      requestedAt: ago(story.requested),
      acceptedAt: story.accepted ? ago(story.accepted) : null,
      handedOverAt,
      dueDate: story.handedOver ? addDays(today, 21 - story.handedOver) : null,
      closedAt: story.returned ? ago(story.returned) : null,
      updatedAt: now,
    });
    const events: [number | undefined, string, "borrower" | "owner"][] = [
      [story.requested, "requested", "borrower"],
      [story.accepted, "accepted", "owner"],
      [story.handedOver, "handed_over", "owner"],
      [story.returned, "returned", "owner"],
    ];
    for (const [days, kind, role] of events) {
      if (days === undefined) continue;
      await addLoanEvent(tx, {
        loanId: created.id,
        at: ago(days),
        kind,
        actorRole: role,
        actorMemberId: role === "borrower" ? member(borrower) : copy.ownerMemberId,
        details: kind === "requested" && story.message ? { message: story.message } : {},
      });
    }
  };
  // A returned loan (trust 1 for member 1), a book out, an overdue one, a waiting request.
  await loan(0, 1, { requested: 45, accepted: 44, handedOver: 43, returned: 25 });
  await loan(0, 2, {
    requested: 10,
    accepted: 9,
    handedOver: 8,
    message: "Reading it for the club.",
  });
  await loan(3, 0, { requested: 40, accepted: 39, handedOver: 30 });
  await loan(8, 7, { requested: 2, message: "我周六可以来取书，方便吗？" });
  // Someone waits for the Gatsby that is out.
  await insertQueueEntry(tx, {
    id: randomUUID(),
    copyId: memberCopies[0]!.id,
    memberId: member(8),
    joinedAt: ago(3),
  });
}
