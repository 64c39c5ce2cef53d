// Members end to end through the API: tiers, applying, approval and payment, the card and
// lost cards, suspensions, renewal, leaving, organizer lists, CSV import/export, personal
// data export and account deletion, expiry reminders.
import { getOutboxRow, listAudit, queryRows } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { isValidMemberNumber, memberNumberFromSequence } from "@readers/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { runExpiryReminders } from "../src/jobs/expiry-reminders.ts";
import type { Actor } from "../src/trpc/context.ts";
import { buildHarness, type Harness } from "./harness.ts";

type User = Extract<Actor, { kind: "user" }>;
const NOW = new Date("2026-03-10T09:00:00Z");
const profile = {
  firstName: "Ann",
  lastName: "Lee",
  phone: "+86 138 0000 0000",
  directoryConsent: true,
};
const rolling12 = { kind: "rolling" as const, months: 12 };

describe.each(testDrivers(inject("databaseUrl")))("members on $name", (driver) => {
  let h: TestDatabase;
  let t: Harness;
  let admin: User;
  let organizer: User;
  let ann: User;
  let freeTier: string;
  let paidTier: string;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(async () => {
    await h.reset();
    t = buildHarness(h);
    admin = await t.person("Ada Admin", "admin");
    organizer = await t.person("Otto Organizer", "organizer");
    ann = await t.person("Ann Lee");
    const a = t.caller(admin, NOW).memberships;
    freeTier = (await a.saveTier({ name: "Friend", term: rolling12 })).id;
    paidTier = (
      await a.saveTier({
        name: "Standard",
        term: rolling12,
        feeCents: 5000,
        requiresApproval: true,
      })
    ).id;
  });
  const apply = (who: User, tierId: string, now = NOW) => {
    const [firstName = "", lastName = ""] = who.name.split(" ");
    return t.caller(who, now).memberships.apply.call(null, {
      tierId,
      profile: { ...profile, firstName, lastName },
    }) as Promise<{ membershipId: string; status: string }>;
  };

  it("manages tiers: admins only, unique names, archived tiers hidden", async () => {
    await expect(
      t.caller(organizer).memberships.saveTier({ name: "X", term: rolling12 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      t.caller(admin).memberships.saveTier({ name: "friend", term: rolling12 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { domainCode: "TIER_NAME_TAKEN" },
    });
    await expect(
      t
        .caller(admin)
        .memberships.saveTier({ name: "Bad", term: { kind: "fixed", endMonth: 2, endDay: 30 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.caller(admin).memberships.archiveTier({ id: freeTier, archived: true });
    const publicTiers = await t.caller({ kind: "anonymous" }).memberships.tiers();
    expect(publicTiers.map((x) => x.name)).toEqual(["Standard"]);
    expect(
      (await t.caller(admin).memberships.tiers({ includeArchived: true })).map((x) => x.name),
    ).toEqual(["Friend", "Standard"]);
    await expect(apply(ann, freeTier)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a free tier starts at once; a paid, approved tier after approval and payment", async () => {
    const free = await apply(ann, freeTier);
    expect(free.status).toBe("active");
    const me = await t.caller(ann, NOW).me.get();
    expect(isValidMemberNumber(me.member!.memberNumber)).toBe(true);
    expect(me.member!.membership).toMatchObject({
      status: "active",
      startDate: "2026-03-10",
      endDate: "2027-03-09",
      tierName: "Friend",
    });
    expect(me.member!.membership!.privileges.requestLoans).toBe(true);

    const bo = await t.person("Bo Chen");
    const applied = await apply(bo, paidTier);
    expect(applied.status).toBe("pending");
    await expect(
      t.caller(bo).memberships.approve({ membershipId: applied.membershipId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const approved = await t
      .caller(organizer, NOW)
      .memberships.approve({ membershipId: applied.membershipId });
    expect(approved.status).toBe("pending"); // still unpaid
    await expect(
      t.caller(organizer, NOW).memberships.approve({ membershipId: applied.membershipId }),
    ).rejects.toMatchObject({
      cause: { domainCode: "MEMBERSHIP_NOT_PENDING" },
    });
    const paid = await t.caller(organizer, NOW).memberships.recordPayment({
      membershipId: applied.membershipId,
      amountCents: 5000,
      method: "cash",
      reference: "R-001",
    });
    expect(paid).toMatchObject({ status: "active", startDate: "2026-03-10" });
    const boMember = (await t.caller(bo, NOW).me.get()).member!;
    const detail = await t.caller(organizer, NOW).memberships.get({ memberId: boMember.id });
    expect(detail.events.map((e) => e.kind).reverse()).toEqual([
      "applied",
      "approved",
      "payment_recorded",
      "activated",
    ]);
    expect(detail.payments).toEqual([
      expect.objectContaining({
        amountCents: 5000,
        method: "cash",
        reference: "R-001",
        recordedByName: "Otto Organizer",
      }),
    ]);
    const audit = await listAudit(h.db, { limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["membership.approve", "membership.recordPayment"]),
    );
    const outbox = await queryRows<{ kind: string; channel: string }>(
      h.db,
      sql`select kind, channel from outbox where kind = 'membership_approved'`,
    );
    expect(outbox.map((o) => o.channel).sort()).toEqual(["email", "in_app"]);
  });

  it("refuses a second application, even two at once, and bad input changes nothing", async () => {
    const results = await Promise.allSettled([apply(ann, freeTier), apply(ann, freeTier)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(apply(ann, paidTier)).rejects.toMatchObject({
      cause: { domainCode: "ALREADY_MEMBER" },
    });
    const [count] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from membership`,
    );
    expect(count?.n).toBe(1);
    const bo = await t.person("Bo Chen");
    await expect(
      t.caller(bo).memberships.apply.call(null, {
        tierId: freeTier,
        profile: { ...profile, phone: "call me" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await t.caller(bo).me.get()).member).toBeNull();
  });

  it("signs the card, verifies it at the desk, and refuses it once reported lost", async () => {
    await apply(ann, freeTier);
    const card = await t.caller(ann, NOW).memberships.card();
    expect(card.qrSvg).toContain("<svg");
    expect(card.qrPayload).toMatch(/^RDR1:/);
    const ok = await t.caller(organizer, NOW).memberships.verifyCard({ qr: card.qrPayload });
    expect(ok.member.memberNumber).toBe(card.memberNumber);
    expect(ok.membership?.status).toBe("active");
    await expect(
      t.caller(ann).memberships.verifyCard({ qr: card.qrPayload }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const forged = card.qrPayload.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    await expect(t.caller(organizer).memberships.verifyCard({ qr: forged })).rejects.toMatchObject({
      cause: { domainCode: "CARD_SIGNATURE_INVALID" },
    });
    await expect(t.caller(organizer).memberships.verifyCard({ qr: "hello" })).rejects.toMatchObject(
      { cause: { domainCode: "CARD_MALFORMED" } },
    );
    expect(await t.caller(ann).memberships.reportLostCard()).toEqual({ cardVersion: 2 });
    await expect(
      t.caller(organizer).memberships.verifyCard({ qr: card.qrPayload }),
    ).rejects.toMatchObject({ cause: { domainCode: "CARD_REVOKED" } });
    const fresh = await t.caller(ann, NOW).memberships.card();
    expect(
      (await t.caller(organizer, NOW).memberships.verifyCard({ qr: fresh.qrPayload })).member
        .cardVersion,
    ).toBe(2);
  });

  it("suspends and reinstates with reasons, refusing moves that make no sense", async () => {
    const { membershipId } = await apply(ann, freeTier);
    await expect(
      t.caller(organizer).memberships.suspend({ membershipId, reason: " " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const s = await t
      .caller(organizer, NOW)
      .memberships.suspend({ membershipId, reason: "Unreturned books" });
    expect(s).toMatchObject({ status: "suspended", suspensionReason: "Unreturned books" });
    expect((await t.caller(ann, NOW).me.get()).member!.membership!.privileges).toMatchObject({
      requestLoans: false,
      returnBooks: true,
      publicActivities: false,
    });
    await expect(
      t.caller(organizer).memberships.suspend({ membershipId, reason: "again" }),
    ).rejects.toMatchObject({ cause: { domainCode: "ALREADY_SUSPENDED" } });
    expect((await t.caller(organizer, NOW).memberships.reinstate({ membershipId })).status).toBe(
      "active",
    );
    await expect(t.caller(organizer).memberships.reinstate({ membershipId })).rejects.toMatchObject(
      { cause: { domainCode: "NOT_SUSPENDED" } },
    );
    await expect(
      t.caller(organizer).memberships.reinstate({ membershipId: "nope" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("renews no earlier than 60 days before the end, and never shortens", async () => {
    await apply(ann, freeTier);
    await expect(t.caller(ann, NOW).memberships.renew({})).rejects.toMatchObject({
      cause: { domainCode: "RENEWAL_TOO_EARLY", details: { opensOn: "2027-01-08" } },
    });
    expect((await t.caller(ann, NOW).me.get()).member!.membership!.renewalOpensOn).toBe(
      "2027-01-08",
    );
    const later = new Date("2027-02-01T09:00:00Z");
    const renewed = await t.caller(ann, later).memberships.renew({});
    expect(renewed).toMatchObject({
      status: "active",
      startDate: "2026-03-10",
      endDate: "2028-03-09",
    });
    // Long expired: a new period from today.
    const muchLater = new Date("2029-01-01T09:00:00Z");
    expect(await t.caller(ann, muchLater).memberships.renew({})).toMatchObject({
      startDate: "2029-01-01",
      endDate: "2029-12-31",
    });
  });

  it("leaves the association and may come back", async () => {
    await apply(ann, freeTier);
    expect(await t.caller(ann, NOW).memberships.leave()).toEqual({ status: "cancelled" });
    await expect(t.caller(ann, NOW).memberships.leave()).rejects.toMatchObject({
      cause: { domainCode: "MEMBERSHIP_CANCELLED" },
    });
    expect((await apply(ann, freeTier)).status).toBe("active");
    // Every membership change leaves an audit entry, the member's own ones too.
    const actions = (await listAudit(h.db, { limit: 20 })).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith("membership."))).toEqual([
      "membership.apply",
      "membership.leave",
      "membership.apply",
    ]);
    await expect(t.caller(await t.person("No Body")).memberships.card()).rejects.toMatchObject({
      cause: { domainCode: "NOT_A_MEMBER" },
    });
  });

  it("lists, searches, filters, sorts and pages members for organizers only", async () => {
    const names = ["Cy Wu", "Di Xu", "Ed Yu", "Fe Zhu"];
    for (const n of names) await apply(await t.person(n), n === "Ed Yu" ? paidTier : freeTier);
    await apply(ann, freeTier);
    const org = t.caller(organizer, NOW).memberships;
    await expect(t.caller(ann).memberships.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const page1 = await org.list({ pageSize: 2, sort: "name" });
    expect(page1.total).toBe(5);
    expect(page1.items.map((i) => i.lastName)).toEqual(["Lee", "Wu"]);
    const all = await org.list({ pageSize: 100, sort: "name" });
    expect(all.items.map((i) => i.lastName)).toEqual(["Lee", "Wu", "Xu", "Yu", "Zhu"]);
    expect(
      (await org.list({ pageSize: 2, page: 3, sort: "name" })).items.map((i) => i.lastName),
    ).toEqual(["Zhu"]);
    expect((await org.list({ status: "pending" })).items.map((i) => i.lastName)).toEqual(["Yu"]);
    expect((await org.list({ q: "xu" })).items.map((i) => i.firstName)).toEqual(["Di"]);
    expect((await org.list({ q: "fe zhu" })).items).toHaveLength(1);
    const desc = await org.list({ sort: "name", direction: "desc", pageSize: 1 });
    expect(desc.items[0]!.lastName).toBe("Zhu");
    const number = all.items[0]!.memberNumber;
    expect((await org.list({ q: number.slice(0, 8) })).items.map((i) => i.memberNumber)).toEqual([
      number,
    ]);
    await expect(org.list({ pageSize: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("imports a CSV after a dry run, idempotent on e-mail, and exports it back", async () => {
    const org = t.caller(organizer, NOW).memberships;
    const header = "email,first_name,last_name,phone,tier,start_date,end_date,member_number";
    const good = [
      header,
      "li@example.org,明,李,,Friend,2026-01-01,2026-12-31,",
      "sam@example.org,Sam,O'Connor,+44 20 7946 0000,standard,,,",
    ].join("\n");
    const bad = `${good}\nnot-an-email,X,Y,,Gold,,,`;
    const dry = await org.import({ csv: bad, commit: false });
    expect(dry).toMatchObject({ committed: false, counts: { create: 2, error: 1 } });
    expect(dry.rows[0]).toMatchObject({
      line: 4,
      problems: expect.arrayContaining([
        { column: "email", code: "INVALID_EMAIL" },
        { column: "tier", code: "UNKNOWN_TIER" },
      ]),
    });
    await expect(org.import({ csv: bad, commit: true })).rejects.toMatchObject({
      cause: { domainCode: "IMPORT_HAS_ERRORS" },
    });
    expect((await org.list({})).total).toBe(0);
    await expect(org.import({ csv: "name,mail\nx,y", commit: false })).rejects.toMatchObject({
      cause: { domainCode: "IMPORT_COLUMNS_INVALID" },
    });
    const done = await org.import({ csv: good, commit: true });
    expect(done).toMatchObject({ committed: true, counts: { create: 2, update: 0, error: 0 } });
    const again = await org.import({ csv: good, commit: true });
    expect(again.counts).toMatchObject({ create: 0, unchanged: 2 });
    const listed = await org.list({ sort: "name" });
    expect(listed.items.map((i) => [i.lastName, i.status, i.endDate])).toEqual([
      ["O'Connor", "active", "2027-03-09"],
      ["李", "active", "2026-12-31"],
    ]);
    const exported = await org.export({});
    expect(exported.filename).toBe("members-2026-03-10.csv");
    expect(exported.csv.split("\n")[0]).toBe(`${header},status,joined_on`);
    const roundTrip = await org.import({ csv: exported.csv, commit: false });
    expect(roundTrip.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, error: 0 });
    const many = [
      header,
      ...Array.from({ length: 10_001 }, (_, i) => `m${i}@example.org,A,B,,Friend,,,`),
    ].join("\n");
    await expect(org.import({ csv: many, commit: false })).rejects.toMatchObject({
      cause: { domainCode: "IMPORT_TOO_MANY_ROWS" },
    });
    // Someone signing up with an imported member's address cannot claim the membership
    // until the address is confirmed; once it is, the account takes the imported member over.
    const li = { ...(await t.person("Li Ming")), email: "li@example.org" };
    await h.db.execute(sql`update "user" set email = 'li@example.org' where id = ${li.userId}`);
    await expect(apply(li, freeTier)).rejects.toMatchObject({
      cause: { domainCode: "EMAIL_UNVERIFIED" },
    });
    expect((await t.caller(li).me.get()).member).toBeNull();
    const verified = { ...li, emailVerified: true };
    await expect(apply(verified, freeTier)).rejects.toMatchObject({
      cause: { domainCode: "ALREADY_MEMBER" },
    });
    expect((await t.caller(verified, NOW).me.get()).member).toMatchObject({
      lastName: "李",
      membership: { status: "active" },
    });
  });

  it("exports a member's own data and deletes the account, keeping only anonymous counts", async () => {
    await apply(ann, freeTier);
    const data = await t.caller(ann, NOW).me.exportData();
    expect(data).toMatchObject({
      account: { email: ann.email },
      member: { firstName: "Ann", phone: profile.phone },
      memberships: [expect.objectContaining({ tier: "Friend" })],
    });
    await expect(
      t.caller(ann).me.deleteAccount({ confirmEmail: "someone@else.org" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.caller(ann, NOW).me.deleteAccount({ confirmEmail: ann.email.toUpperCase() });
    await expect(t.signIn(ann.email)).rejects.toThrow("401");
    const rows = await queryRows<Record<string, unknown>>(
      h.db,
      sql`select first_name, email, phone, user_id, erased_at from member`,
    );
    expect(rows).toEqual([
      { first_name: "", email: null, phone: null, user_id: null, erased_at: expect.anything() },
    ]);
    const [count] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from membership`,
    );
    expect(count?.n).toBe(1);
    expect((await t.caller(organizer, NOW).memberships.list({})).total).toBe(0);
  });

  it("queues expiry reminders 30 and 7 days ahead, once however often the job runs", async () => {
    await apply(ann, freeTier);
    const thirtyBefore = new Date("2027-02-07T02:00:00Z"); // end 2027-03-09 in Asia/Shanghai
    expect(await runExpiryReminders(h.db, "Asia/Shanghai", thirtyBefore)).toBe(2);
    expect(await runExpiryReminders(h.db, "Asia/Shanghai", thirtyBefore)).toBe(0);
    expect(await runExpiryReminders(h.db, "Asia/Shanghai", new Date("2027-02-08T02:00:00Z"))).toBe(
      0,
    );
    expect(await runExpiryReminders(h.db, "Asia/Shanghai", new Date("2027-03-02T02:00:00Z"))).toBe(
      2,
    );
    const row = await getOutboxRow(
      h.db,
      (
        await queryRows<{ id: number }>(
          h.db,
          sql`select id from outbox where kind = 'membership_expiring' and channel = 'email' limit 1`,
        )
      )[0]!.id,
    );
    expect(row).toMatchObject({
      toEmail: ann.email,
      payload: { daysLeft: 30, endDate: "2027-03-09" },
    });
  });

  it("changes roles with an audit entry, never the admin's own", async () => {
    await expect(
      t.caller(organizer).admin.setRole({ userId: ann.userId, role: "organizer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.caller(admin).admin.setRole({ userId: ann.userId, role: "organizer" });
    // The last admin can neither step down nor delete the account.
    await expect(
      t.caller(admin).admin.setRole({ userId: admin.userId, role: "member" }),
    ).rejects.toMatchObject({
      cause: { domainCode: "LAST_ADMIN" },
    });
    await expect(
      t.caller(admin).me.deleteAccount({ confirmEmail: admin.email }),
    ).rejects.toMatchObject({
      cause: { domainCode: "LAST_ADMIN" },
    });
    const cookie = await t.signIn(ann.email);
    const res = await t.app.request("/trpc/memberships.list", { headers: { cookie } });
    expect(res.status).toBe(200);
    const log = await t.caller(admin).admin.auditLog({});
    expect(log.items[0]).toMatchObject({
      action: "user.setRole",
      actorName: "Ada Admin",
      details: { from: "member", to: "organizer" },
    });
    const users = await t.caller(admin).admin.users({ q: "ann" });
    expect(users.items).toEqual([expect.objectContaining({ email: ann.email, role: "organizer" })]);
  });

  it("keeps officers from settling their own membership, and recovers a suspended approval", async () => {
    const mine = await apply(organizer, paidTier);
    await expect(
      t.caller(organizer, NOW).memberships.approve({ membershipId: mine.membershipId }),
    ).rejects.toMatchObject({
      cause: { domainCode: "OWN_MEMBERSHIP" },
    });
    await t.caller(admin, NOW).memberships.approve({ membershipId: mine.membershipId });
    // Approved, then suspended, then paid: the period starts once reinstated.
    await t
      .caller(admin, NOW)
      .memberships.suspend({ membershipId: mine.membershipId, reason: "Check" });
    await t.caller(admin, NOW).memberships.recordPayment({
      membershipId: mine.membershipId,
      amountCents: 5000,
      method: "cash",
    });
    expect(
      (await t.caller(admin, NOW).memberships.reinstate({ membershipId: mine.membershipId }))
        .status,
    ).toBe("active");
  });

  it("renews only within the tier; a tier change is a new application", async () => {
    await apply(ann, freeTier);
    await expect(
      t.caller(ann, new Date("2027-02-01T09:00:00Z")).memberships.renew({ tierId: paidTier }),
    ).rejects.toMatchObject({
      cause: { domainCode: "TIER_CHANGE_NEEDS_APPLICATION" },
    });
  });

  it("keeps running memberships running when a tier's rules change", async () => {
    await apply(ann, freeTier);
    await t.caller(admin).memberships.saveTier({
      id: freeTier,
      name: "Friend",
      term: rolling12,
      feeCents: 1000,
      requiresApproval: true,
    });
    expect((await t.caller(ann, NOW).me.get()).member!.membership!.status).toBe("active");
  });

  it("imports safely: explicit numbers, unconfirmed accounts, malformed files", async () => {
    const org = t.caller(organizer, NOW).memberships;
    const [{ last_value: last }] = (await queryRows<{ last_value: string }>(
      h.db,
      sql`select last_value from member_number_seq`,
    )) as [{ last_value: string }];
    const next = memberNumberFromSequence(Number(last) + 1);
    const header = "email,first_name,last_name,phone,tier,start_date,end_date,member_number";
    const csv = [
      header,
      "a@example.org,A,A,,Friend,,,",
      `b@example.org,B,B,,Friend,,,${next}`,
    ].join("\n");
    expect((await org.import({ csv, commit: true })).counts.create).toBe(2);
    const numbers = (await org.list({})).items.map((i) => i.memberNumber);
    expect(new Set(numbers).size).toBe(2);
    expect(numbers).toContain(next);
    // Ann applied with an address she has not confirmed: the list may not overwrite her.
    await apply(ann, freeTier);
    const claim = await org.import({
      csv: `${header}\n${ann.email},Someone,Else,,Friend,,,`,
      commit: false,
    });
    expect(claim.rows[0]?.problems).toEqual([{ column: "email", code: "EMAIL_UNCONFIRMED" }]);
    await expect(
      org.import({ csv: `${header}\n"unclosed,quote`, commit: false }),
    ).rejects.toMatchObject({
      cause: { domainCode: "IMPORT_MALFORMED" },
    });
  });

  it("lets admins rename the association and change its time zone", async () => {
    await expect(
      t.caller(admin).admin.updateSettings({ name: "", timezone: "Asia/Shanghai" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      t.caller(admin).admin.updateSettings({ name: "X", timezone: "Mars/Base" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
