import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { at, copy, loan } from "../../test/fixtures.js";
import type { Copy } from "./book.js";
import {
  isOpenLoanState,
  LOAN_MOVES,
  LOAN_STATES,
  LOAN_TRANSITIONS,
  type Loan,
  type LoanActor,
  type LoanMove,
  type LoanRole,
  LoanSchema,
  type LoanState,
  loanExpiresAt,
  loanRoles,
  loanTransition,
} from "./loan.js";

const DAY = 24 * 60 * 60 * 1000;
const requestedAt = at("2025-03-01T10:00:00Z");
const acceptedAt = at("2025-03-02T10:00:00Z");
const later = new Date(acceptedAt.getTime() + 8 * DAY);
const borrower = { loanDays: 21, loanLimit: 3, committedLoans: 0 };

const ACTORS: Record<LoanRole, LoanActor> = {
  borrower: { kind: "member", memberId: "borrower" },
  owner: { kind: "member", memberId: "owner" },
  association: { kind: "member", memberId: "staff", staff: true },
  kiosk: { kind: "kiosk", locationId: "central" },
  system: { kind: "system" },
};

const custodies = {
  peer: { copy: copy(), ownerMemberId: "owner" as string | null },
  shelf: {
    copy: copy({
      owner: { kind: "association" },
      custodian: { kind: "shelf", locationId: "central" },
    }),
    ownerMemberId: null as string | null,
  },
};

function loanIn(
  state: LoanState,
  ownerMemberId: string | null,
  overrides: Partial<Loan> = {},
): Loan {
  return loan({
    state,
    ownerMemberId,
    requestedAt,
    acceptedAt: state === "requested" ? null : acceptedAt,
    ...overrides,
  });
}

function move(
  state: LoanState,
  m: LoanMove,
  actor: LoanActor,
  custody: keyof typeof custodies = "peer",
  extra: { now?: Date; loan?: Partial<Loan>; copy?: Partial<Copy>; committed?: number } = {},
) {
  const c = custodies[custody];
  return loanTransition({
    loan: loanIn(state, c.ownerMemberId, extra.loan),
    copy: { ...c.copy, ...extra.copy },
    move: m,
    actor,
    now: extra.now ?? later,
    timeZone: "Europe/Paris",
    borrower: { ...borrower, committedLoans: extra.committed ?? 0 },
  });
}

describe("loan machine: every allowed move, by every role", () => {
  const cases = LOAN_TRANSITIONS.flatMap((rule) =>
    (["peer", "shelf"] as const).flatMap((custody) =>
      (Object.keys(ACTORS) as LoanRole[]).map((role) => ({
        name: `${rule.from} --${rule.move}--> ${rule.to} [${custody}] by ${role}`,
        rule,
        custody,
        role,
        allowed: rule[custody].includes(role),
      })),
    ),
  );

  it.each(cases)("$name: allowed=$allowed", ({ rule, custody, role, allowed }) => {
    const result = move(rule.from, rule.move, ACTORS[role], custody);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, value: { loan: { state: rule.to } } });
    } else {
      expect(result).toMatchObject({ ok: false, code: "LOAN_MOVE_FORBIDDEN" });
    }
  });
});

describe("loan machine: every move the machine does not have", () => {
  const invalid = LOAN_STATES.flatMap((state) =>
    LOAN_MOVES.filter((m) => !LOAN_TRANSITIONS.some((r) => r.from === state && r.move === m)).map(
      (m) => ({
        state,
        move: m,
      }),
    ),
  );

  it.each(invalid)("$state --$move--> refused", ({ state, move: m }) => {
    expect(move(state, m, ACTORS.system)).toMatchObject({
      ok: false,
      code: "LOAN_MOVE_INVALID",
      state,
      move: m,
    });
  });
});

