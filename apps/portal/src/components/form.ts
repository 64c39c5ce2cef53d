// Form state helpers: show a field's errors once it has been left or the form submitted,
// then keep them live.
import { createSignal } from "solid-js";
import type { Message } from "../i18n/index.ts";

export type Checks<F extends string> = Record<F, () => Message | undefined>;

export function createFormState<F extends string>(checks: Checks<F>) {
  const [submitted, setSubmitted] = createSignal(false);
  const [touched, setTouched] = createSignal<ReadonlySet<F>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<Message>();
  const inputs = new Map<F, HTMLElement>();

  return {
    busy,
    setBusy,
    failure,
    setFailure,
    /** Registers an input so a failed submit can move focus to it. */
    register: (field: F) => (element: HTMLElement) => void inputs.set(field, element),
    /** The field's problem, once the form has been submitted or the field left. */
    error: (field: F): Message | undefined =>
      submitted() || touched().has(field) ? checks[field]() : undefined,
    /** Marks a field as left by the reader: its problems show from now on (instant checks). */
    touch: (field: F) => {
      if (!touched().has(field)) setTouched(new Set([...touched(), field]));
    },
    /** Forgets the first submit, e.g. after a successful save clears the form. */
    reset: () => {
      setSubmitted(false);
      setTouched(new Set<F>());
    },
    /** Marks the form submitted; returns true when every check passes, else focuses the first bad field. */
    validate(): boolean {
      setSubmitted(true);
      setFailure(undefined);
      const firstBad = (Object.keys(checks) as F[]).find((field) => checks[field]());
      if (firstBad) inputs.get(firstBad)?.focus();
      return firstBad === undefined;
    },
  };
}
