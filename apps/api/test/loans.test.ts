// The loan machine through the API, on PGlite and PostgreSQL: every refusal with its code
// and nothing changed, wrong parties, gifts and losses, shelf pickups, queues and their
// limits, privacy between members, the expiry and reminder jobs (also as two instances at
// once), and two members asking for the last copy at once (two pools on PostgreSQL).
import { createDb, ensureAssociationSettings, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { addDays, dateInZone } from "@readers/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { runLoanExpiry, runLoanReminders } from "../src/jobs/loans.ts";
import { silentLogger } from "../src/logger.ts";
import { renderMail } from "../src/notifications/templates.ts";
import { createContextInner } from "../src/trpc/context.ts";
import { appRouter } from "../src/trpc/router.ts";
import { makeMember, NOW, seedPlaces, TZ, type User } from "./activities-fixtures.ts";
import {
  addCopy,
  code,
  fixtures,
  GATSBY,
  LIVING,
  outboxKinds,
  PRIDE,
  snapshot,
} from "./books-fixtures.ts";
import { buildHarness, type Harness } from "./harness.ts";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const today = dateInZone(NOW, TZ);
type Member = User & { memberId: string };

describe.each(testDrivers(inject("databaseUrl")))("loans on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let ann: Member;
  let bo: Member;
  let cy: Member;
  let dan: Member;
  let otto: Member;
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
    dan = await makeMember(h.db, "Dan Moe");
    otto = await makeMember(h.db, "Otto Organizer", "active", "organizer");
  });
  const loans = (who: User, when = NOW) => t.caller(who, when).loans;
  /** A copy of Ann's lent to Bo (requested, accepted, handed over at `when`). */
  async function lentToBo(isbn = GATSBY, when = NOW, copyInput: Record<string, unknown> = {}) {
    const copyId = await addCopy(t, ann, { isbn, ...copyInput }, when);
    const { id } = await loans(bo, when).request({ copyId });
    await loans(ann, when).accept({ loanId: id });
    await loans(bo, when).handOver({ loanId: id });
    return { copyId, loanId: id };
  }
  /** Runs `fn` and checks that no book-sharing table changed. */
  async function unchanged(fn: () => Promise<unknown>) {
    const before = await snapshot(h.db);
    await fn();
    expect(await snapshot(h.db)).toBe(before);
  }

  it("refuses requests by their rules and changes nothing", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY, minTrust: 2 });
    const free = await addCopy(t, ann, { isbn: PRIDE });
    const expired = await makeMember(h.db, "Ex Pired", "expired");
    await unchanged(async () => {
      await expect(loans(ann).request({ copyId: free })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        ...code("OWN_COPY"),
      });
      await expect(loans(expired).request({ copyId: free })).rejects.toMatchObject(
        code("MEMBERSHIP_INACTIVE"),
      );
      await expect(loans(bo).request({ copyId })).rejects.toMatchObject(code("TRUST_TOO_LOW"));
      await expect(loans(bo).request({ copyId: "no-such-copy" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(
        loans(bo).request({ copyId: free, message: "m".repeat(501) }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(loans(bo).joinQueue({ copyId: free })).rejects.toMatchObject(
        code("COPY_NOT_BUSY"),
      );
    });
    await loans(bo).request({ copyId: free });
    await unchanged(async () => {
      await expect(loans(bo).request({ copyId: free })).rejects.toMatchObject(
        code("ALREADY_REQUESTED"),
      );
      await expect(loans(bo).joinQueue({ copyId: free })).rejects.toMatchObject(
        code("ALREADY_REQUESTED"),
      );
      await expect(loans(cy).request({ copyId: free })).rejects.toMatchObject({
        code: "CONFLICT",
        ...code("COPY_UNAVAILABLE"),
        cause: { details: { canQueue: true } },
      });
    });
    await loans(cy).joinQueue({ copyId: free });
    await unchanged(() =>
      expect(loans(cy).joinQueue({ copyId: free })).rejects.toMatchObject(
        code("ALREADY_REQUESTED"),
      ),
    );
  });

  it("lets only the right party make each move", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    const { id: loanId } = await loans(bo).request({ copyId });
    await unchanged(async () => {
      await expect(loans(bo).accept({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_FORBIDDEN"));
      await expect(loans(ann).cancel({ loanId })).rejects.toMatchObject(
        code("LOAN_MOVE_FORBIDDEN"),
      );
      await expect(loans(ann).handOver({ loanId })).rejects.toMatchObject({
        code: "CONFLICT",
        ...code("LOAN_MOVE_INVALID"),
      });
      await expect(loans(bo).return({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_INVALID"));
      // A stranger learns nothing, not even that the loan exists; officers do not answer
      // for members' copies.
      await expect(loans(dan).accept({ loanId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(loans(otto).accept({ loanId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
    await loans(ann).accept({ loanId });
    await loans(ann).handOver({ loanId });
    await unchanged(async () => {
      await expect(loans(bo).return({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_FORBIDDEN"));
      await expect(loans(ann).renew({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_FORBIDDEN"));
      await expect(loans(bo).handOver({ loanId })).rejects.toMatchObject(code("LOAN_MOVE_INVALID"));
    });
    const lost = await loans(bo).reportLost({ loanId, note: "Left it on a train" });
    expect(lost).toMatchObject({ state: "lost" });
    expect(lost.timeline.at(-1)).toMatchObject({
      kind: "lost",
      actorRole: "borrower",
      details: { note: "Left it on a train" },
    });
    // A lost copy leaves the catalogue.
    await expect(loans(cy).request({ copyId })).rejects.toMatchObject(code("COPY_UNAVAILABLE"));
    const page = await t.caller(cy).books.get({ id: lost.book.id });
    expect(page.copies).toEqual([]);
  });

  it("declines and cancels free the copy for the next in the queue", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    const first = await loans(bo).request({ copyId });
    await loans(cy).joinQueue({ copyId });
    // Served in the order they joined (a minute apart here).
    expect(await loans(dan, at(0.001)).joinQueue({ copyId })).toEqual({ copyId, position: 2 });
    const declined = await loans(ann).decline({ loanId: first.id, note: "Lending to family" });
    expect(declined.state).toBe("declined");
    expect(
      (await outboxKinds(h.db)).some((m) => m.kind === "loan_declined" && m.userId === bo.userId),
    ).toBe(true);
    const cys = (await loans(cy).mine()).asBorrower;
    expect(cys.map((l) => l.state)).toEqual(["requested"]);
    expect((await loans(dan).mine()).queue).toMatchObject([{ copyId, position: 1 }]);
    // Cy cancels: Dan's turn.
    await loans(cy).cancel({ loanId: cys[0]!.id });
    expect((await loans(dan).mine()).asBorrower.map((l) => l.state)).toEqual(["requested"]);
    // Leaving a queue one is not in is refused.
    await expect(loans(cy).leaveQueue({ copyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tells the queue when a copy is withdrawn: their places end with it", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    await loans(bo).request({ copyId });
    await loans(cy).joinQueue({ copyId });
    await loans(dan, at(0.001)).joinQueue({ copyId });
    await t.caller(ann, at(0.01)).books.withdrawCopy({ id: copyId });
    expect((await loans(cy).mine()).queue).toEqual([]);
    const told = (await outboxKinds(h.db)).filter((m) => m.kind === "queue_ended");
    expect(new Set(told.map((m) => m.userId))).toEqual(new Set([cy.userId, dan.userId]));
    // Bo's open request was declined rather than ended silently.
    expect(
      (await outboxKinds(h.db)).some((m) => m.kind === "loan_declined" && m.userId === bo.userId),
    ).toBe(true);
  });

  it("renews within the limits: not twice, not when queued, not when overdue", async () => {
    const { loanId, copyId } = await lentToBo(GATSBY, NOW);
    const due = addDays(today, 21);
    expect((await loans(bo).get({ id: loanId })).dueDate).toBe(due);
    await loans(bo, at(5)).renew({ loanId });
    await unchanged(() =>
      expect(loans(bo, at(6)).renew({ loanId })).rejects.toMatchObject(
        code("RENEWAL_LIMIT_REACHED"),
      ),
    );
    const other = await lentToBo(PRIDE, NOW);
    await loans(cy).joinQueue({ copyId: other.copyId });
    await unchanged(() =>
      expect(loans(bo, at(1)).renew({ loanId: other.loanId })).rejects.toMatchObject(
        code("COPY_QUEUED"),
      ),
    );
    await loans(cy).leaveQueue({ copyId: other.copyId });
    await unchanged(() =>
      expect(loans(bo, at(30)).renew({ loanId: other.loanId })).rejects.toMatchObject(
        code("LOAN_OVERDUE"),
      ),
    );
    // Overdue: Bo may not ask for more until it is back; the page says it is overdue.
    const third = await addCopy(t, cy, { isbn: LIVING });
    await unchanged(() =>
      expect(loans(bo, at(30)).request({ copyId: third })).rejects.toMatchObject(
        code("HAS_OVERDUE"),
      ),
    );
    expect(await loans(bo, at(30)).get({ id: other.loanId })).toMatchObject({ overdue: true });
    expect(copyId).toBeTruthy();
  });

  it("keeps the loan limit and the hold limit", async () => {
    const shelf = await t.caller(otto).books.addCopy({
      isbn: GATSBY,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
      quantity: 4,
    } as never);
    // A request to a member is not a loan yet; accepting it later must still fit the limit.
    const peer = await addCopy(t, ann, { isbn: LIVING });
    const peerReq = await loans(bo).request({ copyId: peer });
    expect(peerReq.state).toBe("requested");
    // A shelf request is offered for pickup at once: it counts towards the limit.
    for (const copy of shelf.copies.slice(0, 3)) {
      expect(await loans(bo).request({ copyId: copy.id })).toMatchObject({
        state: "accepted",
        expiresAt: at(7).toISOString(),
      });
    }
    await unchanged(() =>
      expect(loans(bo).request({ copyId: shelf.copies[3]!.id })).rejects.toMatchObject(
        code("LOAN_LIMIT_REACHED"),
      ),
    );
    // Members do not hand over the association's copies themselves; the kiosk does.
    const picked = (await loans(bo).mine()).asBorrower.find((l) => l.state === "accepted")!;
    await expect(loans(bo).handOver({ loanId: picked.id })).rejects.toMatchObject(
      code("LOAN_MOVE_FORBIDDEN"),
    );
    // Officers see the association's open loans on their desk.
    expect((await loans(otto).mine()).association).toHaveLength(3);
    // Hold limit: 3 queue places.
    for (const copy of shelf.copies.slice(0, 3)) await loans(cy).joinQueue({ copyId: copy.id });
    const busy = await addCopy(t, ann, { isbn: PRIDE });
    await loans(dan).request({ copyId: busy });
    await unchanged(() =>
      expect(loans(cy).joinQueue({ copyId: busy })).rejects.toMatchObject(
        code("HOLD_LIMIT_REACHED"),
      ),
    );
    await unchanged(() =>
      expect(loans(ann).accept({ loanId: peerReq.id })).rejects.toMatchObject(
        code("LOAN_LIMIT_REACHED"),
      ),
    );
  });

  it("tells the owner of a copy kept on a shelf that the shelf moves it, not they", async () => {
    // Otto keeps his own copy on Central's shelf: Bo's request is offered for pickup there.
    const copyId = await addCopy(t, otto, {
      isbn: GATSBY,
      custodian: { kind: "shelf", locationId: "central" },
    });
    const { id } = await loans(bo).request({ copyId });
    const [asOwner] = (await loans(otto).mine()).asOwner;
    expect(asOwner).toMatchObject({ id, state: "accepted", myRole: "owner", onShelf: true });
    await unchanged(() =>
      expect(loans(otto).handOver({ loanId: id })).rejects.toMatchObject(
        code("LOAN_MOVE_FORBIDDEN"),
      ),
    );
    // A copy its owner keeps is not on a shelf.
    const { loanId } = await lentToBo(PRIDE);
    expect((await loans(ann).get({ id: loanId })).onShelf).toBe(false);
  });

  it("hands a gift over for good", async () => {
    const copyId = await addCopy(t, ann, { isbn: PRIDE, mode: "give" });
    const { id } = await loans(bo).request({ copyId });
    await loans(ann).accept({ loanId: id });
    const given = await loans(ann).handOver({ loanId: id });
    expect(given).toMatchObject({ state: "given", dueDate: null });
    const bos = await t.caller(bo).books.myCopies();
    expect(bos.items.map((i) => i.copy.id)).toEqual([copyId]);
    expect((await t.caller(ann).books.myCopies()).items).toEqual([]);
  });

  it("shows each member only their own loans", async () => {
    const { loanId } = await lentToBo();
    await expect(loans(dan).get({ id: loanId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const dans = await loans(dan).mine({ includeClosed: true });
    expect([...dans.asBorrower, ...dans.asOwner, ...dans.association]).toEqual([]);
    expect((await loans(ann).get({ id: loanId })).myRole).toBe("owner");
    expect((await loans(bo).get({ id: loanId })).myRole).toBe("borrower");
    // An officer may look a loan up (to help); a member without a membership sees nothing.
    expect((await loans(otto).get({ id: loanId })).id).toBe(loanId);
    const anon = await t.person("No Member");
    expect(await t.caller(anon).loans.mine()).toEqual({
      asBorrower: [],
      asOwner: [],
      association: [],
      queue: [],
    });
    await expect(t.caller(anon).loans.request({ copyId: "x" })).rejects.toMatchObject(
      code("NOT_A_MEMBER"),
    );
  });

  it("waits for answers and pickups as long as the admin sets, and no one else may set it", async () => {
    const ada = await makeMember(h.db, "Ada Admin", "active", "admin");
    const settings = { name: "Readers", timezone: TZ };
    await ensureAssociationSettings(h.db, settings);
    // Another rule stored beside it stays as it is.
    await h.db.execute(sql`update association_settings set rules = '{"other": 1}'::jsonb`);
    for (const bad of [0, 32, 1.5]) {
      await expect(
        t.caller(ada).admin.updateSettings({
          ...settings,
          bookSharing: { requestExpiryDays: bad, pickupDays: 3 },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      t.caller(otto).admin.updateSettings({
        ...settings,
        bookSharing: { requestExpiryDays: 2, pickupDays: 3 },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.caller(ada).admin.settings()).bookSharing).toEqual({
      requestExpiryDays: 7,
      pickupDays: 7,
    });
    const saved = await t.caller(ada).admin.updateSettings({
      ...settings,
      bookSharing: { requestExpiryDays: 2, pickupDays: 3 },
    });
    expect(saved.bookSharing).toEqual({ requestExpiryDays: 2, pickupDays: 3 });
    const [row] = await queryRows<{ rules: Record<string, unknown> }>(
      h.db,
      sql`select rules from association_settings`,
    );
    expect(row!.rules).toMatchObject({ other: 1, bookSharing: { pickupDays: 3 } });
    // Saving the name alone leaves the waits as they are.
    await t.caller(ada).admin.updateSettings(settings);
    expect((await t.caller(ada).admin.settings()).bookSharing.pickupDays).toBe(3);

    const peer = await addCopy(t, ann, { isbn: GATSBY });
    const request = await loans(bo).request({ copyId: peer });
    expect(request.expiresAt).toBe(at(2).toISOString());
    // The owner's e-mail says by when to answer, not a fixed number of days.
    const [mail] = await queryRows<{
      kind: string;
      locale: string;
      payload: Record<string, unknown>;
    }>(
      h.db,
      sql`select kind, locale, payload from outbox
          where channel = 'email' and kind = 'loan_requested' order by id desc limit 1`,
    );
    expect(mail!.payload.answerBy).toBe(at(2).toISOString());
    const text = renderMail(mail!.kind, "en", mail!.payload, "Readers").text;
    expect(text).toContain("Please accept or decline by");
    expect(text).not.toContain("7 days");
    const shelf = await t.caller(otto).books.addCopy({
      isbn: PRIDE,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
    } as never);
    const pickup = await loans(cy).request({ copyId: shelf.copies[0]!.id });
    expect(pickup).toMatchObject({ state: "accepted", expiresAt: at(3).toISOString() });
    // The sweep follows the same waits.
    expect(await runLoanExpiry(h.db, t.services, at(1.9))).toBe(0);
    expect(await runLoanExpiry(h.db, t.services, at(2.1))).toBe(1);
    expect(await runLoanExpiry(h.db, t.services, at(3.1))).toBe(1);
    expect((await loans(cy).get({ id: pickup.id })).state).toBe("expired");
  });

  it("expires unanswered requests and uncollected pickups, and the queue moves on", async () => {
    const copyId = await addCopy(t, ann, { isbn: GATSBY });
    const { id: waiting } = await loans(bo).request({ copyId });
    await loans(cy).joinQueue({ copyId });
    expect(await runLoanExpiry(h.db, t.services, at(6.9))).toBe(0);
    // Two instances sweeping at once expire it once.
    const second = h.url ? await createDb({ databaseUrl: h.url, migrate: false }) : null;
    try {
      const counts = await Promise.all([
        runLoanExpiry(h.db, t.services, at(7.1)),
        runLoanExpiry(second?.db ?? h.db, t.services, at(7.1)),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await second?.close();
    }
    expect((await loans(bo, at(7.1)).get({ id: waiting })).state).toBe("expired");
    const cys = (await loans(cy, at(7.1)).mine()).asBorrower;
    expect(cys.map((l) => l.state)).toEqual(["requested"]);
    // Accepted but never collected: expires 7 days after acceptance.
    await loans(ann, at(8)).accept({ loanId: cys[0]!.id });
    expect(await runLoanExpiry(h.db, t.services, at(14))).toBe(0);
    expect(await runLoanExpiry(h.db, t.services, at(15.1))).toBe(1);
    expect((await loans(cy, at(16)).get({ id: cys[0]!.id })).state).toBe("expired");
    expect((await loans(cy, at(16)).get({ id: cys[0]!.id })).timeline.at(-1)).toMatchObject({
      kind: "expired",
      actorRole: "system",
    });
  });

  it("reminds 3 days before, on the due date and 7 days after, once each", async () => {
    const { loanId } = await lentToBo(GATSBY, NOW);
    const reminders = async (days: number) => {
      const n = await runLoanReminders(h.db, t.services, at(days));
      const again = await runLoanReminders(h.db, t.services, at(days));
      expect(again).toBe(0);
      return n;
    };
    expect(await reminders(10)).toBe(0);
    expect(await reminders(18)).toBe(2); // in-app + e-mail to Bo
    expect(await reminders(19)).toBe(0); // already sent
    // The due-date run was missed; the next day's run catches up.
    expect(await reminders(22)).toBe(2);
    expect(await reminders(28)).toBe(4); // Bo, and Ann learns her book is late
    const kinds = await queryRows<{ kind: string; n: number }>(
      h.db,
      sql`select kind, count(*)::int as n from outbox where kind like 'loan_%due%' or kind = 'loan_overdue' group by kind order by kind`,
    );
    expect(kinds).toEqual([
      { kind: "loan_due_soon", n: 2 },
      { kind: "loan_due_today", n: 2 },
      { kind: "loan_overdue", n: 4 },
    ]);
    const [payload] = await queryRows<{ payload: Record<string, unknown> }>(
      h.db,
      sql`select payload from outbox where kind = 'loan_due_soon' limit 1`,
    );
    expect(payload!.payload).toMatchObject({
      loanId,
      title: "The Great Gatsby",
      dueDate: addDays(today, 21),
    });
  });

  it("gives the last copy to exactly one of two members asking at once", async () => {
    for (let round = 0; round < 5; round++) {
      const copyId = await addCopy(t, ann, { isbn: GATSBY });
      const second = h.url ? await createDb({ databaseUrl: h.url, migrate: false }) : null;
      try {
        const other = second
          ? appRouter.createCaller(
              createContextInner({
                db: second.db,
                actor: cy,
                services: t.services,
                logger: silentLogger,
                now: NOW,
              }),
            )
          : t.caller(cy, NOW);
        const results = await Promise.allSettled([
          loans(bo).request({ copyId }),
          other.loans.request({ copyId }),
        ]);
        const won = results.filter((r) => r.status === "fulfilled");
        const lost = results.filter((r) => r.status === "rejected");
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toMatchObject(code("COPY_UNAVAILABLE"));
        const [open] = await queryRows<{ n: number }>(
          h.db,
          sql`select count(*)::int as n from loan where copy_id = ${copyId}`,
        );
        expect(open!.n).toBe(1);
      } finally {
        await second?.close();
      }
    }
  });
});
