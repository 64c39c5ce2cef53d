import { describe, expect, it, vi } from "vitest";
import { createWedgeDetector } from "./wedge.ts";

/** Sends `text` then Enter, `gapMs` apart, through the detector; returns the Enter event. */
function typeInto(
  detector: (event: KeyboardEvent) => void,
  clock: { t: number },
  text: string,
  gapMs: number,
) {
  for (const key of text) {
    clock.t += gapMs;
    detector(new KeyboardEvent("keydown", { key, cancelable: true }));
  }
  clock.t += gapMs;
  const enter = new KeyboardEvent("keydown", { key: "Enter", cancelable: true });
  detector(enter);
  return enter;
}

function setup() {
  const clock = { t: 1_000 };
  const onScan = vi.fn();
  const detector = createWedgeDetector({ onScan, now: () => clock.t });
  return { clock, onScan, detector };
}

describe("keyboard-wedge scanner detection", () => {
  it("reports a fast burst ending in Enter as one scan and swallows the Enter", () => {
    const { clock, onScan, detector } = setup();
    const enter = typeInto(detector, clock, "RDR1:12345674:1:abcdef0123456789", 4);
    expect(onScan).toHaveBeenCalledWith("RDR1:12345674:1:abcdef0123456789");
    expect(enter.defaultPrevented).toBe(true);
  });

  it("leaves a person typing at human speed alone (their Enter submits the form)", () => {
    const { clock, onScan, detector } = setup();
    const enter = typeInto(detector, clock, "12345674", 120);
    expect(onScan).not.toHaveBeenCalled();
    expect(enter.defaultPrevented).toBe(false);
  });

  it("ignores short bursts, which are no code the kiosk reads", () => {
    const { clock, onScan, detector } = setup();
    typeInto(detector, clock, "1234", 3);
    expect(onScan).not.toHaveBeenCalled();
  });

  it("starts over after a pause, so slow keys typed before a scan are not part of it", () => {
    const { clock, onScan, detector } = setup();
    for (const key of "ab") {
      clock.t += 500;
      detector(new KeyboardEvent("keydown", { key }));
    }
    clock.t += 500;
    typeInto(detector, clock, "12345674", 5);
    expect(onScan).toHaveBeenCalledWith("12345674");
  });

  it("does not count a slow Enter after fast keys (a person pasted, then thought)", () => {
    const { clock, onScan, detector } = setup();
    for (const key of "12345674") {
      clock.t += 5;
      detector(new KeyboardEvent("keydown", { key }));
    }
    clock.t += 2_000;
    detector(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(onScan).not.toHaveBeenCalled();
  });

  it("skips Shift and other named keys inside a burst (scanners send Shift for capitals)", () => {
    const { clock, onScan, detector } = setup();
    for (const key of ["Shift", "R", "Shift", "D", "R", "1", ":", "1", "2", "3"]) {
      clock.t += 3;
      detector(new KeyboardEvent("keydown", { key }));
    }
    clock.t += 3;
    detector(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(onScan).toHaveBeenCalledWith("RDR1:123");
  });

  it("scans twice in a row", () => {
    const { clock, onScan, detector } = setup();
    typeInto(detector, clock, "12345674", 5);
    clock.t += 3_000;
    typeInto(detector, clock, "00000018", 5);
    expect(onScan.mock.calls).toEqual([["12345674"], ["00000018"]]);
  });
});
