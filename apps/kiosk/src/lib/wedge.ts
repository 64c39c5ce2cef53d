// A USB barcode scanner is a "keyboard wedge": it types what it read, very fast, and ends
// with Enter. This tells such a burst from a person typing, wherever the focus is.
import { onCleanup } from "solid-js";

/** Scanners type a character every few ms; people need 80 ms or more between keys. */
export const WEDGE_MAX_GAP_MS = 50;
/** Shorter bursts are not codes we use (a member number has 8 digits). */
export const WEDGE_MIN_LENGTH = 6;

export interface WedgeOptions {
  onScan: (text: string) => void;
  maxGapMs?: number;
  minLength?: number;
  /** Injected in tests; defaults to the event's timestamp clock. */
  now?: () => number;
}

/**
 * A keydown handler that collects fast keystrokes and reports them as one scan when Enter
 * ends the burst. The Enter of a scan is swallowed, so it does not also submit a form.
 */
export function createWedgeDetector(options: WedgeOptions): (event: KeyboardEvent) => void {
  const maxGap = options.maxGapMs ?? WEDGE_MAX_GAP_MS;
  const minLength = options.minLength ?? WEDGE_MIN_LENGTH;
  const now = options.now ?? (() => performance.now());
  let buffer = "";
  let last = Number.NEGATIVE_INFINITY;

  return (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const at = now();
    const fast = at - last <= maxGap;
    last = at;
    if (event.key === "Enter") {
      const text = buffer;
      buffer = "";
      if (fast && text.length >= minLength) {
        event.preventDefault();
        event.stopPropagation();
        options.onScan(text);
      }
      return;
    }
    if (event.key.length !== 1) return;
    buffer = fast ? buffer + event.key : event.key;
  };
}

/** Listens for scans on the whole document while the calling component is mounted. */
export function useWedgeScanner(onScan: (text: string) => void): void {
  const handler = createWedgeDetector({ onScan });
  // Capture phase: the scan is recognised before a focused field's own Enter handling.
  document.addEventListener("keydown", handler, true);
  onCleanup(() => document.removeEventListener("keydown", handler, true));
}
