// Idle reset: after a while with no touch, click or key, the kiosk goes back to its start
// screen so nobody's name or number stays on screen for the next person.
import { onCleanup } from "solid-js";

/** DESIGN §3: back to the start screen after 20 s without input. */
export const IDLE_RESET_MS = 20_000;

const INPUT_EVENTS = ["pointerdown", "keydown", "input", "wheel", "touchstart"] as const;

/**
 * Calls `onIdle` once `ms` pass without input while `active()` is true; any input starts
 * the wait again. Listens on the document while the calling component is mounted.
 */
export function useIdleReset(options: { active: () => boolean; onIdle: () => void; ms?: number }): {
  poke: () => void;
} {
  const ms = options.ms ?? IDLE_RESET_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (options.active()) options.onIdle();
    }, ms);
  };
  for (const type of INPUT_EVENTS) document.addEventListener(type, poke, true);
  poke();
  onCleanup(() => {
    clearTimeout(timer);
    for (const type of INPUT_EVENTS) document.removeEventListener(type, poke, true);
  });
  return { poke };
}
