// The steps every check-in method shares: run the attempt once (no double taps), show its
// result screen, and read scanned codes from the USB scanner into credentials.
import { useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import type { Credential, TodayActivity } from "./lib/api.ts";
import { readScan } from "./lib/scan.ts";
import { useWedgeScanner } from "./lib/wedge.ts";
import { type KioskResult, useKiosk } from "./state.tsx";

export function useCheckIn() {
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal(false);

  function show(result: KioskResult) {
    kiosk.setResult(result);
    navigate("/result");
  }

  async function attempt(task: (activity: TodayActivity) => Promise<KioskResult>) {
    if (busy()) return;
    const activity = kiosk.selected();
    if (!activity) return show({ kind: "no-activity" });
    setBusy(true);
    try {
      show(await task(activity));
    } finally {
      setBusy(false);
    }
  }

  /** An attempt that needs no activity (the book shelf). */
  async function run(task: () => Promise<KioskResult>) {
    if (busy()) return;
    setBusy(true);
    try {
      show(await task());
    } finally {
      setBusy(false);
    }
  }

  const checkIn = (credential: Credential) =>
    attempt((activity) => kiosk.checkIn(activity, credential));

  /** A code from the camera or the USB scanner. */
  function scan(text: string) {
    const reading = readScan(text);
    if (reading.kind === "credential") return checkIn(reading.credential);
    show({ kind: reading.kind === "invalid-member-number" ? "invalid-number" : "unreadable" });
    return Promise.resolve();
  }

  return { busy, attempt, run, checkIn, scan, show };
}

/** useCheckIn, plus: a burst from the USB scanner anywhere on this screen checks in. */
export function useScannerCheckIn() {
  const checkIn = useCheckIn();
  useWedgeScanner((text) => void checkIn.scan(text));
  return checkIn;
}
