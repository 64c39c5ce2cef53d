// Invariants of registration under any sequence of register / cancel / promote:
// confirmed seats never exceed capacity, and the waitlist is served first come, first served.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import { decideRegistrationCancellation } from "./cancellation.js";
import { decideRegistration } from "./registration.js";
import { planWaitlistPromotion } from "./waitlist.js";

type Reg = {
  id: string;
  partySize: number;
  status: "confirmed" | "waitlisted" | "cancelled";
  createdAt: Date;
};

const ops = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant("register" as const),
      member: fc.integer({ min: 0, max: 15 }),
      partySize: fc.integer({ min: 1, max: 4 }),
    }),
    fc.record({ kind: fc.constant("cancel" as const), index: fc.nat() }),
    fc.record({ kind: fc.constant("promote" as const) }),
  ),
  { maxLength: 60 },
);

const confirmedSeats = (regs: Reg[]) =>
  regs.filter((r) => r.status === "confirmed").reduce((sum, r) => sum + r.partySize, 0);

function promote(regs: Reg[], capacity: number) {
  const waiting = regs.filter((r) => r.status === "waitlisted");
  const ids = planWaitlistPromotion({
    capacity,
    confirmedSeats: confirmedSeats(regs),
    waitlist: waiting,
  });
  // Promoted in serving order.
  const order = ids.map((id) => waiting.find((r) => r.id === id) as Reg);
  for (let i = 1; i < order.length; i++) {
    expect((order[i] as Reg).createdAt >= (order[i - 1] as Reg).createdAt).toBe(true);
  }
  for (const reg of order) reg.status = "confirmed";
  const free = capacity - confirmedSeats(regs);
  for (const left of regs.filter((r) => r.status === "waitlisted")) {
    // Nobody left waiting would have fitted…
    expect(left.partySize).toBeGreaterThan(free);
    // …and nobody later with a party as small jumped ahead of them.
    for (const jumped of order) {
      if (jumped.createdAt > left.createdAt) expect(jumped.partySize).toBeLessThan(left.partySize);
    }
  }
}

describe("registration invariants (property)", () => {
  it("never overbooks and keeps waitlist order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        ops,
        (capacity, waitlistEnabled, steps) => {
          const a = activity({ capacity, maxPartySize: Math.min(4, capacity), waitlistEnabled });
          const regs: Reg[] = [];
          let clock = plusMinutes(START, -10 * 24 * 60);
          for (const step of steps) {
            clock = plusMinutes(clock, 1);
            if (step.kind === "register") {
              const id = `m${step.member}`;
              const decision = decideRegistration({
                activity: a,
                counts: { confirmedSeats: confirmedSeats(regs) },
                applicant: {
                  kind: "member",
                  membershipStatus: "active",
                  alreadyRegistered: regs.some((r) => r.id === id && r.status !== "cancelled"),
                },
                partySize: step.partySize,
                now: clock,
              });
              if (decision.ok) {
                const previous = regs.findIndex((r) => r.id === id);
                if (previous >= 0) regs.splice(previous, 1);
                regs.push({
                  id,
                  partySize: step.partySize,
                  status: decision.value.status,
                  createdAt: clock,
                });
              }
            } else if (step.kind === "cancel" && regs.length > 0) {
              const reg = regs[step.index % regs.length] as Reg;
              const decision = decideRegistrationCancellation({
                activity: a,
                registration: { ...reg, checkedInAt: null },
                now: clock,
              });
              if (decision.ok) {
                reg.status = "cancelled";
                if (decision.value.promoteWaitlist) promote(regs, capacity);
              }
            } else if (step.kind === "promote") {
              promote(regs, capacity);
            }
            expect(confirmedSeats(regs)).toBeLessThanOrEqual(capacity);
            if (!waitlistEnabled) expect(regs.some((r) => r.status === "waitlisted")).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
