import { describe, expect, it } from "vitest";
import { at, copy } from "../../test/fixtures.js";
import type { Copy } from "./book.js";
import type { BorrowerState } from "./loan-request.js";
import { decideJoinQueue, planQueueAdvance, QueueEntrySchema, sortQueue } from "./queue.js";

const today = "2025-03-10";
const member: Omit<BorrowerState, "loanLimit"> = {
  memberId: "m",
  membershipStatus: "active",
  trust: 0,
  loans: [],
  queuedCopyIds: [],
};

function join(
  b: Partial<BorrowerState> = {},
  c: Partial<Copy> = {},
  copyBusy = true,
  holdLimit = 3,
) {
  return decideJoinQueue({
    borrower: { ...member, ...b },
    copy: copy(c),
    copyBusy,
    holdLimit,
    today,
  });
}

describe("decideJoinQueue", () => {
  it("joins the queue of a busy copy", () => {
    expect(join()).toEqual({ ok: true, value: { joined: true } });
  });

  it.each([
    ["MEMBERSHIP_INACTIVE", () => join({ membershipStatus: "grace" })],
    ["OWN_COPY", () => join({ memberId: "owner" })],
    ["ALREADY_REQUESTED", () => join({ queuedCopyIds: ["c1"] })],
    [
      "ALREADY_REQUESTED",
      () => join({ loans: [{ copyId: "c1", state: "on_loan", dueDate: "2025-03-20" }] }),
    ],
    ["COPY_UNAVAILABLE", () => join({}, { withdrawnAt: new Date(0) })],
    ["COPY_NOT_BUSY", () => join({}, {}, false)],
    [
      "HAS_OVERDUE",
      () => join({ loans: [{ copyId: "x", state: "on_loan", dueDate: "2025-03-01" }] }),
    ],
    ["TRUST_TOO_LOW", () => join({}, { minTrust: 1 })],
    ["HOLD_LIMIT_REACHED", () => join({ queuedCopyIds: ["a", "b", "c"] })],
  ])("%s", (code, run) => {
    expect(run()).toMatchObject({ ok: false, code });
  });
});

describe("planQueueAdvance", () => {
  const now = at("2025-03-10T10:00:00Z");
  const queue = [
    { id: "q2", memberId: "b", joinedAt: at("2025-03-02T00:00:00Z"), eligible: true },
    { id: "q1", memberId: "a", joinedAt: at("2025-03-01T00:00:00Z"), eligible: false },
    { id: "q3", memberId: "c", joinedAt: at("2025-03-03T00:00:00Z"), eligible: true },
  ];

  it("peer copy: the first eligible member's place becomes a request; ineligible ones are dropped", () => {
    expect(planQueueAdvance({ copy: copy(), queue, now })).toEqual({
      kind: "request",
      entryId: "q2",
      memberId: "b",
      dropped: ["q1"],
    });
  });

  it("shelf copy: offered for pickup for 7 days", () => {
    const shelf = copy({
      owner: { kind: "association" },
      custodian: { kind: "shelf", locationId: "central" },
    });
    expect(planQueueAdvance({ copy: shelf, queue, now })).toEqual({
      kind: "offer",
      entryId: "q2",
      memberId: "b",
      pickupBy: at("2025-03-17T10:00:00Z"),
      dropped: ["q1"],
    });
    expect(
      planQueueAdvance({ copy: shelf, queue, now, settings: { pickupDays: 2 } }),
    ).toMatchObject({
      pickupBy: at("2025-03-12T10:00:00Z"),
    });
  });

  it("nobody eligible, or a withdrawn copy: nobody gets it", () => {
    expect(planQueueAdvance({ copy: copy(), queue: [], now })).toEqual({
      kind: "none",
      dropped: [],
    });
    expect(
      planQueueAdvance({ copy: copy(), queue: queue.map((q) => ({ ...q, eligible: false })), now }),
    ).toEqual({
      kind: "none",
      dropped: ["q1", "q2", "q3"],
    });
    expect(planQueueAdvance({ copy: copy({ withdrawnAt: now }), queue, now })).toMatchObject({
      kind: "none",
      dropped: ["q2", "q1", "q3"],
    });
  });

  it("sorts by arrival then id; schema parses entries", () => {
    const t = at("2025-03-01T00:00:00Z");
    expect(
      sortQueue([
        { id: "b", joinedAt: t },
        { id: "a", joinedAt: t },
      ]).map((q) => q.id),
    ).toEqual(["a", "b"]);
    expect(
      QueueEntrySchema.parse({
        id: "q",
        copyId: "c",
        memberId: "m",
        joinedAt: "2025-03-01T00:00:00Z",
      }).joinedAt,
    ).toEqual(t);
  });
});
