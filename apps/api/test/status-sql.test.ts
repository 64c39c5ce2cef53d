// The member list filters by status in SQL; the domain's membershipStatusOn is the rule.
// This property test holds the SQL mirror to the rule on random memberships.
import { insertMember, insertMembership, listMembers, saveTier } from "@readers/db";
import { type TestDatabase, testDrivers } from "@readers/db/testing";
import { addDays, membershipStatusOn } from "@readers/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const TODAY = "2026-06-15";
const day = (offset: number) => addDays(TODAY, offset);
const instant = new Date("2026-01-01T00:00:00Z");

const membershipArb = fc.record({
  approved: fc.boolean(),
  paid: fc.boolean(),
  period: fc.option(
    fc.tuple(fc.integer({ min: -400, max: 30 }), fc.integer({ min: 0, max: 400 })),
    { nil: null },
  ),
  suspended: fc.boolean(),
  cancelled: fc.boolean(),
  tier: fc.integer({ min: 0, max: 3 }),
});

describe.each(testDrivers(inject("databaseUrl")))("membership status in SQL on $name", (driver) => {
  let h: TestDatabase;
  beforeAll(async () => {
    h = await driver.open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("agrees with the domain's membershipStatusOn for random memberships", async () => {
    const tiers = [
      { id: "t0", name: "Free", feeCents: 0, requiresApproval: false, graceDays: 30 },
      { id: "t1", name: "Paid", feeCents: 100, requiresApproval: false, graceDays: 0 },
      { id: "t2", name: "Approved", feeCents: 0, requiresApproval: true, graceDays: 10 },
      { id: "t3", name: "Both", feeCents: 500, requiresApproval: true, graceDays: 60 },
    ];
    for (const t of tiers) {
      await saveTier(
        h.db,
        {
          ...t,
          term: { kind: "rolling", months: 12 },
          loanLimit: 3,
          loanDays: 21,
          maxRenewals: 1,
          holdLimit: 3,
        },
        instant,
      );
    }
    const samples = fc.sample(membershipArb, { numRuns: 300, seed: 20261126 });
    const expected = new Map<string, string>();
    for (const [i, s] of samples.entries()) {
      const id = `m${i}`;
      const tier = tiers[s.tier]!;
      const facts = {
        approvedAt: s.approved ? instant : null,
        paidAt: s.paid ? instant : null,
        startDate: s.period ? day(s.period[0]) : null,
        endDate: s.period ? day(s.period[0] + s.period[1]) : null,
        suspendedAt: s.suspended ? instant : null,
        cancelledAt: s.cancelled ? instant : null,
      };
      await insertMember(h.db, {
        id,
        memberNumber: String(10_000_000 + i),
        firstName: "F",
        lastName: id,
        email: `${id}@x.org`,
      });
      await insertMembership(h.db, {
        id: `ms${i}`,
        memberId: id,
        tierId: tier.id,
        appliedAt: instant,
        ...facts,
      });
      expected.set(
        id,
        membershipStatusOn(
          facts,
          { ...tier, term: { kind: "rolling", months: 12 } } as never,
          TODAY,
        ),
      );
    }
    const { rows } = await listMembers(h.db, {
      today: TODAY,
      sort: "joined",
      direction: "asc",
      limit: 1000,
      offset: 0,
    });
    expect(rows).toHaveLength(samples.length);
    const mismatches = rows.filter((r) => r.status !== expected.get(r.memberId));
    expect(
      mismatches.map((r) => ({ id: r.memberId, sql: r.status, domain: expected.get(r.memberId) })),
    ).toEqual([]);
    // And the status filter selects exactly the members the rule puts in that status.
    for (const status of [
      "pending",
      "active",
      "grace",
      "expired",
      "suspended",
      "cancelled",
    ] as const) {
      const filtered = await listMembers(h.db, {
        today: TODAY,
        status,
        sort: "joined",
        direction: "asc",
        limit: 1000,
        offset: 0,
      });
      expect(filtered.total).toBe([...expected.values()].filter((s) => s === status).length);
    }
  });
});
