// The association shelf at the kiosk, on PGlite and PostgreSQL: borrow by card QR or member
// number and a label or ISBN scan, refusals that say why (overdue, limit, membership, card),
// re-sent scans that change nothing, returns at another library, and the queue's offer.
import { bumpCardVersion, getMemberById, insertKioskDevice, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { addDays, dateInZone, memberNumberFromSequence } from "@readers/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { cardPayload } from "../src/members/card.ts";
import { makeMember, NOW, seedPlaces, TZ, type User } from "./activities-fixtures.ts";
import { code, fixtures, GATSBY, PRIDE, snapshot } from "./books-fixtures.ts";
import { buildHarness, type Harness } from "./harness.ts";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const today = dateInZone(NOW, TZ);
type Member = User & { memberId: string };

describe.each(testDrivers(inject("databaseUrl")))("kiosk shelf on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let bo: Member;
  let cy: Member;
  let otto: Member;
  let labels: string[];
  let copyIds: string[];
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
    for (const [id, locationId] of [
      ["k-central", "central"],
      ["k-campus", "campus"],
    ] as const) {
      await insertKioskDevice(h.db, { id, name: `Kiosk ${locationId}`, locationId });
    }
    bo = await makeMember(h.db, "Bo Chen");
    cy = await makeMember(h.db, "Cy Wu");
    otto = await makeMember(h.db, "Otto Organizer", "active", "organizer");
    const added = await t.caller(otto, NOW).books.addCopy({
      isbn: GATSBY,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
      quantity: 2,
    } as never);
    labels = added.copies.map((c) => c.labelCode!);
    copyIds = added.copies.map((c) => c.id);
  });
  // Through the app's kiosk router, as a paired kiosk calls them.
  const kiosk = (locationId: "central" | "campus", now = NOW) =>
    t.caller({ kind: "kiosk", deviceId: `k-${locationId}`, locationId }, now).kiosk;
  const qrOf = async (m: Member) => {
    const row = (await getMemberById(h.db, m.memberId))!;
    return cardPayload(row.memberNumber, row.cardVersion, t.services.cardKey);
  };
  const numberOf = async (m: Member) => (await getMemberById(h.db, m.memberId))!.memberNumber;

  it("lends at once by card and label, and a re-sent scan changes nothing", async () => {
    const result = await kiosk("central").borrow({
      credential: { qr: await qrOf(bo) },
      barcode: labels[0]!.toLowerCase(),
      clientId: "scan-1",
    });
    expect(result).toMatchObject({
      outcome: "BORROWED",
      copyId: copyIds[0],
      title: "The Great Gatsby",
      dueDate: addDays(today, 21),
      memberFirstName: "Bo",
    });
    const before = await snapshot(h.db);
    expect(
      await kiosk("central").borrow({
        credential: { qr: await qrOf(bo) },
        barcode: labels[0]!,
        clientId: "scan-1",
      }),
    ).toEqual(result);
    expect(await snapshot(h.db)).toBe(before);
    const loan = await t.caller(bo, NOW).loans.get({ id: result.loanId });
    expect(loan).toMatchObject({
      state: "on_loan",
      owner: { kind: "association", shelf: "Central Library" },
    });
    expect(loan.timeline.map((e) => [e.kind, e.actorRole])).toEqual([
      ["requested", "kiosk"],
      ["handed_over", "kiosk"],
    ]);
    // By member number and ISBN: the free copy of that edition.
    const second = await kiosk("central").borrow({
      credential: { memberNumber: await numberOf(cy) },
      barcode: GATSBY,
      clientId: "scan-2",
    });
    expect(second.copyId).toBe(copyIds[1]);
  });

  it("says why it will not lend, and lends nothing", async () => {
    const expired = (await makeMember(h.db, "Ex Pired", "expired")) as Member;
    const suspended = (await makeMember(h.db, "Sus Pended", "suspended")) as Member;
    const before = await snapshot(h.db);
    let scans = 0;
    const borrow = (credential: Record<string, string>, barcode = labels[0]!, now = NOW) =>
      kiosk("central", now).borrow({
        credential,
        barcode,
        clientId: `c-${++scans}`,
      } as never);
    await expect(borrow({ qr: await qrOf(expired) })).rejects.toMatchObject(
      code("MEMBERSHIP_INACTIVE"),
    );
    await expect(borrow({ qr: await qrOf(suspended) })).rejects.toMatchObject(
      code("MEMBERSHIP_INACTIVE"),
    );
    await expect(
      borrow({ memberNumber: memberNumberFromSequence(9_999_999) }),
    ).rejects.toMatchObject(code("UNKNOWN_MEMBER"));
    await expect(borrow({ qr: "RDR1.nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(borrow({ qr: await qrOf(bo) }, "RB222222")).rejects.toMatchObject(
      code("COPY_NOT_FOUND"),
    );
    // The other library's shelf does not lend this one's books.
    await expect(
      kiosk("campus").borrow({
        credential: { qr: await qrOf(bo) },
        barcode: labels[0]!,
        clientId: "x1",
      }),
    ).rejects.toMatchObject(code("COPY_NOT_FOUND"));
    // A card reported lost.
    const oldQr = await qrOf(cy);
    await bumpCardVersion(h.db, cy.memberId, NOW);
    await expect(borrow({ qr: oldQr })).rejects.toMatchObject(code("CARD_REVOKED"));
    expect(await snapshot(h.db)).toBe(before);

    // Overdue: nothing more until it is back.
    await kiosk("central").borrow({
      credential: { qr: await qrOf(bo) },
      barcode: labels[0]!,
      clientId: "old",
    });
    await expect(borrow({ qr: await qrOf(bo) }, labels[1]!, at(25))).rejects.toMatchObject(
      code("HAS_OVERDUE"),
    );
    // Someone else holds it.
    await expect(borrow({ qr: await qrOf(otto) }, labels[0]!, at(25))).rejects.toMatchObject(
      code("COPY_UNAVAILABLE"),
    );
  });

  it("stops at the loan limit", async () => {
    const more = await t.caller(otto, NOW).books.addCopy({
      isbn: PRIDE,
      forAssociation: true,
      custodian: { kind: "shelf", locationId: "central" },
      quantity: 2,
    } as never);
    const codes = [...labels, ...more.copies.map((c) => c.labelCode!)];
    const qr = await qrOf(bo);
    for (const [i, barcode] of codes.slice(0, 3).entries()) {
      await kiosk("central").borrow({ credential: { qr }, barcode, clientId: `l${i}` });
    }
    await expect(
      kiosk("central").borrow({ credential: { qr }, barcode: codes[3]!, clientId: "l3" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", ...code("LOAN_LIMIT_REACHED") });
  });

  it("takes books back at any library and offers them to the next in line", async () => {
    const lent = await kiosk("central").borrow({
      credential: { qr: await qrOf(bo) },
      barcode: labels[0]!,
      clientId: "b1",
    });
    await kiosk("central").borrow({
      credential: { qr: await qrOf(bo) },
      barcode: labels[1]!,
      clientId: "b2",
    });
    await t.caller(cy, NOW).loans.joinQueue({ copyId: copyIds[0]! });
    const back = await kiosk("campus", at(25)).return({ barcode: labels[0]!, clientId: "r1" });
    expect(back).toMatchObject({
      outcome: "RETURNED",
      loanId: lent.loanId,
      late: true,
      reserved: true,
    });
    // Re-sent: the same answer, nothing more.
    const before = await snapshot(h.db);
    expect(await kiosk("campus", at(25)).return({ barcode: labels[0]!, clientId: "r1" })).toEqual(
      back,
    );
    expect(await snapshot(h.db)).toBe(before);
    // It now lives on the campus shelf, offered to Cy for pickup there.
    const [copy] = await queryRows<{ shelf_location_id: string }>(
      h.db,
      sql`select shelf_location_id from book_copy where id = ${copyIds[0]!}`,
    );
    expect(copy!.shelf_location_id).toBe("campus");
    const cys = await t.caller(cy, at(25)).loans.mine();
    expect(cys.asBorrower).toMatchObject([{ state: "accepted", copyId: copyIds[0] }]);
    expect(cys.asBorrower[0]!.timeline[0]).toMatchObject({ kind: "offered", actorRole: "system" });
    // Bo's return counts as trust; Cy collects at the campus kiosk.
    expect((await t.caller(bo, at(25)).loans.get({ id: lent.loanId })).state).toBe("returned");
    const collected = await kiosk("campus", at(26)).borrow({
      credential: { qr: await qrOf(cy) },
      barcode: labels[0]!,
      clientId: "c1",
    });
    expect(collected.loanId).toBe(cys.asBorrower[0]!.id);
    // By ISBN: the copy that is on loan. A copy that is not out is refused.
    expect(
      await kiosk("central", at(26)).return({ barcode: GATSBY, clientId: "r2" }),
    ).toMatchObject({
      outcome: "RETURNED",
      late: true,
    });
    await kiosk("central", at(26)).return({ barcode: GATSBY, clientId: "r3" });
    await expect(
      kiosk("central", at(27)).return({ barcode: labels[1]!, clientId: "r4" }),
    ).rejects.toMatchObject(code("LOAN_MOVE_INVALID"));
    await expect(
      kiosk("central").return({ barcode: "not a code", clientId: "r5" }),
    ).rejects.toMatchObject(code("COPY_NOT_FOUND"));
  });
});
