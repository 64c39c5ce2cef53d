import { describe, expect, it } from "vitest";
import {
  ActivateKioskInputSchema,
  formatPairingCode,
  type KioskActivity,
  KioskStaffPinSchema,
  kioskPhase,
  normalizePairingCode,
  preselectActivity,
  zonedDayBounds,
} from "./kiosk.js";

const at = (hhmm: string) => new Date(`2026-05-01T${hhmm}:00Z`);
const activity = (id: string, start: string, end: string, status = "published"): KioskActivity => ({
  id,
  status: status as KioskActivity["status"],
  startsAt: at(start),
  endsAt: at(end),
  checkInOpensMinutesBefore: 60,
});

describe("pairing codes", () => {
  it("normalises what people type and formats for display", () => {
    expect(normalizePairingCode(" k7qp-2m9x ")).toBe("K7QP2M9X");
    expect(normalizePairingCode("lOiO")).toBe("1010");
    expect(formatPairingCode("k7qp2m9x")).toBe("K7QP-2M9X");
  });

  it("accepts eight characters of the alphabet only", () => {
    const ok = (code: string) => ActivateKioskInputSchema.safeParse({ code }).success;
    expect(ok("K7QP-2M9X")).toBe(true);
    expect(ok("k7qp 2m9x")).toBe(true);
    expect(ok("K7QP2M9")).toBe(false);
    expect(ok("K7QP2M9XX")).toBe(false);
    expect(ok("K7QP2M9U")).toBe(false);
    expect(ok("x".repeat(33))).toBe(false);
  });
});

describe("kiosk start screen", () => {
  it("phases: upcoming before the window, open during it, closed at the end or when cancelled", () => {
    const a = activity("a", "10:00", "12:00");
    expect(kioskPhase(a, at("08:59"))).toBe("upcoming");
    expect(kioskPhase(a, at("09:00"))).toBe("open");
    expect(kioskPhase(a, at("11:59"))).toBe("open");
    expect(kioskPhase(a, at("12:00"))).toBe("closed");
    expect(kioskPhase(activity("c", "10:00", "12:00", "cancelled"), at("10:00"))).toBe("closed");
  });

  it("preselects the open activity starting soonest, or none", () => {
    const list = [
      activity("late", "11:00", "13:00"),
      activity("b", "10:00", "12:00"),
      activity("a", "10:00", "12:00"),
      activity("evening", "18:00", "20:00"),
    ];
    expect(preselectActivity(list, at("10:30"))).toBe("a");
    expect(preselectActivity(list, at("12:30"))).toBe("late");
    expect(preselectActivity(list, at("15:00"))).toBeNull();
    expect(preselectActivity([], at("15:00"))).toBeNull();
  });
});

describe("the association's today", () => {
  it("is the local day in the association's time zone", () => {
    expect(zonedDayBounds(new Date("2026-05-01T20:00:00Z"), "Asia/Shanghai")).toEqual({
      from: new Date("2026-05-01T16:00:00Z"),
      to: new Date("2026-05-02T16:00:00Z"),
    });
  });

  it("starts at the end of the gap where clocks jump forward at midnight", () => {
    // Chile: on 2026-09-06 clocks go from 00:00 to 01:00 (UTC−4 → UTC−3).
    const { from, to } = zonedDayBounds(new Date("2026-09-06T15:00:00Z"), "America/Santiago");
    expect(from).toEqual(new Date("2026-09-06T04:00:00Z"));
    expect(to).toEqual(new Date("2026-09-07T03:00:00Z"));
    const before = zonedDayBounds(new Date("2026-09-06T02:30:00Z"), "America/Santiago");
    expect(before.from).toEqual(new Date("2026-09-05T04:00:00Z"));
    expect(before.to).toEqual(from);
  });

  it("is 23 hours long on the spring daylight-saving day", () => {
    const { from, to } = zonedDayBounds(new Date("2026-03-29T12:00:00Z"), "Europe/Paris");
    expect(from).toEqual(new Date("2026-03-28T23:00:00Z"));
    expect(to.getTime() - from.getTime()).toBe(23 * 3_600_000);
  });
});

describe("KioskStaffPinSchema", () => {
  it("takes 4 to 8 digits, spaces around trimmed, and nothing else", () => {
    expect(KioskStaffPinSchema.parse(" 2468 ")).toBe("2468");
    expect(KioskStaffPinSchema.parse("12345678")).toBe("12345678");
    for (const bad of ["123", "123456789", "12a4", "", "１２３４"]) {
      expect(KioskStaffPinSchema.safeParse(bad).success).toBe(false);
    }
  });
});
