// Book sharing through the API, on PGlite and PostgreSQL: the issue's "done when" journey
// (add by ISBN with a recorded lookup, find by a partial title, request, accept, hand over,
// renew, return, the queued member's turn), lookups and manual entry, search (partial
// words, authors, ISBN, 2-character Chinese, filters, paging), and the book page.
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { addDays, dateInZone } from "@readers/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  makeMember,
  NOW,
  publishedActivity,
  seedPlaces,
  TZ,
  type User,
} from "./activities-fixtures.ts";
import {
  addCopy,
  code,
  fixtures,
  GATSBY,
  LIVING,
  outboxKinds,
  PRIDE,
  snapshot,
  UNKNOWN_ISBN,
} from "./books-fixtures.ts";
import { buildHarness, type Harness, trpcGet, trpcPost } from "./harness.ts";

const DAY = 86_400_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const today = dateInZone(NOW, TZ);

describe.each(testDrivers(inject("databaseUrl")))("books on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let ann: User & { memberId: string };
  let bo: User & { memberId: string };
  let cy: User & { memberId: string };
  let otto: User & { memberId: string };
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h);
    t.services.isbnLookup = fixtures();
    await seedPlaces(h.db);
    ann = await makeMember(h.db, "Ann Lee");
    bo = await makeMember(h.db, "Bo Chen");
    cy = await makeMember(h.db, "Cy Wu");
    otto = await makeMember(h.db, "Otto Organizer", "active", "organizer");
  });

  it("lends a book from ISBN to the queued member's turn (the issue's journey)", async () => {
    const a = t.caller(ann, NOW);
    const lookup = await a.books.lookupIsbn({ isbn: "978-0-7432-7356-5" });
    expect(lookup).toMatchObject({
      found: true,
      isbn13: GATSBY,
      book: { title: "The Great Gatsby", authors: ["F. Scott Fitzgerald"], year: 2004 },
    });
    const added = await a.books.addCopy({
      isbn: GATSBY,
      loanDays: 14,
      condition: "very_good",
    } as never);
    expect(added.book.title).toBe("The Great Gatsby");
    const copyId = added.copies[0]!.id;
    expect(added.copies[0]).toMatchObject({
      state: "available",
      owner: { kind: "member", isMe: true },
    });

    // B finds it by part of a word of the title.
    const found = await t.caller(bo, NOW).books.search({ text: "gats" });
    expect(found.items.map((i) => i.book.title)).toEqual(["The Great Gatsby"]);
    expect(found.items[0]).toMatchObject({ copies: 1, available: 1 });

    const b = t.caller(bo, NOW).loans;
    const requested = await b.request({ copyId, message: "Could I pick it up on Saturday?" });
    expect(requested).toMatchObject({
      state: "requested",
      myRole: "borrower",
      message: "Could I pick it up on Saturday?",
    });
    const loanId = requested.id;
    expect((await outboxKinds(h.db)).filter((m) => m.kind === "loan_requested")).toEqual([
      { kind: "loan_requested", userId: ann.userId },
    ]);

    // Ann's inbox shows the request, with Bo's record of returns.
    const inbox = await a.loans.mine();
    expect(inbox.asOwner).toHaveLength(1);
    expect(inbox.asOwner[0]).toMatchObject({
      id: loanId,
      myRole: "owner",
      borrower: { name: "Bo C.", trust: 0 },
    });

    // The borrower cannot accept their own request.
    await expect(b.accept({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_FORBIDDEN"));
    const accepted = await a.loans.accept({ loanId });
    expect(accepted.state).toBe("accepted");
    expect(
      (await outboxKinds(h.db)).some((m) => m.kind === "loan_accepted" && m.userId === bo.userId),
    ).toBe(true);

    const onLoan = await t.caller(bo, later(1)).loans.handOver({ loanId });
    // min(owner's 14 days, tier's 21 days) from the hand-over's date.
    expect(onLoan).toMatchObject({ state: "on_loan", dueDate: addDays(today, 15) });
    const renewed = await t.caller(bo, later(10)).loans.renew({ loanId });
    expect(renewed).toMatchObject({ dueDate: addDays(today, 29), renewals: 1 });

    // Cy queues for the busy copy.
    await expect(t.caller(cy, later(11)).loans.request({ copyId })).rejects.toMatchObject(
      code("COPY_UNAVAILABLE"),
    );
    expect(await t.caller(cy, later(11)).loans.joinQueue({ copyId })).toEqual({
      copyId,
      position: 1,
    });
    const page = await t.caller(cy, later(11)).books.get({ id: added.book.id });
    expect(page.copies[0]).toMatchObject({
      state: "on_loan",
      queueLength: 1,
      myQueuePosition: 1,
      dueDate: addDays(today, 29),
    });

    const returned = await t.caller(ann, later(20)).loans.return({ loanId });
    expect(returned.state).toBe("returned");
    expect(returned.timeline.map((e) => e.kind)).toEqual([
      "requested",
      "accepted",
      "handed_over",
      "renewed",
      "returned",
    ]);

    // Cy's place became a request to Ann, and Cy was told it is their turn.
    const cys = await t.caller(cy, later(20)).loans.mine();
    expect(cys.queue).toEqual([]);
    expect(cys.asBorrower).toHaveLength(1);
    expect(cys.asBorrower[0]).toMatchObject({ state: "requested", copyId });
    expect(cys.asBorrower[0]!.timeline[0]).toMatchObject({
      kind: "requested",
      details: { fromQueue: true },
    });
    const anns = await t.caller(ann, later(20)).loans.mine();
    expect(anns.asOwner.map((l) => l.borrower.memberId)).toEqual([cy.memberId]);
    expect(
      (await outboxKinds(h.db)).some((m) => m.kind === "queue_turn" && m.userId === cy.userId),
    ).toBe(true);

    // Confirming the same return twice is refused and changes nothing.
    const before = await snapshot(h.db);
    await expect(t.caller(ann, later(21)).loans.return({ loanId })).rejects.toMatchObject({
      code: "CONFLICT",
      ...code("LOAN_MOVE_INVALID"),
    });
    expect(await snapshot(h.db)).toBe(before);

    // Bo's successful return counts as trust, shown to the next owner.
    const history = await t.caller(bo, later(21)).loans.mine({ includeClosed: true });
    expect(history.asBorrower[0]).toMatchObject({ state: "returned" });
    const otherCopy = await addCopy(t, cy, { isbn: PRIDE, minTrust: 1 });
    const second = await t.caller(bo, later(21)).loans.request({ copyId: otherCopy });
    const cyInbox = await t.caller(cy, later(21)).loans.get({ id: second.id });
    expect(cyInbox.borrower.trust).toBe(1);
  });

  it("looks ISBNs up through the cache, and falls back to typing the book in", async () => {
    const a = t.caller(ann, NOW).books;
    await expect(a.lookupIsbn({ isbn: "978-0-7432-7356-4" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      ...code("INVALID_ISBN"),
    });
    expect(await a.lookupIsbn({ isbn: UNKNOWN_ISBN })).toEqual({
      found: false,
      isbn13: UNKNOWN_ISBN,
      reason: "unknown",
    });
    // A found answer is kept: the service is not asked again.
    let calls = 0;
    const inner = fixtures();
    t.services.isbnLookup = {
      name: "counting",
      lookup: (i) => {
        calls++;
        return inner.lookup(i);
      },
    };
    await a.lookupIsbn({ isbn: PRIDE });
    await a.lookupIsbn({ isbn: PRIDE });
    expect(calls).toBe(1);
    // A service that hangs answers "unavailable" within the timeout, and nothing is cached.
    t.services.isbnLookup = { name: "hanging", lookup: () => new Promise(() => {}) };
    const started = Date.now();
    expect(await a.lookupIsbn({ isbn: LIVING })).toMatchObject({
      found: false,
      reason: "unavailable",
    });
    expect(Date.now() - started).toBeLessThan(6_000);
    t.services.isbnLookup = fixtures();
    expect(await a.lookupIsbn({ isbn: LIVING })).toMatchObject({
      found: true,
      book: { title: "活着", language: "zh" },
    });

    // Adding by an ISBN nobody knows needs the details typed in.
    await expect(a.addCopy({ isbn: UNKNOWN_ISBN } as never)).rejects.toMatchObject(
      code("BOOK_DETAILS_NEEDED"),
    );
    const manual = await a.addCopy({
      book: {
        isbn: UNKNOWN_ISBN,
        title: "Notes of a Reading Circle",
        authors: ["Mei Ling"],
        year: 1999,
        language: "en",
      },
      quantity: 2,
      mode: "give",
    } as never);
    expect(manual.book).toMatchObject({ isbn13: UNKNOWN_ISBN, title: "Notes of a Reading Circle" });
    expect(manual.copies.map((c) => c.mode)).toEqual(["give", "give"]);
    // The same ISBN again is the same edition.
    const again = await t.caller(bo, NOW).books.addCopy({ isbn: UNKNOWN_ISBN } as never);
    expect(again.book.id).toBe(manual.book.id);
    // Without any ISBN, too.
    const noIsbn = await a.addCopy({ book: { title: "家族相册", authors: ["佚名"] } } as never);
    expect(noIsbn.book.isbn13).toBeNull();
  });

  it("refuses bad copies and changes nothing", async () => {
    const a = t.caller(ann, NOW).books;
    const before = await snapshot(h.db);
    await expect(
      a.addCopy({ isbn: GATSBY, note: "x".repeat(1001) } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(a.addCopy({ isbn: GATSBY, quantity: 21 } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // A wrong check digit is a validation error that carries the domain's code.
    await expect(a.addCopy({ isbn: "9780743273566" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [{ path: ["isbn"], params: { domainCode: "INVALID_ISBN" } }] },
    });
    // Members do not stock the association's shelf.
    await expect(
      a.addCopy({
        isbn: GATSBY,
        forAssociation: true,
        custodian: { kind: "shelf", locationId: "central" },
      } as never),
    ).rejects.toMatchObject(code("NOT_PERMITTED"));
    // Sharing needs an active membership.
    const gone = await makeMember(h.db, "Old Timer", "expired");
    await expect(
      t.caller(gone, NOW).books.addCopy({ isbn: GATSBY } as never),
    ).rejects.toMatchObject(code("MEMBERSHIP_INACTIVE"));
    expect(await snapshot(h.db)).toBe(before);

    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    await expect(
      t.caller(bo, NOW).books.updateCopy({ id: copyId, note: "mine now" }),
    ).rejects.toMatchObject(code("NOT_COPY_OWNER"));
    await expect(t.caller(bo, NOW).books.withdrawCopy({ id: copyId })).rejects.toMatchObject(
      code("NOT_COPY_OWNER"),
    );
    const updated = await a.updateCopy({ id: copyId, note: "Pencil marks on p. 12", loanDays: 10 });
    expect(updated).toMatchObject({ note: "Pencil marks on p. 12", loanDays: 10 });
    await expect(a.updateCopy({ id: copyId, note: "y".repeat(1001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("withdraws a copy: an open request ends, and it cannot be requested again", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    const loan = await t.caller(bo, NOW).loans.request({ copyId });
    await t.caller(cy, NOW).loans.joinQueue({ copyId });
    const withdrawn = await t.caller(ann, NOW).books.withdrawCopy({ id: copyId });
    expect(withdrawn).toMatchObject({ state: "withdrawn" });
    expect(await t.caller(bo, NOW).loans.get({ id: loan.id })).toMatchObject({ state: "declined" });
    expect((await t.caller(cy, NOW).loans.mine()).queue).toEqual([]);
    const before = await snapshot(h.db);
    await expect(t.caller(cy, NOW).loans.request({ copyId })).rejects.toMatchObject(
      code("COPY_UNAVAILABLE"),
    );
    await expect(t.caller(ann, NOW).books.withdrawCopy({ id: copyId })).rejects.toMatchObject(
      code("COPY_UNAVAILABLE"),
    );
    expect(await snapshot(h.db)).toBe(before);
    // A lent copy stays until it is back.
    const lent = await addCopy(t, ann, { isbn: PRIDE });
    const l2 = await t.caller(bo, NOW).loans.request({ copyId: lent });
    await t.caller(ann, NOW).loans.accept({ loanId: l2.id });
    await expect(t.caller(ann, NOW).books.withdrawCopy({ id: lent })).rejects.toMatchObject(
      code("COPY_ON_LOAN"),
    );
  });

  it("searches by partial words, authors, ISBN and 2-character Chinese, with filters and paging", async () => {
    await addCopy(t, ann, { isbn: GATSBY });
    await addCopy(t, ann, { isbn: LIVING });
    await addCopy(t, bo, { isbn: PRIDE, mode: "give" });
    await addCopy(t, bo, { book: { title: "平凡的世界", authors: ["路遥"], language: "zh-Hans" } });
    await addCopy(t, bo, { book: { title: "三体", authors: ["刘慈欣"], language: "zh-Hans" } });
    await t.caller(otto, NOW).books.addCopy({
      isbn: GATSBY,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
    } as never);
    const s = (input: Record<string, unknown>) =>
      t
        .caller(cy, NOW)
        .books.search(input as never)
        .then((r) => r.items.map((i) => i.book.title));
    expect(await s({ text: "atsb" })).toEqual(["The Great Gatsby"]);
    expect(await s({ text: "austen" })).toEqual(["Pride and Prejudice"]);
    expect(await s({ text: "Pr" })).toEqual(["Pride and Prejudice"]);
    expect(await s({ text: "0-14-143951-3" })).toEqual(["Pride and Prejudice"]);
    expect(await s({ text: "活着" })).toEqual(["活着"]);
    expect(await s({ text: "余华" })).toEqual(["活着"]);
    expect(await s({ text: "凡的" })).toEqual(["平凡的世界"]);
    expect(await s({ text: "世界" })).toEqual(["平凡的世界"]);
    // Pairs in the wrong order are not a match.
    expect(await s({ text: "界世" })).toEqual([]);
    expect(await s({ text: "体" })).toEqual(["三体"]);
    expect(await s({ text: "50%_" })).toEqual([]);
    expect(await s({ mode: "give" })).toEqual(["Pride and Prejudice"]);
    // "zh" finds "zh-Hans" too (活着's lookup said "zh").
    expect(await s({ language: "zh" })).toEqual(["三体", "平凡的世界", "活着"]);
    expect(await s({ language: "zh-hans" })).toEqual(["三体", "平凡的世界"]);
    expect(await s({ associationOnly: true })).toEqual(["The Great Gatsby"]);
    // A requested copy is not available now; the association's Gatsby still is.
    const [gatsby] = (await t.caller(cy, NOW).books.search({ text: "gatsby" })).items;
    expect(gatsby).toMatchObject({ copies: 2, available: 2 });
    const page = await t.caller(cy, NOW).books.get({ id: gatsby!.book.id });
    const annsCopy = page.copies.find((c) => c.owner.kind === "member")!;
    await t.caller(cy, NOW).loans.request({ copyId: annsCopy.id });
    expect(
      (await t.caller(bo, NOW).books.search({ text: "gatsby", availableNow: true })).items[0],
    ).toMatchObject({
      copies: 2,
      available: 1,
    });
    const living = (await t.caller(cy, NOW).books.search({ text: "活着" })).items[0]!;
    await t.caller(cy, NOW).loans.request({
      copyId: (await t.caller(cy, NOW).books.get({ id: living.book.id })).copies[0]!.id,
    });
    expect(await s({ text: "活着", availableNow: true })).toEqual([]);

    // Paging walks every book once, in title order.
    const first = await t.caller(cy, NOW).books.search({ limit: 2 });
    const second = await t.caller(cy, NOW).books.search({ limit: 2, cursor: first.nextCursor! });
    const third = await t.caller(cy, NOW).books.search({ limit: 2, cursor: second.nextCursor! });
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.book.title);
    expect(all).toEqual(await s({ limit: 100 }));
    expect(third.nextCursor).toBeNull();
    await expect(t.caller(cy, NOW).books.search({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(t.caller(cy, NOW).books.search({ cursor: "nonsense" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shows a book's copies with state, and the activities that feature it", async () => {
    const added = await t.caller(ann, NOW).books.addCopy({ isbn: GATSBY, visible: false } as never);
    const bookId = added.book.id;
    expect((await t.caller(bo, NOW).books.get({ id: bookId })).copies).toEqual([]);
    expect((await t.caller(ann, NOW).books.get({ id: bookId })).copies).toHaveLength(1);
    const byId = await publishedActivity(t, otto, { featuredBookIds: [bookId] });
    const byTitle = await publishedActivity(t, otto, {
      title: "Jazz Age evening",
      featuredBooks: ["The Great Gatsby (any edition)"],
    });
    const page = await t.caller(bo, NOW).books.get({ id: bookId });
    expect(page.activities.map((a) => a.id).sort()).toEqual([byId, byTitle].sort());
    await expect(t.caller(bo, NOW).books.get({ id: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A hidden copy cannot be requested by others.
    await expect(
      t.caller(bo, NOW).loans.request({ copyId: added.copies[0]!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const mine = await t.caller(ann, NOW).books.myCopies();
    expect(mine.items.map((i) => i.book.title)).toEqual(["The Great Gatsby"]);
  });

  it("prints labels for the association's copies", async () => {
    const added = await t.caller(otto, NOW).books.addCopy({
      isbn: GATSBY,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
      quantity: 3,
    } as never);
    const codes = added.copies.map((c) => c.labelCode);
    expect(new Set(codes).size).toBe(3);
    for (const c of codes) expect(c).toMatch(/^RB[2-9A-Z]{6}$/);
    const label = await t.caller(otto, NOW).books.label({ copyId: added.copies[0]!.id });
    expect(label).toMatchObject({
      code: codes[0],
      title: "The Great Gatsby",
      location: "Central Library",
    });
    expect(label.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    await expect(
      t.caller(bo, NOW).books.label({ copyId: added.copies[0]!.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Members do not see label codes.
    const page = await t.caller(bo, NOW).books.get({ id: added.book.id });
    expect(page.copies.map((c) => c.labelCode)).toEqual([null, null, null]);
    const shelf = await t.caller(otto, NOW).books.myCopies({ shelfLocationId: "central" });
    expect(shelf.items).toHaveLength(3);
  });
});

describe("book refusals over HTTP", () => {
  it("carry the domain code in error.data, validation errors included", async () => {
    const [pglite] = testDrivers(null);
    const h = await pglite!.open();
    try {
      const t = buildHarness(h);
      await t.person("Hal Http");
      const cookie = await t.signIn("hal.http@example.org");
      const bad = await trpcGet(t.app, "books.lookupIsbn", { isbn: "9780743273566" }, { cookie });
      expect(bad.status).toBe(400);
      expect(bad.body.error.data.domainCode).toBe("INVALID_ISBN");
      const add = await trpcPost(t.app, "books.addCopy", { isbn: "0-306-40615-3" }, { cookie });
      expect(add.status).toBe(400);
      expect(add.body.error.data).toMatchObject({
        domainCode: "INVALID_ISBN",
        zodError: { fieldErrors: { isbn: ["Invalid ISBN"] } },
      });
    } finally {
      await h.close();
    }
  });
});