describe("loan machine details", () => {
  it("hand-over of a lend sets the due date: hand-over day + min(owner, tier) days", () => {
    const result = move("accepted", "hand_over", ACTORS.owner, "peer", {
      now: at("2025-03-03T23:30:00Z"),
      copy: { loanDays: 14 },
    });
    // 23:30 UTC is already 4 March in Paris.
    expect(result).toMatchObject({
      ok: true,
      value: { loan: { state: "on_loan", dueDate: "2025-03-18" }, effects: { copyFreed: false } },
    });
  });

  it("hand-over of a give ends the loan and moves ownership", () => {
    expect(
      move("accepted", "hand_over", ACTORS.borrower, "peer", { loan: { mode: "give" } }),
    ).toMatchObject({
      ok: true,
      value: {
        loan: { state: "given", closedAt: later, dueDate: null },
        effects: { transferOwnershipTo: "borrower", copyFreed: false },
      },
    });
  });

  it("a kiosk hands over only shelf copies at its own location", () => {
    expect(
      move("accepted", "hand_over", { kind: "kiosk", locationId: "east" }, "shelf"),
    ).toMatchObject({
      code: "LOAN_MOVE_FORBIDDEN",
    });
    expect(move("accepted", "hand_over", ACTORS.kiosk, "peer")).toMatchObject({
      code: "LOAN_MOVE_FORBIDDEN",
    });
  });

  it("a return at a kiosk frees the copy onto that kiosk's shelf", () => {
    expect(move("on_loan", "return", { kind: "kiosk", locationId: "east" }, "shelf")).toMatchObject(
      {
        ok: true,
        value: { effects: { copyFreed: true, shelfLocationId: "east" } },
      },
    );
    expect(move("on_loan", "return", ACTORS.owner, "peer")).toMatchObject({
      value: { effects: { copyFreed: true, shelfLocationId: null } },
    });
  });

  it("a lost copy is not freed; a declined request frees it", () => {
    expect(move("on_loan", "report_lost", ACTORS.borrower)).toMatchObject({
      value: { effects: { copyFreed: false } },
    });
    expect(move("requested", "decline", ACTORS.owner)).toMatchObject({
      value: { effects: { copyFreed: true } },
    });
  });

  it("expires only after 7 days", () => {
    const sixDays = new Date(requestedAt.getTime() + 6 * DAY);
    expect(move("requested", "expire", ACTORS.system, "peer", { now: sixDays })).toMatchObject({
      code: "LOAN_NOT_EXPIRED",
      expiresAt: new Date(requestedAt.getTime() + 7 * DAY),
    });
    expect(
      move("accepted", "expire", ACTORS.system, "peer", {
        now: new Date(acceptedAt.getTime() + 7 * DAY),
      }),
    ).toMatchObject({
      ok: true,
      value: { loan: { state: "expired" }, effects: { copyFreed: true } },
    });
  });

  it("accepting is refused once the borrower is at the loan limit", () => {
    expect(move("requested", "accept", ACTORS.owner, "peer", { committed: 3 })).toMatchObject({
      ok: false,
      code: "LOAN_LIMIT_REACHED",
      loanLimit: 3,
    });
    expect(move("requested", "accept", ACTORS.owner, "peer", { committed: 2 })).toMatchObject({
      ok: true,
      value: { loan: { state: "accepted", acceptedAt: later } },
    });
  });

  it("loanExpiresAt and roles", () => {
    expect(loanExpiresAt(loanIn("on_loan", "owner"))).toBeNull();
    expect(loanExpiresAt(loanIn("accepted", "owner", { acceptedAt: null }))).toBeNull();
    expect(loanExpiresAt(loanIn("requested", "owner"), { requestExpiryDays: 2 })).toEqual(
      new Date(requestedAt.getTime() + 2 * DAY),
    );
    expect(
      loanRoles(loanIn("requested", "owner"), copy(), {
        kind: "member",
        memberId: "x",
        staff: true,
      }),
    ).toEqual([]);
    expect(isOpenLoanState("on_loan")).toBe(true);
    expect(isOpenLoanState("given")).toBe(false);
  });

  it("schema parses stored loans", () => {
    const parsed = LoanSchema.parse({
      id: "l",
      copyId: "c",
      borrowerId: "b",
      ownerMemberId: null,
      state: "on_loan",
      requestedAt: "2025-03-01T10:00:00Z",
      dueDate: "2025-03-22",
    });
    expect(parsed).toMatchObject({ mode: "lend", renewals: 0, closedAt: null });
    expect(LoanSchema.safeParse({ ...parsed, state: "borrowed" }).success).toBe(false);
  });
});

describe("loan machine (property)", () => {
  const actors = fc.constantFrom(...(Object.values(ACTORS) as LoanActor[]));
  it("no sequence of moves leaves the machine's states; closed loans stay closed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("peer" as const, "shelf" as const),
        fc.constantFrom("lend" as const, "give" as const),
        fc.array(
          fc.record({
            move: fc.constantFrom(...LOAN_MOVES),
            actor: actors,
            days: fc.integer({ min: 0, max: 10 }),
          }),
          {
            maxLength: 30,
          },
        ),
        (custody, mode, steps) => {
          const c = custodies[custody];
          let current = loan({ ownerMemberId: c.ownerMemberId, mode, requestedAt });
          let now = requestedAt;
          for (const step of steps) {
            now = new Date(now.getTime() + step.days * DAY);
            const result = loanTransition({
              loan: current,
              copy: c.copy,
              move: step.move,
              actor: step.actor,
              now,
              timeZone: "UTC",
              borrower,
            });
            if (!isOpenLoanState(current.state)) expect(result.ok).toBe(false);
            if (result.ok) {
              expect(LOAN_STATES).toContain(result.value.loan.state);
              const rule = LOAN_TRANSITIONS.find(
                (r) => r.from === current.state && r.move === step.move,
              );
              expect(rule).toBeDefined();
              if (!isOpenLoanState(result.value.loan.state))
                expect(result.value.loan.closedAt).toEqual(now);
              current = result.value.loan;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
